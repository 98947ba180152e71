"""Find and connect in the window, on the sample issues: saved searches in the sidebar with live
counts, Help → Query Language, the Related panel and entity facets (real keys and clicks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.app.discover.timeline_dialog import TimelineDialog
from reader.core.search import count
from tests.core.test_search_support import build_sample_library, item_id_by_headline


@pytest.fixture
def library(tmp_path):
    lib = build_sample_library(tmp_path / "lib")
    yield lib
    lib.close()


def answer_dialog(monkeypatch, text: str) -> None:
    monkeypatch.setattr("reader.app.discover.controller.QInputDialog.getText",
                        lambda *a, **k: (text, True))
    monkeypatch.setattr("reader.app.discover.saved_panel.QInputDialog.getText",
                        lambda *a, **k: (text, True))


def click_item(qtbot, view, item) -> None:
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_save_the_field_search_see_its_count_and_click_it(window, qtbot, library, monkeypatch):
    panel = window.discover.saved_panel
    assert panel.hint.isVisible() and panel.names() == []
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search.field, "auction*")
    answer_dialog(monkeypatch, "Auctions")
    qtbot.keyClick(window.search.field, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.names() == ["Auctions"]
    expected = count(library, "auction*")
    assert expected >= 2 and panel.count_of("Auctions") == str(expected)
    # clicking it from the sidebar runs it in the search panel
    window.close_search()
    assert window.search.field.text() == ""
    click_item(qtbot, panel.list, panel.item_named("Auctions"))
    assert window.search.field.text() == "auction*"
    assert window.left_stack.currentWidget() is window.search
    assert window.search.model.rowCount() == expected
    go_menu = next(a.menu() for a in window.menuBar().actions()
                   if a.menu() and a.text().replace("&", "") == "Go")
    assert window.actions_by_name["save_search"] in go_menu.actions()
    # the search panel's own Save… button saves too
    window.search.field.setText("ferry")
    answer_dialog(monkeypatch, "Ferries")
    qtbot.mouseClick(window.search.save_button, Qt.MouseButton.LeftButton)
    assert panel.names() == ["Auctions", "Ferries"]


def test_counts_are_live_and_rename_move_delete_go_through_the_service(window, qtbot, service,
                                                                       monkeypatch):
    panel = window.discover.saved_panel
    assert window.discover.save_search("Starred", "is:starred") is not None
    assert window.discover.save_search("Auctions", "auction*") is not None
    assert panel.count_of("Starred") == "0"
    item = window.reading.current_item()
    qtbot.keyClick(window.reading, Qt.Key.Key_S)  # star the current item
    qtbot.waitUntil(lambda: panel.count_of("Starred") == "1")
    # rename through the context menu
    answer_dialog(monkeypatch, "Flagged")
    menu = panel.build_menu(panel.item_named("Starred"))
    menu.findChild(type(menu.actions()[0]), "renameSaved").trigger()
    assert panel.names() == ["Flagged", "Auctions"]
    assert [s.name for s in service.saved_searches()] == ["Flagged", "Auctions"]
    # move down, then delete
    menu = panel.build_menu(panel.item_named("Flagged"))
    menu.findChild(type(menu.actions()[0]), "moveSavedDown").trigger()
    assert panel.names() == ["Auctions", "Flagged"]
    menu = panel.build_menu(panel.item_named("Auctions"))
    assert not menu.findChild(type(menu.actions()[0]), "moveSavedUp").isEnabled()
    menu.findChild(type(menu.actions()[0]), "deleteSaved").trigger()
    assert panel.names() == ["Flagged"] and panel.count_of("Flagged") == "1"
    # dragging reorders (the list model's move, as a drop does it)
    assert window.discover.save_search("Ferries", "ferry") is not None
    assert window.discover.save_search("Robots", "robot*") is not None
    panel.list.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    qtbot.waitUntil(lambda: [s.name for s in service.saved_searches()] == ["Ferries", "Robots", "Flagged"])
    assert panel.names() == ["Ferries", "Robots", "Flagged"]
    assert item is not None


def test_a_bad_or_duplicate_search_is_refused_with_a_message(window, qtbot, service):
    messages = []
    service.failed.connect(messages.append)
    assert window.discover.save_search("Broken", "colour:mauve") is None
    assert window.discover.save_search("One", "harbour") is not None
    assert window.discover.save_search("one", "ferry") is None
    assert len(messages) == 2 and all("\n" not in m for m in messages)
    assert window.discover.saved_panel.names() == ["One"]
    # the search field keeps its inline message for an unknown operator
    window.discover.run_query("flavour:sour")
    assert window.search.message.isVisible() and "flavour" in window.search.message.text()


def test_help_menu_opens_the_query_language_help(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() and a.text().replace("&", "") == "Help")
    action = next(a for a in help_menu.actions() if a.objectName() == "query_help")
    action.trigger()
    dialog = window.discover.help_dialog
    assert dialog is not None and dialog.isVisible()
    assert "tag:" in dialog.browser.toPlainText()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_related_panel_lists_other_issues_and_enter_opens_one(window, qtbot, library):
    chips = item_id_by_headline(library, "Chip subsidy round")
    source_issue = library.get_item(chips).issue_id
    window.open_hit(chips, source_issue)
    assert window.reading.current_item_id() == chips
    qtbot.keyClick(window.reading, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.discover.related_panel
    assert panel.isVisible() and panel.list.count() > 0
    targets = [panel.list.item(r).data(Qt.ItemDataRole.UserRole + 41) for r in range(panel.list.count())]
    assert all(issue_id != source_issue for _item, issue_id in targets)
    assert "No. 43" in panel.list.item(0).text()
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    item_id, issue_id = targets[0]
    assert window.reading.issue.id == issue_id and window.reading.current_item_id() == item_id
    # the panel follows the new current item; a double-click opens another
    qtbot.waitUntil(lambda: panel.item_id == item_id and panel._shown_for == item_id)  # noqa: SLF001
    entry = panel.list.item(0)
    other = entry.data(Qt.ItemDataRole.UserRole + 41)
    rect = panel.list.visualItemRect(entry)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reading.current_item_id() == item_id  # a single click only selects
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reading.current_item_id() == other[0]
    window.toggle_related()
    assert not panel.isVisible()


def test_clicking_a_facet_searches_for_it_and_timeline_opens_items(window, qtbot, library):
    facets = window.discover.facets_panel
    qtbot.waitUntil(lambda: facets.node_named("Osaka") is not None)
    node = facets.node_named("Osaka")
    assert node is not None and int(node.text(1)) >= 2
    kinds = {facets.tree.topLevelItem(i).text(0) for i in range(facets.tree.topLevelItemCount())}
    assert {"People", "Places"} <= kinds
    facets.tree.scrollToItem(node)
    rect = facets.tree.visualItemRect(node)
    qtbot.mouseClick(facets.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.search.field.text() == 'entity:"Osaka"'
    assert window.search.model.rowCount() == count(library, 'entity:"Osaka"') >= 2
    dialog = window.discover.show_timeline("Osaka")
    assert dialog.list.count() >= 2
    dates = [dialog.list.item(r).text().split()[0] for r in range(dialog.list.count())]
    assert dates == sorted(dates)
    item_id, issue_id = dialog.list.item(0).data(Qt.ItemDataRole.UserRole + 51)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.reading.current_item_id() == item_id
    dialog.close()
    QApplication.processEvents()


def test_a_followed_search_counts_items_of_later_imports_until_run(window, qtbot, service, library,
                                                                   tmp_path):
    from tests.app.conftest import make_issue, make_pdf, sha256

    panel = window.discover.saved_panel
    assert window.discover.save_search("Zed", 'series:"Zed Weekly"') is not None
    menu = panel.build_menu(panel.item_named("Zed"))
    follow = menu.findChild(type(menu.actions()[0]), "followSaved")
    assert not follow.isChecked()
    follow.trigger()
    assert [s.followed for s in service.saved_searches()] == [True]
    assert panel.count_of("Zed") == "0" and panel.new_of("Zed") == 0
    pdf = make_pdf(tmp_path / "zed.pdf", "Zed Weekly 9.1")
    library.store_issue(make_issue("Zed Weekly", 9, 1, "2025-01-10", 3), pdf, sha256(pdf),
                        original_name=pdf.name)
    service.notify_issues_changed()
    qtbot.waitUntil(lambda: panel.new_of("Zed") == 3)
    item = panel.item_named("Zed")
    assert "3 new" in item.text() and item.font().bold() and panel.count_of("Zed") == "3"
    click_item(qtbot, panel.list, item)
    assert window.search.model.rowCount() == 3
    assert panel.new_of("Zed") == 0 and not panel.item_named("Zed").font().bold()


def test_waiting_items_get_their_entities_from_the_facets_button(tmp_path, qtbot, qapp):
    """Items stored without the import hook (as after an upgrade) wait for extraction."""
    from reader.app.service import LibraryService
    from reader.app.window import MainWindow
    from reader.core.library import Library, file_sha256
    from reader.core.parse import parse
    from tests.core.test_search_support import SAMPLES

    lib = Library.open(tmp_path / "plain")
    for pdf in sorted(SAMPLES.glob("pacific-tech-4*.pdf")):
        lib.store_issue(parse(pdf), pdf, file_sha256(pdf), original_name=pdf.name)
    service = LibraryService(lib)
    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    facets = win.discover.facets_panel
    try:
        qtbot.waitUntil(facets.index_button.isVisible)
        assert facets.hint.isVisible()
        assert str(service.entities_pending()) in facets.index_button.text()
        qtbot.mouseClick(facets.index_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not facets.indexing, timeout=10000)
        assert service.entities_pending() == 0
        assert not facets.index_button.isVisible() and facets.tree.isVisible()
        assert facets.node_named("Osaka") is not None
    finally:
        win.close()
        lib.close()


def test_tag_queries_recount_after_tagging_and_renaming(window, qtbot, service):
    panel = window.discover.saved_panel
    assert window.discover.save_search("Chips", "tag:chips") is not None
    assert panel.count_of("Chips") == "0"
    ids = [item.id for item in window.reading.items[:2]]
    window.annotator.tag_items(ids, ["chips"])
    qtbot.waitUntil(lambda: panel.count_of("Chips") == "2")
    window.annotator.rename_tag("chips", "semis")
    qtbot.waitUntil(lambda: panel.count_of("Chips") == "0")


def test_a_timeline_of_highlights_lists_them(window, qtbot, library, service):
    # A query of highlights gives HighlightHits (no snippet): an item without a headline is
    # listed by the highlighted text.
    item_id = int(library._db.execute("SELECT id FROM items WHERE headline = '' LIMIT 1").fetchone()[0])
    assert service.annotate("add_highlight", item_id, color="green") is not None
    dialog = TimelineDialog(service, "type:highlights color:green", window)
    exact = service.annotations.annotations(kinds=("highlight",))[0].exact
    assert dialog.list.count() == 1
    assert exact.replace("[", "").replace("]", "")[:80] in dialog.list.item(0).text()
    assert dialog.list.item(0).data(Qt.ItemDataRole.UserRole + 51)[0] == item_id
    dialog.close()


def test_the_saved_searches_panel_is_still_a_movable_widget(window):
    # Reordering is .move_saved: .move stays QWidget.move.
    panel = window.discover.saved_panel
    panel.move(QPoint(3, 4))
    assert panel.pos() == QPoint(3, 4)
