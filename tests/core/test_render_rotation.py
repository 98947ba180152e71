"""Rotated pages: item and annotation rectangles (text coordinates, as get_text gives them)
land on the text of the page as the render process draws it (issue: highlights on pages with
/Rotate were drawn beside the text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.render import RenderProcess, to_displayed

ROTATIONS = (0, 90, 180, 270)


def make_rotated_pdf(path: Path) -> Path:
    """One A4 page per rotation, each with one short line of text near its top-left corner."""
    import pymupdf

    doc = pymupdf.open()
    for rotation in ROTATIONS:
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 120), f"Harbour tide tables {rotation}", fontsize=24)
        page.set_rotation(rotation)
    doc.save(path)
    doc.close()
    return path


def text_bbox(path: Path, index: int) -> tuple[float, float, float, float]:
    import pymupdf

    with pymupdf.open(path) as doc:
        (line,) = [ln for b in doc[index].get_text("dict")["blocks"] for ln in b["lines"]]
        x0, y0, x1, y1 = line["bbox"]
        return (x0, y0, x1, y1)


def ink_bbox(result) -> tuple[int, int, int, int]:
    """Pixel box of the dark pixels of a rendered page (zoom 1: pixels are points)."""
    xs, ys = [], []
    data, stride = result.data, result.stride
    for y in range(result.height):
        row = data[y * stride : y * stride + result.width * 3]
        dark = [x for x in range(result.width) if row[3 * x] < 100]
        if dark:
            xs += (dark[0], dark[-1])
            ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys))


@pytest.fixture(scope="module")
def rotated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_rotated_pdf(tmp_path_factory.mktemp("rot") / "rotated.pdf")


def test_page_geometry_gives_displayed_sizes_and_a_transform_only_for_rotated_pages(
    rp: RenderProcess, rotated: Path
) -> None:
    geometry = rp.page_geometry(rotated)
    assert geometry is not None
    assert [(w, h) for w, h, _ in geometry] == [(595, 842), (842, 595), (595, 842), (842, 595)]
    assert [t is None for _, _, t in geometry] == [True, False, False, False]
    assert rp.page_sizes(rotated) == [(w, h) for w, h, _ in geometry]


@pytest.mark.parametrize("index", range(len(ROTATIONS)))
def test_text_rectangle_lands_on_the_rendered_text(rp: RenderProcess, rotated: Path, index: int) -> None:
    geometry = rp.page_geometry(rotated)
    assert geometry is not None
    transform = geometry[index][2]
    x0, y0, x1, y1 = to_displayed(text_bbox(rotated, index), transform)
    result = rp.render(rotated, index, zoom=1.0)
    assert result.ok
    ix0, iy0, ix1, iy1 = ink_bbox(result)
    # the glyphs' ink sits inside the line's box (which includes ascent and descent) ...
    assert x0 - 2 <= ix0 and ix1 <= x1 + 2 and y0 - 2 <= iy0 and iy1 <= y1 + 2
    # ... and fills most of its length, so the box is on the text, not merely around it
    long_side_box = max(x1 - x0, y1 - y0)
    long_side_ink = max(ix1 - ix0, iy1 - iy0)
    assert long_side_ink >= 0.8 * long_side_box


def test_to_displayed_without_a_transform_is_the_same_rectangle() -> None:
    assert to_displayed((1.0, 2.0, 3.0, 4.0), None) == (1.0, 2.0, 3.0, 4.0)
