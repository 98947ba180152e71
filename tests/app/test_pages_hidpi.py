"""High-DPI: with a device pixel ratio of 2 pages render at twice the pixels, drawn 1:1.

Qt fixes the device pixel ratio when the application starts, so this runs a short script in a
fresh interpreter with ``QT_SCALE_FACTOR=2``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys, time
from pathlib import Path

def main():
    from PySide6.QtWidgets import QApplication
    from reader.app.pages import PagePane
    app = QApplication([])
    pane = PagePane(workers=1)
    pane.resize(700, 500)
    pane.show()
    pane.set_document(Path(sys.argv[1]), 1)
    end = time.monotonic() + 30
    while pane.page_state(1) != "ready" and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    pixmap, state = pane.page_image(0, pane.zoom, pane.view.dpr())
    print(json.dumps({"state": state, "dpr": pane.view.dpr(), "zoom": pane.zoom,
                      "width": pixmap.width() if pixmap else 0,
                      "pixmap_dpr": pixmap.devicePixelRatio() if pixmap else 0}))
    pane.shutdown()

if __name__ == "__main__":
    main()
"""


def test_pages_render_at_device_pixel_ratio(tmp_path: Path) -> None:
    import pymupdf

    pdf = tmp_path / "one.pdf"
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 100), "Lighthouse survey", fontsize=14)
    doc.save(pdf)
    doc.close()
    script = tmp_path / "hidpi.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    proc = subprocess.run(
        [sys.executable, str(script), str(pdf)], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["state"] == "ready"
    assert out["dpr"] == 2.0 and out["pixmap_dpr"] == 2.0
    assert abs(out["width"] - 595 * out["zoom"] * 2) <= 1
