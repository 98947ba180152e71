"""The render process: pixels, metadata, deadlines, restarts, cancelling, and no PyMuPDF here."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.render import (
    COULD_NOT_RENDER,
    FORMAT_RGB888,
    TEST_HOOK_ENV,
    RenderProcess,
    RenderRequest,
)


def make_pdf(path: Path, pages: int = 3) -> Path:
    """A small PDF: black text on each page, a web link and an internal link on page 1."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Harbour ferry timetable, page {n + 1}", fontsize=14)
    first = doc[0]
    first.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 200, 272, 220),
            "uri": "https://example.org/ferry",
        }
    )
    first.insert_link(
        {
            "kind": pymupdf.LINK_GOTO,
            "from": pymupdf.Rect(72, 300, 272, 320),
            "page": pages - 1,
            "to": pymupdf.Point(0, 0),
        }
    )
    doc.save(path)
    doc.close()
    return path


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("render") / "three.pdf")


def test_render_returns_rgb_pixels_at_zoom_times_dpr(rp: RenderProcess, pdf: Path) -> None:
    res = rp.render(pdf, 0, zoom=1.0, dpr=2.0)
    assert res.ok, res.detail
    assert (res.width, res.height) == (1190, 1684)
    assert res.format == FORMAT_RGB888
    assert res.stride >= res.width * 3
    assert len(res.data) == res.stride * res.height
    assert min(res.data) < 100  # some dark text pixels
    assert res.data[:3] == b"\xff\xff\xff"  # white corner


def test_render_with_clip(rp: RenderProcess, pdf: Path) -> None:
    res = rp.render(pdf, 1, zoom=2.0, clip=(0, 0, 100, 50))
    assert res.ok
    assert (res.width, res.height, res.x, res.y) == (200, 100, 0, 0)
    tile = rp.render(pdf, 1, zoom=2.0, clip=(50, 25, 100, 50))
    assert (tile.width, tile.height, tile.x, tile.y) == (100, 50, 100, 50)


def test_page_sizes_and_links(rp: RenderProcess, pdf: Path) -> None:
    assert rp.page_sizes(pdf) == [(595.0, 842.0)] * 3
    links = rp.links(pdf, 0)
    assert links is not None
    by_kind = {link.kind: link for link in links}
    assert by_kind["uri"].uri == "https://example.org/ferry"
    assert by_kind["uri"].rect == pytest.approx((72, 200, 272, 220), abs=0.5)
    assert by_kind["goto"].page == 2
    assert rp.links(pdf, 1) == []


def test_bad_inputs_give_could_not_render_and_the_worker_goes_on(
    rp: RenderProcess, pdf: Path, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"not a pdf at all")
    for res in (rp.render(garbage, 0), rp.render(tmp_path / "missing.pdf", 0), rp.render(pdf, 99)):
        assert not res.ok
        assert res.error == COULD_NOT_RENDER
    assert rp.page_sizes(garbage) is None
    assert rp.render(pdf, 2).ok


def test_submit_is_asynchronous_with_queue(pdf: Path) -> None:
    with RenderProcess() as process:
        ids = [process.submit(RenderRequest(str(pdf), i, zoom=0.5)) for i in (0, 1)]
        got = [process.get_result(timeout=30), process.get_result(timeout=30)]
        assert sorted(r.request_id for r in got if r is not None) == sorted(ids)
        assert all(r.ok for r in got)
        assert process.poll() == []


def test_results_go_to_the_callback_only_never_piling_up_in_the_queue(pdf: Path) -> None:
    """A GUI reads results from its callback and never polls: the queue must stay empty,
    or every rendered page's pixels would be kept for the life of the process."""
    seen: list = []
    done = threading.Event()

    def callback(result):
        seen.append(result)
        if len(seen) == 3:
            done.set()

    with RenderProcess(on_result=callback) as process:
        ids = [process.submit(RenderRequest(str(pdf), i, zoom=0.5)) for i in (0, 1, 2)]
        assert done.wait(30)
        assert sorted(r.request_id for r in seen) == sorted(ids)
        assert all(r.ok and r.data for r in seen)
        assert process.results.qsize() == 0
        assert process.poll() == []


def test_hanging_page_misses_deadline_then_worker_restarts(
    pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TEST_HOOK_ENV, "hang:1")
    with RenderProcess(deadline=1.0) as process:
        assert process.render(pdf, 0).ok
        first_pid = process.worker_pids()
        res = process.render(pdf, 1)
        assert not res.ok
        assert res.error == COULD_NOT_RENDER
        assert "deadline" in res.detail
        assert process.restarts == 1
        again = process.render(pdf, 2)
        assert again.ok
        assert process.worker_pids() != first_pid


def test_crashing_worker_is_restarted(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_HOOK_ENV, "crash:0")
    with RenderProcess(deadline=10) as process:
        res = process.render(pdf, 0)
        assert not res.ok and res.error == COULD_NOT_RENDER
        assert "died" in res.detail
        assert process.render(pdf, 1).ok
        assert process.restarts == 1


def test_cancel_pending_drops_stale_requests(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_HOOK_ENV, "hang:1")
    with RenderProcess(deadline=1.5) as process:
        process.submit(RenderRequest(str(pdf), 1, tag="busy"))  # keeps the only worker busy
        deadline = time.monotonic() + 30
        while process.pending_count() and time.monotonic() < deadline:
            time.sleep(0.01)
        stale = [process.submit(RenderRequest(str(pdf), 0, zoom=z, tag="old")) for z in (0.5, 0.6)]
        fresh = process.submit(RenderRequest(str(pdf), 2, tag="new"))
        assert process.cancel_pending(lambda r: r.tag == "old") == 2
        results = [process.get_result(timeout=30) for _ in range(2)]
        assert [r.request.tag for r in results] == ["busy", "new"]
        ids = {r.request_id for r in results}
        assert fresh in ids
        assert not ids & set(stale)
        assert process.get_result(timeout=0.3) is None


def test_real_file_that_never_finishes_rendering(corpus_dir: Path, pdf: Path) -> None:
    path = corpus_dir / "pymupdf__test_2548.pdf"
    if not path.exists():
        pytest.skip("pymupdf__test_2548.pdf not in the corpus")
    with RenderProcess(deadline=1.5) as process:
        res = process.render(path, 0, zoom=0.5)
        assert not res.ok and res.error == COULD_NOT_RENDER
        assert process.render(pdf, 0, zoom=0.5).ok


def test_importing_render_does_not_load_pymupdf_or_qt() -> None:
    code = "import sys, reader.core.render; print('pymupdf' in sys.modules, 'PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
