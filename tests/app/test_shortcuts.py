"""The Keyboard Shortcuts dialog lists every shortcut of the one table, and each is registered."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reader.app.shortcuts import SHORTCUTS, native_text
from reader.app.window import ShortcutsDialog


def test_help_lists_every_shortcut(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows == {(s.text, native_text(s)) for s in SHORTCUTS}
    for expected in ("J", "K", "N", "P", "G", "Shift+G", "Space", "Shift+Space", "/", "Esc", "M", "U"):
        assert any(expected in keys.split(", ") for _text, keys in rows), expected


def test_every_shortcut_is_an_action_on_the_window_with_its_keys(window):
    seen: dict[str, str] = {}
    for shortcut in SHORTCUTS:
        action = window.actions_by_name[shortcut.name]
        assert action in window.actions()
        keys = [k.toString() for k in action.shortcuts()]
        assert keys == [QKeySequence(k).toString() for k in shortcut.keys]
        for key in keys:
            assert key not in seen, f"{key} used by {seen[key]} and {shortcut.name}"
            seen[key] = shortcut.name


def test_f1_opens_the_dialog(window, qtbot):
    found = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        found.append(dialog)
        if dialog is not None:
            dialog.close()

    QTimer.singleShot(50, close_dialog)
    window.actions_by_name["shortcuts_help"].trigger()
    assert isinstance(found[0], ShortcutsDialog)
