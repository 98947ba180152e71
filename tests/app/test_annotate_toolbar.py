"""The annotate toolbar over the reading area: one click highlights the current item."""

from __future__ import annotations

from PySide6.QtCore import Qt


def current(window):
    item = window.reading.current_item()
    assert item is not None
    return item


def test_toolbar_buttons_drive_the_shortcut_actions(window):
    bar = window.annotate_toolbar
    assert bar.isVisible()
    for name, button in bar.buttons.items():
        assert button.defaultAction() is window.actions_by_name[name]
        assert button.isVisible() and (button.text() or button.accessibleName())


def test_click_highlight_button_highlights_current_item(window, qtbot, service):
    item = current(window)
    button = window.annotate_toolbar.buttons["highlight"]
    assert button.text() == "Highlight"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    highlights = service.annotations.highlights(item.id)
    assert len(highlights) == 1 and highlights[0].whole and highlights[0].color == "yellow"
    qtbot.mouseClick(window.annotate_toolbar.buttons["undo"], Qt.MouseButton.LeftButton)
    assert service.annotations.highlights(item.id) == []
    qtbot.mouseClick(window.annotate_toolbar.buttons["redo"], Qt.MouseButton.LeftButton)
    assert len(service.annotations.highlights(item.id)) == 1


def test_colour_menu_highlights_in_that_colour_and_remembers_it(window, qtbot, service):
    item = current(window)
    bar = window.annotate_toolbar
    assert set(bar.color_actions) == {"yellow", "green", "blue", "pink", "purple"}
    assert bar.buttons["highlight"].menu() is bar.color_menu
    bar.color_actions["green"].trigger()
    assert [h.color for h in service.annotations.highlights(item.id)] == ["green"]
    assert window.annotator.last_color == "green"
    assert bar.color_actions["green"].isChecked()
    window.annotator.stack.undo()
    qtbot.mouseClick(bar.buttons["highlight"], Qt.MouseButton.LeftButton)
    assert [h.color for h in service.annotations.highlights(item.id)] == ["green"]


def test_star_button_toggles_star(window, qtbot, service):
    item = current(window)
    starred = item.starred
    qtbot.mouseClick(window.annotate_toolbar.buttons["toggle_star"], Qt.MouseButton.LeftButton)
    assert service.get_item(item.id).starred != starred


def test_note_button_opens_note_panel(window, qtbot):
    qtbot.mouseClick(window.annotate_toolbar.buttons["toggle_notes"], Qt.MouseButton.LeftButton)
    assert window.note_panel.isVisible()
    assert window.annotate_toolbar.buttons["toggle_notes"].text() == "Note"
