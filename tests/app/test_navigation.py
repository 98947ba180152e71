"""Open issues and move around with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.app.sidebar.model import IdRole


def click_issue(qtbot, window, series_row: int, issue_row: int) -> int:
    sidebar = window.sidebar
    model = window.sidebar_model
    series = model.index(series_row, 0)
    sidebar.expand(series)
    qtbot.waitUntil(lambda: model.rowCount(series) > issue_row)
    index = model.index(issue_row, 0, series)
    sidebar.scrollTo(index)
    rect = sidebar.visualRect(index)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return index.data(IdRole)


def headlines(window) -> list[str]:
    return [item.headline for item in window.reading.items]


def test_click_in_sidebar_opens_issue(window, qtbot, service):
    issue_id = click_issue(qtbot, window, 4, 1)  # Pacific Tech Ledger, older issue
    issue = service.get_issue(issue_id)
    assert issue.label == "Vol 1.41"
    assert window.reading.issue.id == issue_id
    assert headlines(window) == [i.headline for i in service.items(issue_id)]
    assert "Vol 1.41" in window.reading.toPlainText()
    assert "p. 1" in window.reading.toPlainText()
    assert window.settings.last_issue_id == issue_id


def test_j_k_g_G_move_the_current_item_and_mark_read(window, qtbot, service):
    issue_id = click_issue(qtbot, window, 3, 0)
    items = service.items(issue_id)
    reading = window.reading
    assert reading.current_item_id() == items[0].id
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_J)
    assert reading.current_item_id() == items[1].id
    qtbot.keyClick(reading, Qt.Key.Key_G, Qt.KeyboardModifier.ShiftModifier)
    assert reading.current_item_id() == items[-1].id
    qtbot.keyClick(reading, Qt.Key.Key_G)
    assert reading.current_item_id() == items[0].id
    # shown items became read (the default setting), the others not
    read = {row.id: row.read for row in service.items(issue_id)}
    assert read[items[0].id] and read[items[1].id] and read[items[-1].id]
    assert not read[items[2].id]
    # u marks unread, m marks read again
    qtbot.keyClick(reading, Qt.Key.Key_U)
    assert not service.get_item(items[0].id).read
    assert reading.item_is_read(items[0].id) is False
    qtbot.keyClick(reading, Qt.Key.Key_M)
    assert service.get_item(items[0].id).read
    qtbot.keyClick(reading, Qt.Key.Key_J)
    qtbot.keyClick(reading, Qt.Key.Key_J)
    qtbot.keyClick(reading, Qt.Key.Key_K)
    assert reading.current_item_id() == items[1].id
    qtbot.keyClick(reading, Qt.Key.Key_K)
    qtbot.keyClick(reading, Qt.Key.Key_K)  # stays on the first
    assert reading.current_item_id() == items[0].id


def test_mark_read_when_shown_can_be_turned_off(window, qtbot, service):
    window.mark_read_action.setChecked(False)
    assert window.settings.mark_read_when_shown is False
    issue_id = click_issue(qtbot, window, 3, 1)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_J)
    assert not any(row.read for row in service.items(issue_id))


def test_n_p_move_between_issues_across_series(window, qtbot, service):
    first = click_issue(qtbot, window, 3, 0)
    seen = [first]
    for _ in range(4):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_N)
        seen.append(window.reading.issue.id)
    labels = [service.get_issue(i).label for i in seen]
    assert labels == ["Vol 2.12", "Vol 2.11", "Vol 2.10", "Vol 1.42", "Vol 1.41"]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_N)  # at the end: stays
    assert window.reading.issue.id == seen[-1]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_P)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_P)
    assert window.reading.issue.label == "Vol 2.10"


def test_space_scrolls_and_esc_returns_to_sidebar(window, qtbot):
    click_issue(qtbot, window, 3, 0)
    window.resize(900, 400)
    window.reading.set_font_size(24)
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.reading.setFocus()
    bar.setValue(0)
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)
    assert bar.value() > 0
    qtbot.keyClick(window.reading, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)
    assert window.sidebar.hasFocus()


def test_font_size_keys_and_copy(window, qtbot):
    click_issue(qtbot, window, 3, 0)
    reading = window.reading
    start = reading.font_size
    qtbot.keyClick(reading, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reading, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reading.font_size == start + 2
    qtbot.keyClick(reading, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reading.font_size == start + 1
    assert window.settings.font_size == start + 1
    qtbot.keyClick(reading, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reading.font_size == 13
    reading.setFocus()
    reading.selectAll()
    reading.copy()
    copied = QGuiApplication.clipboard().text()
    assert reading.items[0].headline in copied


def test_clicking_an_item_makes_it_current(window, qtbot):
    click_issue(qtbot, window, 3, 0)
    reading = window.reading
    target = reading._spans[2]  # noqa: SLF001 - find where item 3 is drawn
    cursor = reading.textCursor()
    cursor.setPosition(target.start + 3)
    reading.ensureCursorVisible()
    rect = reading.cursorRect(cursor)
    qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert reading.current_item_id() == target.item.id


def test_views_show_items_across_issues(window, qtbot, service):
    sidebar = window.sidebar
    rect = sidebar.visualRect(window.sidebar_model.view_index("all"))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reading.issue is None
    assert len(window.reading.items) == service.count_items("all")
    text = window.reading.toPlainText()
    assert "Grid & Pipe Weekly Vol 2.12" in text


def test_j_after_scrolling_picks_an_item_in_view(window, qtbot):
    click_issue(qtbot, window, 3, 0)
    window.resize(900, 400)
    reading = window.reading
    reading.set_font_size(24)
    bar = reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    reading.first_item()
    bar.setValue(bar.maximum())
    qtbot.keyClick(reading, Qt.Key.Key_J)
    current = reading._spans[reading._current]  # noqa: SLF001
    rect = reading.document().documentLayout().frameBoundingRect(current.frame)
    assert reading._current > 0  # noqa: SLF001
    assert rect.bottom() > bar.value() - 1


def test_s_stars_the_current_item(window, qtbot, service):
    issue_id = click_issue(qtbot, window, 3, 0)
    reading = window.reading
    qtbot.keyClick(reading, Qt.Key.Key_J)
    item_id = reading.current_item_id()
    qtbot.keyClick(reading, Qt.Key.Key_S)
    assert service.get_item(item_id).starred
    assert reading.current_item_id() == item_id
    assert "\u2605" in reading.toPlainText()
    assert window.sidebar_model.index(2, 1).data() == "1"  # Starred view count
    qtbot.keyClick(reading, Qt.Key.Key_S)
    assert not service.get_item(item_id).starred
    assert "\u2605" not in reading.toPlainText()
    assert issue_id == reading.issue.id


def test_a_failed_write_is_one_line_in_the_status_bar(window, qtbot, service, monkeypatch):
    from reader.core.errors import LibraryError

    def refuse(ids, read):
        raise LibraryError("library database error: attempt to write a readonly database")

    monkeypatch.setattr(service._lib, "set_read", refuse)  # noqa: SLF001
    click_issue(qtbot, window, 3, 1)
    qtbot.keyClick(window.reading, Qt.Key.Key_J)
    assert "readonly" in window.statusBar().currentMessage()


def test_enter_in_the_sidebar_moves_focus_to_the_reader(window, qtbot):
    click_issue(qtbot, window, 3, 0)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Return)
    assert window.reading.hasFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)
    assert window.sidebar.hasFocus()


def test_opening_unread_issues_in_a_big_series_does_not_read_every_sidebar_row(
        qtbot, tmp_path, monkeypatch):
    """Counts change as an unread issue opens; the sidebar must not ask all its rows again
    (a count column sized to its contents did: about 1 s per issue in 10,000 issues)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from reader.app.service import LibraryService
    from reader.app.sidebar.model import SidebarModel
    from reader.app.window import MainWindow
    from reader.core.library import Library
    from reader.core.library.synthetic import build_synthetic_library

    build_synthetic_library(tmp_path / "big", issues=400, items_per_issue=2, series=1)
    calls = [0]
    original = SidebarModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(SidebarModel, "data", counting)
    lib = Library.open(tmp_path / "big", create=False)
    service = LibraryService(lib)
    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        click_issue(qtbot, win, 3, 0)
        model = win.sidebar_model
        series = model.index(3, 0)
        while model.canFetchMore(series):  # every issue row loaded, as after long scrolling
            model.fetchMore(series)
        assert model.rowCount(series) == 400
        qtbot.wait(50)
        unread_before = service.list_series()[0].unread_count
        win.sidebar.setFocus()
        calls[0] = 0
        for _ in range(5):
            qtbot.keyClick(win.sidebar, Qt.Key.Key_Down)  # the next (unread) issue opens
        qtbot.wait(50)
        assert service.list_series()[0].unread_count < unread_before  # counts did change
        assert calls[0] < 400, calls[0]
        # and the count column still fits the biggest count, in bold
        font = QFont(win.sidebar.font())
        font.setBold(True)
        widest = max(QFontMetrics(font).horizontalAdvance(str(model.index(r, 1).data() or ""))
                     for r in range(model.rowCount()))
        assert win.sidebar.header().sectionSize(1) >= widest
    finally:
        win.close()
        service.close()
