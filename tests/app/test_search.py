"""Search from the keyboard: / focuses the field, typing searches, Enter opens the hit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.app.search.model import snippet_html


def test_slash_type_enter_opens_the_hit(window, qtbot, service):
    target = service.items(service.list_issues()[-1].id)[1]  # an item of the oldest issue
    word = target.headline.split()[1]  # e.g. "rail"
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Slash)
    field = window.search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, target.headline)
    assert window.left_stack.currentWidget() is window.search
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reading.issue.id == target.issue_id
    assert window.reading.current_item_id() == target.id
    assert window.sidebar.current_issue_id() == target.issue_id
    assert window.reading.hasFocus()
    hit = window.search.model.hit(0)
    assert hit.item_id == target.id
    assert "<b>" in snippet_html(hit.snippet) or word in hit.headline
    # Esc closes the search and goes back to the list
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.left_stack.currentWidget() is window.sidebar
    assert window.sidebar.hasFocus()


def test_click_on_a_result_opens_it_and_series_filter_narrows(window, qtbot, service):
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search.field
    qtbot.keyClicks(field, "story")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0)
    all_series = {window.search.model.hit(r).series for r in range(window.search.model.rowCount())}
    assert all_series == {"Grid & Pipe Weekly", "Pacific Tech Ledger"}
    combo = window.search.series
    combo.setCurrentIndex(combo.findText("Pacific Tech Ledger"))
    hits = [window.search.model.hit(r) for r in range(window.search.model.rowCount())]
    assert hits and {h.series for h in hits} == {"Pacific Tech Ledger"}
    results = window.search.results
    rect = results.visualRect(window.search.model.index(1, 0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reading.current_item_id() == hits[1].item_id


def test_bad_query_shows_one_line_inline(window, qtbot):
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search.field, '"')
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    message = window.search.message
    assert message.isVisibleTo(window)
    assert message.text() and "\n" not in message.text()
    assert window.search.model.rowCount() == 0
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, "zzzznotthere")
    window.search.run_search()
    assert message.text() == "No items match."


def test_snippet_html_escapes_text():
    assert snippet_html("a <b>&\x02x\x03") == "a &lt;b&gt;&amp;<b>x</b>"


def test_letter_shortcuts_type_into_the_search_field(window, qtbot):
    before = window.reading.current_item_id()
    issue = window.reading.issue.id
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search.field, "jkng Gmu s/? ")
    assert window.search.field.text() == "jkng Gmu s/? "
    assert window.reading.current_item_id() == before
    assert window.reading.issue.id == issue
