"""The window shows what ``digest-reader FILE.pdf`` / ``digest-reader://open?...`` resolved to."""

from __future__ import annotations

from reader.app.links import OpenRequest, OpenTarget, apply_to_window, resolve


def test_item_link_opens_its_issue_on_that_item(window, library, qtbot) -> None:
    issue = library.list_issues()[-1]
    item = library.items(issue.id)[2]
    request = resolve(library, OpenTarget("item", ident=item.id))
    assert apply_to_window(window, request)
    qtbot.waitUntil(lambda: window.reading.current_item_id() == item.id)
    assert window.reading.issue.id == issue.id


def test_issue_link_opens_the_issue(window, library, qtbot) -> None:
    issue = library.list_issues()[1]
    assert apply_to_window(window, resolve(library, OpenTarget("issue", ident=issue.id)))
    qtbot.waitUntil(lambda: window.reading.issue is not None and window.reading.issue.id == issue.id)
    assert issue.label in window.windowTitle()


def test_unknown_item_shows_a_message_and_keeps_the_window(window, library, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    before = window.reading.issue
    request = resolve(library, OpenTarget("item", ident=98765))
    assert request == OpenRequest(error="no item 98765 in this library")
    assert not apply_to_window(window, request)
    assert shown == ["no item 98765 in this library"]
    assert window.statusBar().currentMessage() == "no item 98765 in this library"
    assert window.isVisible() and window.reading.issue is before
