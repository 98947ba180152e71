"""The window keeps the page pane in step with the reading pane, both ways."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_current_item_is_shown_on_the_page_pane_and_page_clicks_select_items(
        window, qtbot, service, monkeypatch):
    shown = []
    original = window.pages.show_item

    def spy(rects):
        shown.append(tuple(rects))
        original(rects)

    monkeypatch.setattr(window.pages, "show_item", spy)
    issue = service.list_issues()[0]
    window.sidebar.select_issue(issue.id)
    items = service.items(issue.id)
    assert str(window.pages.pdf_path) == str(service.issue_pdf_path(issue.id))
    qtbot.keyClick(window.reading, Qt.Key.Key_J)
    assert shown[-1] == items[1].rects
    window.pages.item_activated.emit(items[3].id)
    assert window.reading.current_item_id() == items[3].id
    assert shown[-1] == items[3].rects


def test_page_click_on_another_issues_item_opens_that_issue(window, service):
    other = service.list_issues()[-1]
    target = service.items(other.id)[2]
    window.pages.item_activated.emit(target.id)
    assert window.reading.issue.id == other.id
    assert window.reading.current_item_id() == target.id


def test_panes_can_be_hidden_but_not_both(window, qtbot):
    qtbot.keyClick(window.reading, Qt.Key.Key_F9)
    assert not window.pages.isVisible() and window.reading.isVisible()
    qtbot.keyClick(window.reading, Qt.Key.Key_F8)  # would hide the last one: shows pages instead
    assert window.reading.isVisible()
    qtbot.keyClick(window.reading, Qt.Key.Key_F9)
    assert window.pages.isVisible()
    qtbot.keyClick(window.reading, Qt.Key.Key_F8)
    assert not window.reading.isVisible() and window.pages.isVisible()
    qtbot.keyClick(window.pages, Qt.Key.Key_F8)
    assert window.reading.isVisible()


def test_view_shows_pages_of_the_current_items_issue(window, qtbot, service):
    window.sidebar.select_view("unread")
    item = window.reading.current_item()
    assert item is not None
    assert str(window.pages.pdf_path) == str(service.issue_pdf_path(item.issue_id))
