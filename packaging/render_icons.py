"""Render ``resources/icons/digest-reader.svg`` to the icon files desktops and installers ask for.

Run after editing the SVG: ``python packaging/render_icons.py``. PyMuPDF opens SVG as a one-page
document; each size is rendered straight from the vector drawing (no down-scaling of a big PNG),
with an alpha channel so the rounded corners stay transparent. Written:

- ``digest-reader-<size>.png`` for 16–512 px (Linux desktops, the window icon);
- ``digest-reader.ico`` (Windows: the executable's icon) holding 16, 24, 32, 48, 64, 128 and
  256 px as PNG entries, which ICO allows since Windows Vista;
- ``digest-reader.icns`` (macOS: the app bundle's icon) holding PNG chunks from 16 px to
  1024 px (512 px @2x), the types ``iconutil`` writes.

Both containers are built here with ``struct`` (no icon tool needed, so Linux CI can make them),
from the PNG files above; the 24 px and 1024 px images only they need are rendered in memory.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pymupdf

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "digest-reader.svg"
ICO = ICONS / "digest-reader.ico"
ICNS = ICONS / "digest-reader.icns"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (OSType, pixel size): the 1x types, then the @2x ones (which reuse the same PNGs).
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
    ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512), ("ic10", 1024),
)


def png_path(size: int) -> Path:
    """Where the PNG of one size lives (``digest-reader-<size>.png``)."""
    return ICONS / f"digest-reader-{size}.png"


def _pixmap(page: pymupdf.Page, size: int) -> pymupdf.Pixmap:
    zoom = size / page.rect.width
    return page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=True)


def render(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write one PNG per size next to the SVG; returns their paths."""
    written = []
    with pymupdf.open(svg) as doc:
        page = doc[0]
        for size in sizes:
            target = png_path(size)
            _pixmap(page, size).save(target)
            written.append(target)
    return written


def png_images(sizes: Iterable[int], svg: Path = SVG) -> dict[int, bytes]:
    """PNG bytes per size: the written ``digest-reader-<size>.png`` when there is one, else
    rendered from the SVG in memory."""
    images: dict[int, bytes] = {}
    missing = []
    for size in sorted(set(sizes)):
        if png_path(size).is_file():
            images[size] = png_path(size).read_bytes()
        else:
            missing.append(size)
    if missing:
        with pymupdf.open(svg) as doc:
            for size in missing:
                images[size] = _pixmap(doc[0], size).tobytes("png")
    return images


def ico_bytes(images: Mapping[int, bytes]) -> bytes:
    """An ICO file of square PNG ``images`` (size -> bytes), smallest first.

    ICONDIR (reserved 0, type 1 = icon, count), one 16-byte ICONDIRENTRY per image (width and
    height as one byte each, 0 meaning 256; no palette; 1 plane; 32 bits per pixel; data length;
    data offset), then the PNG data in the same order. All little-endian.
    """
    sizes = sorted(images)
    if not sizes or sizes[0] < 1 or sizes[-1] > 256:
        raise ValueError(f"ICO images must be 1-256 px, got {sizes}")
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, data = [], []
    for size in sizes:
        png = images[size]
        side = size % 256  # 256 is written as 0
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        data.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(data)


def icns_bytes(chunks: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICNS file of ``(OSType, PNG bytes)`` chunks.

    Header: ``icns`` and the whole file's length; each chunk: its 4-character type and its
    length including this 8-byte chunk header, then the data. All big-endian.
    """
    body = b"".join(struct.pack(">4sI", kind.encode("ascii"), 8 + len(png)) + png
                    for kind, png in chunks)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def write_containers(svg: Path = SVG) -> list[Path]:
    """Write ``digest-reader.ico`` and ``digest-reader.icns`` from the PNGs; returns the paths."""
    images = png_images(set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES}, svg)
    ICO.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    ICNS.write_bytes(icns_bytes((kind, images[size]) for kind, size in ICNS_TYPES))
    return [ICO, ICNS]


if __name__ == "__main__":
    for path in render() + write_containers():
        print(path)
    sys.exit(0)
