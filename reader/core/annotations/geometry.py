"""Where a highlighted character range sits on the page: rectangles for translucent overlays.

The library keeps, for each item, the rectangle of every line it uses (``ItemRow.rects``) but not
which characters each line holds. :func:`range_rects` recovers that from the PDF: it reads the
words inside the item's line rectangles (PyMuPDF ``get_text("words", clip=...)``, in item order),
aligns them with the words of the item text ``headline + "\\n" + body`` (``difflib`` opcodes, so
rejoined hyphenations and dropped bullet glyphs do not derail it), and returns one rectangle per
line covering the words of the range. PyMuPDF is imported only when this runs; a PDF that
cannot be opened gives the item's own line rectangles (whole item) or nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from reader.core.errors import UserError
from reader.core.model import ItemRect

_WORD = re.compile(r"\S+")
_STRIP = re.compile(r"^\W+|\W+$")
_PAD = 1.0  # points added around each line rectangle when clipping words


def _norm(word: str) -> str:
    return _STRIP.sub("", word).lower() or word


_Word = tuple[float, float, float, float, str]
"""A PDF word: x0, y0, x1, y1 (points), text."""


def _pdf_words(pdf_path: str | os.PathLike[str], rects: Sequence[ItemRect]) -> list[tuple[int, int, _Word]]:
    """(rect index, page, (x0, y0, x1, y1, word)) for every word inside the item's lines."""
    from reader.core.pdf import open_document

    out: list[tuple[int, int, _Word]] = []
    doc = open_document(pdf_path)
    try:
        import pymupdf

        for n, r in enumerate(rects):
            if not 1 <= r.page <= doc.page_count:
                continue
            x0, y0, x1, y1 = r.rect
            clip = pymupdf.Rect(x0 - _PAD, y0 - _PAD, x1 + _PAD, y1 + _PAD)
            for w in doc[r.page - 1].get_text("words", clip=clip, sort=True):
                out.append((n, r.page, (w[0], w[1], w[2], w[3], w[4])))
    finally:
        doc.close()
    return out


def range_rects(
    pdf_path: str | os.PathLike[str], rects: Sequence[ItemRect], text: str, start: int, end: int
) -> list[ItemRect]:
    """Rectangles (one per line, 1-based pages, PDF points) covering ``text[start:end]``.

    ``rects`` are the item's line rectangles and ``text`` its item text. Words cut by the range
    edges are covered whole. Falls back to the item's rectangles for a whole-item range when the
    PDF gives no words, and to ``[]`` for a partial range.
    """
    whole = start <= 0 and end >= len(text)
    try:
        pdf = _pdf_words(pdf_path, rects) if rects else []
    except UserError:
        pdf = []
    if not pdf:
        return list(rects) if whole else []
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    wanted = [k for k, (a, b) in enumerate(spans) if a < end and b > start]
    if not wanted:
        return []
    matcher = SequenceMatcher(
        None, [_norm(text[a:b]) for a, b in spans], [_norm(w[2][4]) for w in pdf], autojunk=False
    )
    mapping: dict[int, list[int]] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                mapping[i1 + k] = [j1 + k]
        elif tag == "replace":  # e.g. "eco-" "nomy" in the PDF for "economy": share out the span
            for k in range(i1, i2):
                lo = j1 + (k - i1) * (j2 - j1) // (i2 - i1)
                hi = j1 + ((k - i1 + 1) * (j2 - j1) + (i2 - i1) - 1) // (i2 - i1)
                mapping[k] = list(range(lo, max(hi, lo + 1)))
    chosen = sorted({j for k in wanted for j in mapping.get(k, ())})
    if whole:
        chosen = list(range(len(pdf)))
    lines: dict[int, list[float]] = {}
    pages: dict[int, int] = {}
    for j in chosen:
        n, page, (x0, y0, x1, y1, _) = pdf[j]
        box = lines.get(n)
        lines[n] = (
            [x0, y0, x1, y1]
            if box is None
            else [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        )
        pages[n] = page
    return [ItemRect(pages[n], (b[0], b[1], b[2], b[3])) for n, b in sorted(lines.items())]
