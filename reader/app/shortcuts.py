"""The ONE table of keyboard shortcuts.

The window turns every entry into a QAction carrying its keys (so it is registered exactly
once) and the Keyboard Shortcuts dialog lists the same entries: the help cannot drift from
what the keys really do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from reader.app.typed_qt import QT_TRANSLATE_NOOP

CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class Shortcut:
    """``name`` is the action's object name; ``slot`` the window method it calls."""

    name: str
    keys: tuple[str, ...]
    text: str
    slot: str
    group: str


# Texts and group names are stored untranslated, marked for lupdate, and translated where shown
# (label(), group_label()).
GROUPS = (
    QT_TRANSLATE_NOOP("Shortcuts", "Reading"),
    QT_TRANSLATE_NOOP("Shortcuts", "Annotate"),
    QT_TRANSLATE_NOOP("Shortcuts", "Edit"),
    QT_TRANSLATE_NOOP("Shortcuts", "Go"),
    QT_TRANSLATE_NOOP("Shortcuts", "View"),
    QT_TRANSLATE_NOOP("Shortcuts", "File"),
    QT_TRANSLATE_NOOP("Shortcuts", "Help"),
)

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("next_item", ("J",), QT_TRANSLATE_NOOP("Shortcuts", "Next item"), "next_item", "Reading"),
    Shortcut("previous_item", ("K",),
             QT_TRANSLATE_NOOP("Shortcuts", "Previous item"),
             "previous_item", "Reading"),
    Shortcut("first_item", ("G",), QT_TRANSLATE_NOOP("Shortcuts", "First item"), "first_item", "Reading"),
    Shortcut("last_item", ("Shift+G",), QT_TRANSLATE_NOOP("Shortcuts", "Last item"), "last_item", "Reading"),
    Shortcut("next_issue", ("N",), QT_TRANSLATE_NOOP("Shortcuts", "Next issue"), "next_issue", "Reading"),
    Shortcut("previous_issue", ("P",),
             QT_TRANSLATE_NOOP("Shortcuts", "Previous issue"),
             "previous_issue", "Reading"),
    Shortcut("scroll_down", ("Space",),
             QT_TRANSLATE_NOOP("Shortcuts", "Scroll the reading pane down"),
             "scroll_down", "Reading"),
    Shortcut("scroll_up", ("Shift+Space",),
             QT_TRANSLATE_NOOP("Shortcuts", "Scroll the reading pane up"),
             "scroll_up", "Reading"),
    Shortcut("mark_read", ("M",),
             QT_TRANSLATE_NOOP("Shortcuts", "Mark the current item read"),
             "mark_read", "Reading"),
    Shortcut("mark_unread", ("U",),
             QT_TRANSLATE_NOOP("Shortcuts", "Mark the current item unread"),
             "mark_unread", "Reading"),
    Shortcut("toggle_star", ("S",),
             QT_TRANSLATE_NOOP("Shortcuts", "Star or unstar the current item"),
             "toggle_star", "Reading"),
    Shortcut("highlight", ("H",),
             QT_TRANSLATE_NOOP("Shortcuts", "Highlight the current item or the selected text"),
             "highlight", "Annotate"),
    Shortcut("tag", ("T",),
             QT_TRANSLATE_NOOP("Shortcuts", "Tag the current or selected items\u2026"),
             "tag_selection", "Annotate"),
    Shortcut("toggle_notes", ("Ctrl+Shift+N",),
             QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the note panel"),
             "toggle_notes", "Annotate"),
    Shortcut("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo"), "undo", "Edit"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "redo", "Edit"),
    Shortcut("search", ("/", "Ctrl+F"), QT_TRANSLATE_NOOP("Shortcuts", "Search"), "focus_search", "Go"),
    Shortcut("back", ("Esc",),
             QT_TRANSLATE_NOOP("Shortcuts", "Close search / back to the list"),
             "go_back", "Go"),
    Shortcut("save_search", ("Ctrl+Shift+S",),
             QT_TRANSLATE_NOOP("Shortcuts", "Save the current search\u2026"),
             "save_search", "Go"),
    Shortcut("font_bigger", ("Ctrl++", "Ctrl+="),
             QT_TRANSLATE_NOOP("Shortcuts", "Larger reading text"),
             "font_bigger", "View"),
    Shortcut("font_smaller", ("Ctrl+-",),
             QT_TRANSLATE_NOOP("Shortcuts", "Smaller reading text"),
             "font_smaller", "View"),
    Shortcut("font_reset", ("Ctrl+0",),
             QT_TRANSLATE_NOOP("Shortcuts", "Default reading text size"),
             "font_reset", "View"),
    Shortcut("page_zoom_in", ("]",), QT_TRANSLATE_NOOP("Shortcuts", "Zoom pages in"), "page_zoom_in", "View"),
    Shortcut("page_zoom_out", ("[",),
             QT_TRANSLATE_NOOP("Shortcuts", "Zoom pages out"),
             "page_zoom_out", "View"),
    Shortcut("fit_width", ("W",), QT_TRANSLATE_NOOP("Shortcuts", "Fit page width"), "fit_width", "View"),
    Shortcut("fit_page", ("Shift+W",), QT_TRANSLATE_NOOP("Shortcuts", "Fit whole page"), "fit_page", "View"),
    Shortcut("toggle_reading", ("F8",),
             QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the reading pane"),
             "toggle_reading", "View"),
    Shortcut("toggle_pages", ("F9",),
             QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the page pane"),
             "toggle_pages", "View"),
    Shortcut("toggle_related", ("Ctrl+Shift+R",),
             QT_TRANSLATE_NOOP("Shortcuts", "Show or hide related items"),
             "toggle_related", "View"),
    Shortcut("import_files", ("Ctrl+O",),
             QT_TRANSLATE_NOOP("Shortcuts", "Import files\u2026"),
             "import_files", "File"),
    Shortcut("import_folder", ("Ctrl+Shift+O",),
             QT_TRANSLATE_NOOP("Shortcuts", "Import folder\u2026"),
             "import_folder", "File"),
    Shortcut("export", ("Ctrl+E",), QT_TRANSLATE_NOOP("Shortcuts", "Export\u2026"), "show_export", "File"),
    Shortcut("shortcuts_help", ("F1", "?"),
             QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"),
             "show_shortcuts", "Help"),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit"), "close", "File"),
)


def label(shortcut: Shortcut) -> str:
    """The action's text, translated."""
    return QCoreApplication.translate(CONTEXT, shortcut.text)


def group_label(shortcut: Shortcut) -> str:
    """The group's name, translated."""
    return QCoreApplication.translate(CONTEXT, shortcut.group)


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    return [QKeySequence(key) for key in shortcut.keys]


def native_text(shortcut: Shortcut) -> str:
    """The keys as the platform writes them ("Ctrl+F" or "⌘F"), comma separated."""
    return ", ".join(
        QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in shortcut.keys
    )
