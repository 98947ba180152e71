"""A library whose items all wait for CJK bigrams (upgraded from before they existed): the
window works through them in the background and says so; searches meanwhile stay quick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_window_catches_a_large_backlog_up_in_the_background(qtbot, tmp_path, monkeypatch):
    from reader.app.search import catch_up
    from reader.app.service import LibraryService
    from reader.app.window import MainWindow
    from reader.core.library import Library
    from reader.core.library.synthetic import build_synthetic_library

    build_synthetic_library(tmp_path / "old", issues=250, items_per_issue=10, series=3)
    monkeypatch.setattr(catch_up, "BATCH", 100)  # many small steps, so they can be watched
    lib = Library.open(tmp_path / "old", create=False)
    service = LibraryService(lib)
    assert service.search_backlog() == 2500 >= catch_up.BACKGROUND_FROM
    win = MainWindow(service)
    qtbot.addWidget(win)
    seen: list[tuple[int, int | None]] = []
    win.search_catch_up.progress.connect(lambda left: seen.append((left, lib.search_sync_limit)))
    win.show()
    qtbot.waitExposed(win)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
        assert "Preparing search" in win.statusBar().currentMessage()
        # a search typed meanwhile answers without doing the backlog itself
        win.focus_search()
        field = QApplication.focusWidget()
        qtbot.keyClicks(field, "harbour")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        with qtbot.waitSignal(win.search_catch_up.finished, timeout=30000):
            pass
        lefts = [left for left, _ in seen]
        assert lefts[-1] == 0 and lefts == sorted(lefts, reverse=True) and len(lefts) > 5
        assert seen[0] == (2500, 0)  # while it runs, searches skip the bigram work
        assert service.search_backlog() == 0 and lib.search_sync_limit is None
        qtbot.waitUntil(lambda: "ready" in win.statusBar().currentMessage())
    finally:
        win.close()
        service.close()


def test_small_backlogs_are_left_to_the_next_search(qtbot, window, service):
    assert service.search_backlog() < 2000
    assert not window.search_catch_up.running
