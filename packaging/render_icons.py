"""Render ``resources/icons/digest-reader.svg`` to the PNG sizes desktops and installers ask for.

Run after editing the SVG: ``python packaging/render_icons.py``. PyMuPDF opens SVG as a one-page
document; each size is rendered straight from the vector drawing (no down-scaling of a big PNG),
with an alpha channel so the rounded corners stay transparent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "digest-reader.svg"


def png_path(size: int) -> Path:
    """Where the PNG of one size lives (``digest-reader-<size>.png``)."""
    return ICONS / f"digest-reader-{size}.png"


def render(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write one PNG per size next to the SVG; returns their paths."""
    written = []
    with pymupdf.open(svg) as doc:
        page = doc[0]
        for size in sizes:
            zoom = size / page.rect.width
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=True)
            target = png_path(size)
            pix.save(target)
            written.append(target)
    return written


if __name__ == "__main__":
    for path in render():
        print(path)
    sys.exit(0)
