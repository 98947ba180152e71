"""Show the page pane on a PDF and save a screenshot (offscreen works): a manual check.

QT_QPA_PLATFORM=offscreen python benchmarks/demo_pages.py [PDF] [--out /tmp/pages.png]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.core.model import ItemRect

DEFAULT_PDF = Path(__file__).resolve().parents[1].parent / "shared/corpus/samplefiles__pdflatex-4-pages.pdf"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", nargs="?", default=str(DEFAULT_PDF))
    ap.add_argument("--out", default="/tmp/pages.png")
    ap.add_argument("--width", type=int, default=1000)
    ap.add_argument("--height", type=int, default=800)
    ap.add_argument("--dpr", type=float, default=None, help="QT_SCALE_FACTOR-like device pixel ratio")
    ap.add_argument("--zoom", type=float, default=None, help="fixed zoom instead of fit width")
    ap.add_argument("--show", action="store_true", help="stay open (needs a display)")
    args = ap.parse_args()
    if args.dpr:
        import os

        os.environ["QT_SCALE_FACTOR"] = str(args.dpr)
    from PySide6.QtWidgets import QApplication

    from reader.app.pages import PagePane

    app = QApplication(sys.argv)
    pane = PagePane()
    pane.resize(args.width, args.height)
    pane.show()
    pane.set_document(Path(args.pdf), 1)
    pane.set_item_rects([(1, ItemRect(1, (130, 120, 480, 160)))])
    pane.show_item([ItemRect(1, (130, 120, 480, 160))])
    if args.zoom:
        for _ in range(100):  # the real page sizes first
            app.processEvents()
            time.sleep(0.01)
        pane.zoom = args.zoom
        pane.show_item([ItemRect(1, (130, 120, 480, 160))])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and pane.page_state(pane.current_page() or 1) == "pending":
        app.processEvents()
        time.sleep(0.01)
    for _ in range(50):  # let thumbnails arrive
        app.processEvents()
        time.sleep(0.02)
    pane.grab().save(args.out)
    print(f"saved {args.out}; zoom {pane.zoom:.3f}, page {pane.current_page()} {pane.page_state(1)}")
    if args.show:
        app.exec()
    pane.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
