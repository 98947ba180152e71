"""The ONE table of keyboard shortcuts.

The window turns every entry into a QAction carrying its keys (so it is registered exactly
once) and the Keyboard Shortcuts dialog lists the same entries: the help cannot drift from
what the keys really do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Shortcut:
    """``name`` is the action's object name; ``slot`` the window method it calls."""

    name: str
    keys: tuple[str, ...]
    text: str
    slot: str
    group: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("next_item", ("J",), "Next item", "next_item", "Reading"),
    Shortcut("previous_item", ("K",), "Previous item", "previous_item", "Reading"),
    Shortcut("first_item", ("G",), "First item", "first_item", "Reading"),
    Shortcut("last_item", ("Shift+G",), "Last item", "last_item", "Reading"),
    Shortcut("next_issue", ("N",), "Next issue", "next_issue", "Reading"),
    Shortcut("previous_issue", ("P",), "Previous issue", "previous_issue", "Reading"),
    Shortcut("scroll_down", ("Space",), "Scroll the reading pane down", "scroll_down", "Reading"),
    Shortcut("scroll_up", ("Shift+Space",), "Scroll the reading pane up", "scroll_up", "Reading"),
    Shortcut("mark_read", ("M",), "Mark the current item read", "mark_read", "Reading"),
    Shortcut("mark_unread", ("U",), "Mark the current item unread", "mark_unread", "Reading"),
    Shortcut("toggle_star", ("S",), "Star or unstar the current item", "toggle_star", "Reading"),
    Shortcut("highlight", ("H",), "Highlight the current item or the selected text", "highlight",
             "Annotate"),
    Shortcut("tag", ("T",), "Tag the current or selected items\u2026", "tag_selection", "Annotate"),
    Shortcut("toggle_notes", ("Ctrl+Shift+N",), "Show or hide the note panel", "toggle_notes",
             "Annotate"),
    Shortcut("undo", ("Ctrl+Z",), "Undo", "undo", "Edit"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "redo", "Edit"),
    Shortcut("search", ("/", "Ctrl+F"), "Search", "focus_search", "Go"),
    Shortcut("back", ("Esc",), "Close search / back to the list", "go_back", "Go"),
    Shortcut("font_bigger", ("Ctrl++", "Ctrl+="), "Larger reading text", "font_bigger", "View"),
    Shortcut("font_smaller", ("Ctrl+-",), "Smaller reading text", "font_smaller", "View"),
    Shortcut("font_reset", ("Ctrl+0",), "Default reading text size", "font_reset", "View"),
    Shortcut("page_zoom_in", ("]",), "Zoom pages in", "page_zoom_in", "View"),
    Shortcut("page_zoom_out", ("[",), "Zoom pages out", "page_zoom_out", "View"),
    Shortcut("fit_width", ("W",), "Fit page width", "fit_width", "View"),
    Shortcut("fit_page", ("Shift+W",), "Fit whole page", "fit_page", "View"),
    Shortcut("toggle_reading", ("F8",), "Show or hide the reading pane", "toggle_reading", "View"),
    Shortcut("toggle_pages", ("F9",), "Show or hide the page pane", "toggle_pages", "View"),
    Shortcut("import_files", ("Ctrl+O",), "Import files\u2026", "import_files", "File"),
    Shortcut("import_folder", ("Ctrl+Shift+O",), "Import folder\u2026", "import_folder", "File"),
    Shortcut("export", ("Ctrl+E",), "Export\u2026", "show_export", "File"),
    Shortcut("shortcuts_help", ("F1", "?"), "Keyboard shortcuts", "show_shortcuts", "Help"),
    Shortcut("quit", ("Ctrl+Q",), "Quit", "close", "File"),
)


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    return [QKeySequence(key) for key in shortcut.keys]


def native_text(shortcut: Shortcut) -> str:
    """The keys as the platform writes them ("Ctrl+F" or "⌘F"), comma separated."""
    return ", ".join(
        QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in shortcut.keys
    )
