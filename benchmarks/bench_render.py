"""Render benchmark: first page rendered at fit width in a 1400x900 window, and cache hits.

Prints figures, asserts nothing. Target (issue 3): first page rendered < 150 ms, measured from
``PagePane.set_document`` (the request) until page 1 is a pixmap in the cache ("ready"),
with warm render workers (the app starts them in the background at launch). Each run uses its
own copy of the PDF under a new name, so neither the render cache nor the worker's open
document helps. Also printed: a cold start (spawning the worker and importing PyMuPDF), the raw
render time inside the worker, and cache hits (switching back to a document already shown).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [PDF] [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDFS = (
    ROOT / "sample_issues" / "grid-pipe-2-10.pdf",
    ROOT.parent / "shared" / "corpus" / "samplefiles__pdflatex-4-pages.pdf",
)
TARGET_MS = 150.0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def summary(label: str, values: list[float]) -> None:
    print(
        f"  {label:<44} median {ms(statistics.median(values))}   min {ms(min(values))}"
        f"   max {ms(max(values))}   (n={len(values)})"
    )


def wait(app, predicate, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while not predicate():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise SystemExit("timed out waiting for the page")
        time.sleep(0.0005)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf", nargs="?", default=None)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    pdf = Path(args.pdf) if args.pdf else next((p for p in DEFAULT_PDFS if p.exists()), None)
    if pdf is None or not pdf.exists():
        raise SystemExit("no sample PDF found; pass one")

    from PySide6.QtWidgets import QApplication

    from reader.app.pages import PagePane
    from reader.core.render import RenderProcess

    print(f"PDF: {pdf.name}  ({pdf.stat().st_size / 1024:.0f} KB)")

    # Cold: a fresh worker process has to start and import PyMuPDF first.
    t0 = time.perf_counter()
    with RenderProcess() as rp:
        first = rp.render(pdf, 0, zoom=1.0)
        cold = time.perf_counter() - t0
        raw = [rp.render(pdf, 0, zoom=2.2).seconds for _ in range(args.runs)]
    print(f"Cold start, spawn worker + import PyMuPDF + render page 1: {ms(cold)} (ok={first.ok})")

    app = QApplication(sys.argv[:1])
    pane = PagePane()
    pane.resize(1400, 900)
    pane.show()
    app.processEvents()
    pane.warm_up()
    wait(app, lambda: bool(pane.renderer.worker_pids()) and pane.renderer.pending_count() == 0)
    time.sleep(1.0)  # let both workers finish importing PyMuPDF
    app.processEvents()

    tmp = Path(tempfile.mkdtemp(prefix="bench-render-"))
    firsts: list[float] = []
    backs: list[float] = []
    try:
        copies = []
        for n in range(args.runs + 1):
            copy = tmp / f"issue-{n}.pdf"
            shutil.copyfile(pdf, copy)
            copies.append(copy)
        # One throw-away run so the first measured one does not pay for lazy Qt set-up.
        pane.set_document(copies[-1], 1)
        wait(app, lambda: pane.page_state(1) == "ready")
        for copy in copies[:-1]:
            t = time.perf_counter()
            pane.set_document(copy, 1)
            wait(app, lambda: pane.page_state(1) == "ready")
            firsts.append(time.perf_counter() - t)
            previous = copies[copies.index(copy) - 1]
            t = time.perf_counter()
            pane.set_document(previous, 1)
            pane.view.viewport().repaint()
            wait(app, lambda: pane.page_state(1) == "ready")
            backs.append(time.perf_counter() - t)
            pane.set_document(copy, 1)
            wait(app, lambda: pane.page_state(1) == "ready")
        zoom, dpr = pane.zoom, pane.view.dpr()
        key_doc = str(copies[0])
        from reader.app.pages.cache import PageKey

        key = PageKey.of(key_doc, 0, zoom, dpr)
        t = time.perf_counter()
        for _ in range(1000):
            pane.cache.get(key)
        lookup = (time.perf_counter() - t) / 1000
        paints = []
        for _ in range(args.runs):
            t = time.perf_counter()
            pane.view.viewport().repaint()
            paints.append(time.perf_counter() - t)
        # Zoomed far in, a page renders as the visible tiles only.
        tiled = []
        for copy in copies[: max(1, args.runs // 2)]:
            pane.set_document(copy, 1)
            wait(app, lambda: pane.page_state(1) == "ready")
            t = time.perf_counter()
            pane.zoom = 4.0
            pane.view.viewport().repaint()
            wait(app, lambda: pane.page_state(1) == "ready")
            tiled.append(time.perf_counter() - t)
            pane.fit_width()
        tiles = sum(1 for k in pane.cache if k.tile is not None)
    finally:
        pane.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"Window 1400x900, fit width: zoom {zoom:.3f}, device pixel ratio {dpr:g}")
    summary("worker render of page 1 at zoom 2.2 (raw)", raw)
    summary("first page rendered (request -> pixmap)", firsts)
    summary("back to a shown document (cache hit)", backs)
    summary("repaint of a cached page", paints)
    summary("zoom to 400 % -> visible tiles rendered", tiled)
    print(f"  ({tiles} tiles of 1024 px cached after the zoom runs)")
    print(
        f"  cache lookup: {lookup * 1e6:.1f} µs; cache {len(pane.cache)} entries, "
        f"{pane.cache.bytes_used / 2**20:.1f} MB of {pane.cache.max_bytes / 2**20:.0f} MB"
    )
    med = statistics.median(firsts) * 1000
    print(
        f"First page rendered: {med:.1f} ms (target < {TARGET_MS:.0f} ms) -> "
        f"{'OK' if med < TARGET_MS else 'OVER'}; ratio {med / TARGET_MS:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
