"""The page pane's memory stays bounded however many documents are opened one after another:
rendered pages of only the last few documents, small memos of a bounded number, no results
piling up undelivered. Counts and byte sums, never RSS or timings (those are benchmarks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.app.pages import pane as pane_module
from tests.app.test_pages import make_pdf, open_pane, wait_ready

CACHE_BYTES = 24 * 1024 * 1024
KEPT = 3
MEMO = 5


@pytest.fixture
def pdfs(tmp_path: Path) -> list[Path]:
    """Twelve documents with the same bytes and different names (as in the GUI benchmark),
    so nothing is shared between them."""
    first = make_pdf(tmp_path / "issue-00.pdf", pages=2)
    out = [first]
    for n in range(1, 12):
        out.append(Path(shutil.copy(first, tmp_path / f"issue-{n:02}.pdf")))
    return out


def test_opening_many_documents_keeps_the_pane_bounded(
    qtbot, pdfs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pane_module, "MEMO_DOCUMENTS", MEMO)
    pane = pane_module.PagePane(deadline=20.0, workers=1, cache_bytes=CACHE_BYTES, documents_kept=KEPT)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    try:
        for n, path in enumerate(pdfs, start=1):
            pane.set_document(path, 2)
            wait_ready(qtbot, pane)
            qtbot.waitUntil(lambda: pane.held()["in_flight"] == 0, timeout=20000)
            held = pane.held()
            assert held["cache_documents"] <= KEPT
            assert held["recent_documents"] == min(n, KEPT)
            assert held["cache_bytes"] <= CACHE_BYTES
            assert held["sizes_memo"] == min(n, MEMO)
            assert held["failed_memo"] == 0
            assert held["queued_results"] == 0
            assert {key.document for key in pane.cache} <= {str(p) for p in pdfs[max(0, n - KEPT) : n]}
        # Going back to a recent document shows its pages at once, from the cache.
        pane.set_document(pdfs[-2], 2)
        assert pane.page_state(1) == "ready"
        # An older one was forgotten: it renders again (and still works).
        pane.set_document(pdfs[0], 2)
        assert pane.page_state(1) != "ready"
        wait_ready(qtbot, pane)
        assert pane.held()["cache_documents"] <= KEPT
    finally:
        pane.shutdown()


def test_cache_bytes_count_the_pixmaps_actual_size(qtbot, pdfs: list[Path]) -> None:
    pane = open_pane(qtbot)
    try:
        pane.set_document(pdfs[0], 2)
        wait_ready(qtbot, pane)
        qtbot.waitUntil(lambda: pane.held()["in_flight"] == 0, timeout=20000)
        total = 0
        for key in list(pane.cache):
            value = pane.cache.get(key)
            pixmap = value[0] if isinstance(value, tuple) else value
            total += pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
        assert total == pane.cache.bytes_used > 0
    finally:
        pane.shutdown()
