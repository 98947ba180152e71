"""Accessibility and translation checks for the Qt shell (issue 8, point 6).

* Every interactive control visible in the main window has an accessible name (a button's
  visible text counts as its name), so screen readers can announce it.
* Every top-level menu has an ``&`` mnemonic and no two share one, so every action is reachable
  from the keyboard even when it has no shortcut.
* A static scan of ``reader/app`` finds string literals handed straight to Qt text setters
  without going through ``tr()`` / ``QCoreApplication.translate()``, and f-strings inside
  ``tr()`` (which can never match a translation).
"""

from __future__ import annotations

import ast
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[2] / "reader" / "app"

# Methods whose first positional argument is user-visible text.
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "showMessage", "addMenu", "setTitle", "setWhatsThis", "setLabelText", "setInformativeText",
    "setDetailedText", "setAccessibleName", "setAccessibleDescription", "setPrefix", "setSuffix",
    "setSpecialValueText", "setTabText", "setButtonText", "setWindowIconText",
}
# Methods where any positional argument that is a string is user-visible text.
TEXT_ANYWHERE = {"addAction", "addItem", "addTab", "setHorizontalHeaderLabels", "setHeaderLabels"}
# Constructors whose first positional argument is user-visible text.
TEXT_CONSTRUCTORS = {
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
    "QMenu", "QDockWidget", "QCommandLinkButton",
}
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}
FILE_DIALOGS = {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"}
TRANSLATORS = {"tr", "translate"}


def _is_literal_text(node: ast.AST) -> bool:
    """A string literal (or an expression built from one) that was never translated.

    Literals without a letter ("+", "{name}  ({count})") have nothing to translate.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and any(c.isalpha() for c in str(v.value))
                   for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_literal_text(node.left)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("format", "join")):
        return _is_literal_text(node.func.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_is_literal_text(e) for e in node.elts)
    return False


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def untranslated_strings(path: Path) -> list[str]:
    """``file:line: method: text`` for each untranslated literal in ``path``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        args: list[ast.expr] = []
        if name in TEXT_SETTERS or name in TEXT_CONSTRUCTORS:
            args = node.args[:1]
        elif name in TEXT_ANYWHERE:
            args = list(node.args)
        elif name in MESSAGE_BOXES and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "QMessageBox":
            args = node.args[1:3]
        elif name in FILE_DIALOGS:
            args = node.args[1:2]
        elif name in TRANSLATORS:
            # tr(f"...") or translate("Ctx", f"...") can never match a catalogue entry.
            text_args = node.args[:1] if name == "tr" else node.args[1:2]
            args = [a for a in text_args if isinstance(a, ast.JoinedStr)]
        for arg in args:
            if _is_literal_text(arg):
                rel = path.relative_to(APP_DIR.parents[1]) if path.is_relative_to(
                    APP_DIR.parents[1]) else path
                found.append(f"{rel}:{arg.lineno}: {name}: {ast.unparse(arg)[:60]}")
    return found


def test_static_scan_finds_untranslated_literals(tmp_path: Path) -> None:
    """The scanner itself: catches raw literals and f-strings in tr(), accepts tr() calls."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Raw')\n"
        "label.setText(self.tr('Fine'))\n"
        "QPushButton('Raw button')\n"
        "QPushButton(self.tr('Fine button'))\n"
        "self.tr(f'{n} files')\n"
        "QMessageBox.warning(self, 'Title', self.tr('Body'))\n"
        "label.setText('')\n"
        "button.setText('+')\n"
        "label.setText(f'{name}  ({count})')\n"
        "label.setText(f'{count} files')\n",
        encoding="utf-8",
    )
    found = untranslated_strings(sample)
    assert [f.split(":")[1] for f in found] == ["1", "3", "5", "6", "10"], found


def test_user_visible_strings_go_through_tr() -> None:
    problems = []
    for path in sorted(APP_DIR.rglob("*.py")):
        problems.extend(untranslated_strings(path))
    assert not problems, "untranslated user-visible strings:\n" + "\n".join(problems)


# -- runtime checks on the real window ------------------------------------------------------
INTERACTIVE = (
    "QAbstractButton", "QLineEdit", "QComboBox", "QAbstractItemView", "QTextEdit",
    "QPlainTextEdit", "QTextBrowser", "QAbstractSpinBox", "QSlider",
)


def _interactive_widgets(root):
    from PySide6 import QtWidgets

    classes = tuple(getattr(QtWidgets, name) for name in INTERACTIVE)
    for widget in root.findChildren(QtWidgets.QWidget):
        if isinstance(widget, classes) and widget.isVisibleTo(root):
            yield widget


def _unnamed(root) -> list[str]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
    )

    missing = []
    for widget in _interactive_widgets(root):
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QHeaderView):  # part of its (named) table or tree
            continue
        if isinstance(parent, QLineEdit) and isinstance(widget, QAbstractButton):
            continue  # Qt's own clear button inside a line edit
        # The line edit inside an editable combo box or a spin box is named by its owner.
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) and parent.accessibleName():
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{type(parent).__name__ if parent else None}")
    return missing


def test_controls_in_main_window_have_accessible_names(window, qtbot) -> None:
    """Checked twice: with the sidebar showing, then with search results and the note panel."""
    missing = _unnamed(window)
    window.note_panel.show()
    window.focus_search()
    qtbot.keyClicks(window.search.field, "harbour")
    qtbot.wait(10)
    missing += _unnamed(window)
    assert not missing, "controls without an accessible name:\n" + "\n".join(
        sorted(set(missing)))


def test_welcome_view_controls_have_accessible_names(empty_library, qtbot) -> None:
    from reader.app.service import LibraryService
    from reader.app.window import MainWindow

    win = MainWindow(LibraryService(empty_library))
    qtbot.addWidget(win)
    win.show()
    assert not _unnamed(win), "\n".join(_unnamed(win))


def test_dialogs_have_accessible_names(window, qtbot) -> None:
    from reader.app.window import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not _unnamed(dialog), "\n".join(_unnamed(dialog))


def test_other_dialogs_have_accessible_names(window, qtbot) -> None:
    from reader.app.annotate.orphans import OrphansDialog
    from reader.app.annotate.tag_dialog import TagDialog
    from reader.app.importing import ImportSummaryDialog

    item_id = window.reading.current_item_id()
    dialogs = [
        TagDialog(window.annotator, [item_id] if item_id else [], parent=window),
        OrphansDialog(window.annotator, lambda: None, window),
        ImportSummaryDialog([], "", window),
        window.exporter.open(),
    ]
    missing = []
    for dialog in dialogs:
        dialog.show()
        missing += [f"{type(dialog).__name__}: {m}" for m in _unnamed(dialog)]
        dialog.close()
    assert not missing, "\n".join(missing)


def _mnemonic(text: str) -> str | None:
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def test_menus_have_unique_mnemonics(window) -> None:
    titles = [a.text() for a in window.menuBar().actions() if a.menu() is not None]
    assert titles, "the window has no menus"
    mnemonics = [_mnemonic(t) for t in titles]
    assert None not in mnemonics, f"menus without a mnemonic: {titles}"
    assert len(set(mnemonics)) == len(mnemonics), f"menus share a mnemonic: {titles}"


def test_submenus_have_mnemonics(window) -> None:
    missing = []

    def walk(menu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                if _mnemonic(action.text()) is None:
                    missing.append(action.text())
                walk(sub)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    assert not missing, f"submenus without a mnemonic: {missing}"


def test_every_shortcut_action_is_in_a_menu_or_has_keys(window) -> None:
    """Actions are reachable from the keyboard: by their keys or through the menu bar."""
    in_menus = set()

    def walk(menu) -> None:
        for action in menu.actions():
            in_menus.add(action)
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    for name, action in window.actions_by_name.items():
        assert action in in_menus or action.shortcuts(), name


def test_dialogs_close_with_escape_and_have_a_default_button(window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    dialog = window.exporter.open()
    assert any(b.isDefault() for b in dialog.findChildren(QPushButton)), "no default button"
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_menu_actions_without_keys_have_mnemonics(window) -> None:
    """An action with no shortcut is reached through the menus: it needs a mnemonic there."""
    missing = []

    def walk(menu) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu())
            elif not action.shortcuts() and _mnemonic(action.text()) is None:
                missing.append(f"{menu.title()} > {action.text()}")

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    assert not missing, f"menu actions reachable neither by keys nor by mnemonic: {missing}"


def test_main_panes_have_names_and_descriptions(window) -> None:
    """The big panes a screen-reader user moves between are named whether or not shown."""
    panes = [window.sidebar, window.reading, window.search.field, window.search.results,
             window.tags_panel.tree, window.note_panel.editor]
    page_view = getattr(window.pages, "view", None)
    if page_view is not None:  # the real page pane (not the "unavailable" placeholder)
        panes += [page_view, window.pages.page_list]
    unnamed = [p.objectName() for p in panes if not p.accessibleName().strip()]
    assert not unnamed, unnamed
    for pane in (window.sidebar, window.reading, window.search.field):
        assert pane.accessibleDescription().strip(), pane.objectName()
