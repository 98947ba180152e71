"""Annotating from the window with real keys and clicks: highlights, tags, notes, stars, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolButton

from reader.core.annotations import item_text


def current(window):
    item = window.reading.current_item()
    assert item is not None
    return item


def background_colors(window) -> set[str]:
    """Names of the background colours used in the reading pane's HTML."""
    html = window.reading.toHtml()
    return {part.split(":")[1].split(";")[0].strip() for part in html.split("background-color")[1:]}


def select_text(window, item, start: int, end: int) -> None:
    """Select item-text offsets start:end in the reading pane, as a mouse drag would."""
    span = next(s for s in window.reading._spans if s.item.id == item.id)  # noqa: SLF001
    (a, _), *_rest = span.doc_ranges(start, end)
    b = span.doc_ranges(start, end)[-1][1]
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    window.reading.setTextCursor(cursor)


def test_h_highlights_the_current_item_and_undo_redo(window, qtbot, service):
    item = current(window)
    reading = window.reading
    reading.setFocus()
    qtbot.keyClick(reading, Qt.Key.Key_H)
    highlights = service.annotations.highlights(item.id)
    assert len(highlights) == 1 and highlights[0].color == "yellow" and highlights[0].whole
    assert "background-color" in reading.toHtml()
    assert window.actions_by_name["undo"].text() == "Undo Highlight"
    qtbot.keyClick(reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.annotations.highlights(item.id) == []
    assert "background-color" not in reading.toHtml()
    qtbot.keyClick(reading, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [h.id for h in service.annotations.highlights(item.id)] == [highlights[0].id]
    assert "background-color" in reading.toHtml()


def test_h_with_a_selection_highlights_that_range(window, qtbot, service):
    item = current(window)
    text = item_text(item.headline, item.body)
    word = "story number"
    start = text.index(word)
    select_text(window, item, start, start + len(word))
    assert window.reading.selection_range() == (item.id, start, start + len(word))
    qtbot.keyClick(window.reading, Qt.Key.Key_H)
    (h,) = service.annotations.highlights(item.id)
    assert (h.start, h.end, h.exact) == (start, start + len(word), word)
    assert not h.whole


def test_selection_in_the_headline_maps_to_headline_offsets(window, service):
    item = current(window)
    select_text(window, item, 0, 5)
    assert window.reading.selection_range() == (item.id, 0, 5)
    assert window.reading.textCursor().selectedText() == item.headline[:5]


def test_context_menu_recolours_comments_and_removes(window, qtbot, service, monkeypatch):
    item = current(window)
    window.annotator.highlight(item.id)
    reading = window.reading
    span = next(s for s in reading._spans if s.item.id == item.id)  # noqa: SLF001
    pos = span.doc_ranges(0, 3)[0][0] + 1
    cursor = QTextCursor(reading.document())
    cursor.setPosition(pos)
    point = reading.cursorRect(cursor).center()

    def action(name):
        menu = reading.build_context_menu(point)
        found = menu.findChild(type(menu.actions()[0]), name)
        assert found is not None, [a.objectName() for a in menu.findChildren(type(menu.actions()[0]))]
        return found

    action("recolor_green").trigger()
    (h,) = service.annotations.highlights(item.id)
    assert h.color == "green"
    assert window.annotator.last_color == "green"
    monkeypatch.setattr("reader.app.annotate.menus.QInputDialog.getMultiLineText",
                        lambda *a, **k: ("Worth a follow-up", True))
    action("highlightComment").trigger()
    assert service.annotations.highlights(item.id)[0].comment == "Worth a follow-up"
    assert "Worth a follow-up" in reading.toPlainText()
    action("removeHighlight").trigger()
    assert service.annotations.highlights(item.id) == []
    # undo brings the removed highlight back with its colour and comment
    window.undo()
    (back,) = service.annotations.highlights(item.id)
    assert (back.id, back.color, back.comment) == (h.id, "green", "Worth a follow-up")


def test_t_tags_with_autocomplete_and_enter(window, qtbot, service):
    items = window.reading.items
    service.annotations.tag_items([items[1].id], ["energy/grid"])
    item = current(window)
    qtbot.keyClick(window.reading, Qt.Key.Key_T)
    dialog = window.tag_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.completer.setCompletionPrefix("gri")
    offered = [dialog.completer.completionModel().index(r, 0).data()
               for r in range(dialog.completer.completionModel().rowCount())]
    assert offered == ["energy/grid"]
    qtbot.keyClicks(dialog.field, "budget")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert service.annotations.item_tags(item.id) == ["budget"]
    assert "#budget" in window.reading.toPlainText()
    assert window.actions_by_name["undo"].text().startswith("Undo Tag")
    window.undo()
    assert service.annotations.item_tags(item.id) == []
    window.redo()
    assert service.annotations.item_tags(item.id) == ["budget"]


def test_tag_chip_removes_a_tag(window, qtbot, service):
    item = current(window)
    service.annotations.tag_items([item.id], ["alpha", "beta"])
    dialog = window.open_tag_dialog([item.id])
    chip = dialog.findChild(QToolButton, "tagChip:alpha")
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert service.annotations.item_tags(item.id) == ["beta"]


def test_bulk_tagging_a_multi_selection_is_one_undo_step(window, qtbot, service, english):
    items = window.reading.items[:3]
    first = next(s for s in window.reading._spans if s.item.id == items[0].id)  # noqa: SLF001
    last = next(s for s in window.reading._spans if s.item.id == items[2].id)  # noqa: SLF001
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(first.start + 2)
    cursor.setPosition(last.start + 2, QTextCursor.MoveMode.KeepAnchor)
    window.reading.setTextCursor(cursor)
    assert window.selected_item_ids() == [i.id for i in items]
    qtbot.keyClick(window.reading, Qt.Key.Key_T)
    dialog = window.tag_dialog
    assert dialog.windowTitle() == "Tag 3 items"
    qtbot.keyClicks(dialog.field, "brief")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert all(service.annotations.item_tags(i.id) == ["brief"] for i in items)
    assert window.actions_by_name["undo"].text() == "Undo Tag 3 items with 'brief'"
    assert window.annotator.stack.count() == 1
    qtbot.keyClick(window.reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(service.annotations.item_tags(i.id) == [] for i in items)


def test_tags_section_counts_and_filters_all_of_any_of(window, qtbot, service):
    items = window.reading.items
    window.annotator.tag_items([items[0].id, items[1].id], ["region/north"])
    window.annotator.tag_items([items[1].id, items[2].id], ["money"])
    panel = window.tags_panel
    assert panel.count_of("region/north") == "2"
    assert panel.count_of("money") == "2"
    assert panel.count_of("region") == ""  # a parent shown only for nesting
    panel.select_tags(["region/north", "money"])
    assert [i.id for i in window.reading.items] == [items[1].id]
    qtbot.mouseClick(panel.mode_button, Qt.MouseButton.LeftButton)
    assert panel.mode == "any"
    assert {i.id for i in window.reading.items} == {items[0].id, items[1].id, items[2].id}
    panel.select_tags(["region"])  # a parent matches its nested tags
    assert {i.id for i in window.reading.items} == {items[0].id, items[1].id}
    # rename from the context menu (the dialog answered by a stub)
    menu = panel.build_menu(["money"])
    from PySide6.QtGui import QAction

    rename = menu.findChild(QAction, "renameTag")
    panel.ask_rename = lambda tag: window.annotator.rename_tag(tag, "funding")
    rename.triggered.disconnect()
    rename.triggered.connect(lambda: panel.ask_rename("money"))
    rename.trigger()
    assert panel.count_of("funding") == "2" and panel.count_of("money") == ""
    window.annotator.merge_tags(["funding"], "region/north")
    assert panel.count_of("region/north") == "3"
    window.undo()
    assert panel.count_of("funding") == "2"


def test_note_panel_autosaves_previews_and_undoes_in_one_step(window, qtbot, service):
    item = current(window)
    qtbot.keyClick(window.reading, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.note_panel
    assert panel.isVisible()
    qtbot.keyClicks(panel.editor, "**Bold** idea")
    qtbot.waitUntil(lambda: service.annotations.note(item.id) == "**Bold** idea", timeout=3000)
    assert "Bold idea" in panel.preview.toPlainText()
    assert "**" not in panel.preview.toPlainText()
    qtbot.keyClicks(panel.editor, " more")
    qtbot.waitUntil(lambda: service.annotations.note(item.id) == "**Bold** idea more", timeout=3000)
    assert window.annotator.stack.count() == 1  # consecutive autosaves merged
    assert "Bold idea more" in window.reading.toPlainText()  # rendered under the item
    assert service.search("idea")  # notes are searchable
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.annotations.note(item.id) == ""
    assert panel.editor.toPlainText() == ""
    qtbot.keyClick(window.reading, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert service.annotations.note(item.id) == "**Bold** idea more"
    assert panel.editor.toPlainText() == "**Bold** idea more"


def test_issue_note_from_the_panel(window, qtbot, service):
    item = current(window)
    window.toggle_notes()
    panel = window.note_panel
    qtbot.mouseClick(panel.on_issue, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor, "Issue summary")
    qtbot.waitUntil(lambda: service.annotations.issue_note(item.issue_id) == "Issue summary",
                    timeout=3000)
    assert service.annotations.note(item.id) == ""


def test_s_stars_undoably(window, qtbot, service):
    item = current(window)
    qtbot.keyClick(window.reading, Qt.Key.Key_S)
    assert service.get_item(item.id).starred
    assert "\u2605" in window.reading.toPlainText()
    assert item.id in service.item_ids("starred")
    qtbot.keyClick(window.reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not service.get_item(item.id).starred
    assert "\u2605" not in window.reading.toPlainText()
    qtbot.keyClick(window.reading, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert service.get_item(item.id).starred


def test_m_u_are_undoable_but_mark_read_when_shown_is_not(window, qtbot, service):
    assert window.annotator.stack.count() == 0  # the first item was marked read when shown
    item = current(window)
    qtbot.keyClick(window.reading, Qt.Key.Key_U)
    assert not service.get_item(item.id).read
    assert window.actions_by_name["undo"].text() == "Undo Mark unread"
    window.undo()
    assert service.get_item(item.id).read


def test_edit_menu_lists_undo_and_redo(window, qtbot, english):
    item = current(window)
    window.annotator.tag_items([item.id], ["x"])
    texts = [a.text() for a in window.edit_menu.actions()]
    assert "Undo Tag 1 item with 'x'" in texts
    assert "Redo" in texts
    assert not window.actions_by_name["redo"].isEnabled()
    window.undo()
    assert window.actions_by_name["redo"].text() == "Redo Tag 1 item with 'x'"


def test_page_pane_gets_highlight_overlays(window, qtbot, service):
    item = current(window)
    got = []
    window.pages.set_highlights = lambda marks: got.append(list(marks))
    window.annotator.highlight(item.id, color="blue")
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    rects = got[-1]
    # the test PDFs carry other text than the items: rects may be [], but the call happened
    for rect, color in rects:
        assert rect.page >= 1 and color.alpha() < 255


def test_orphans_dialog_places_and_deletes(window, qtbot, service, library):
    item = current(window)
    items = window.reading.items
    # make two orphans: annotations whose item vanished
    window.annotator.highlight(items[1].id, color="pink")
    window.annotator.tag_items([items[1].id], ["lost"])
    with library._db.atomic():  # noqa: SLF001 - simulate a corrected PDF that dropped the item
        library._db.execute("UPDATE annotations SET item_id = NULL WHERE item_id = ?",  # noqa: SLF001
                            [items[1].id])
    window.tags_panel.refresh_orphans()
    assert window.tags_panel.orphans_button.isVisibleTo(window)
    qtbot.mouseClick(window.tags_panel.orphans_button, Qt.MouseButton.LeftButton)
    dialog = window.orphans_dialog
    assert dialog is not None and dialog.list.count() == 2
    assert any("pink" in dialog.list.item(i).text() or "highlight" in dialog.list.item(i).text()
               for i in range(dialog.list.count()))
    dialog.list.setCurrentRow(0)
    first = dialog.list.item(0).text()
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 1
    placed = service.annotations.for_item(item.id)
    assert placed, first
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0
    assert service.annotations.orphans() == []
    window.undo()  # the delete comes back
    assert len(service.annotations.orphans()) == 1
    dialog.close()


def test_issue_tagging_from_the_tag_entry(window, qtbot, service):
    issue_id = window.reading.issue.id
    dialog = window.open_tag_dialog([issue_id], issues=True)
    assert dialog.windowTitle() == "Tag issue"
    qtbot.keyClicks(dialog.field, "weekly review")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert service.annotations.issue_tags(issue_id) == ["weekly review"]
    assert window.tags_panel.count_of("weekly review") == "1"
    window.undo()
    assert service.annotations.issue_tags(issue_id) == []


def test_t_tags_every_hit_selected_in_the_search_list(window, qtbot, service):
    window.focus_search()
    qtbot.keyClicks(window.search.field, "story")
    window.search.run_search()
    results = window.search.results
    qtbot.waitUntil(lambda: window.search.model.rowCount() >= 3)
    results.setFocus()
    results.selectAll()
    ids = [window.search.model.hit(r).item_id for r in range(window.search.model.rowCount())]
    qtbot.keyClick(results, Qt.Key.Key_T)
    dialog = window.tag_dialog
    assert dialog is not None and len(dialog.ids) == len(ids)
    qtbot.keyClicks(dialog.field, "batch")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert sorted(service.annotations.item_ids_with_tags(["batch"])) == sorted(ids)


def test_page_overlay_covers_the_highlighted_words_of_a_real_issue(qapp, qtbot, tmp_path, samples_dir):
    from reader.app.service import LibraryService
    from reader.app.window import MainWindow
    from reader.core.library import Library, file_sha256
    from reader.core.parse import parse

    pdf = samples_dir / "grid-pipe-2-12.pdf"
    lib = Library.open(tmp_path / "real")
    try:
        issue_id = lib.store_issue(parse(pdf), pdf, file_sha256(pdf), original_name=pdf.name)
        service = LibraryService(lib)
        window = MainWindow(service)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_issue(issue_id)
        qtbot.waitUntil(lambda: window.pages.page_count > 0, timeout=10000)
        item = window.reading.current_item()
        text = item.headline + "\n" + item.body
        word = item.body.split()[2]
        start = text.index(word, len(item.headline) + 1)
        window.annotator.highlight(item.id, color="pink", start=start, end=start + len(word))
        marks = window.pages.view.marks
        assert len(marks) == 1
        page, (x0, y0, x1, y1), color = marks[0]
        assert color.alpha() < 255
        item_boxes = [r.rect for r in item.rects if r.page - 1 == page]
        assert any(bx0 - 1 <= x0 and x1 <= bx1 + 1 and by0 - 1 <= y0 and y1 <= by1 + 1
                   for bx0, by0, bx1, by1 in item_boxes)
        window.undo()
        assert window.pages.view.marks == []
        window.close()
    finally:
        lib.close()


def test_context_menu_highlights_in_a_colour_and_removes_a_tag(window, service):
    item = current(window)
    service.annotations.tag_items([item.id], ["keep", "drop"])
    reading = window.reading
    span = next(s for s in reading._spans if s.item.id == item.id)  # noqa: SLF001
    cursor = QTextCursor(reading.document())
    cursor.setPosition(span.doc_ranges(0, 3)[0][0] + 1)
    point = reading.cursorRect(cursor).center()
    from PySide6.QtGui import QAction

    reading.build_context_menu(point).findChild(QAction, "highlightItem_purple").trigger()
    (h,) = service.annotations.highlights(item.id)
    assert h.color == "purple" and h.whole
    reading.build_context_menu(point).findChild(QAction, "untag:drop").trigger()
    assert service.annotations.item_tags(item.id) == ["keep"]
