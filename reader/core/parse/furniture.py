"""Running headers, footers and page numbers: lines that are page furniture, not content.

A line near the top or bottom of a page whose text (digits ignored) recurs at about the same
height on most pages is a running header/footer. Lines that are only a page number
("3", "- 3 -", "Page 3 of 4", "3 / 4") near the top or bottom edge go too, even on one page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from reader.core.parse.lines import Line

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:page|p\.|seite|página|ページ)\s*)?\d{1,4}(?:\s*(?:/|of|von|de)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_EDGE = 0.12  # fraction of the page height counted as header/footer band


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _key(line: Line) -> str:
    text = (line.marker + " " + line.text) if line.marker and line.marker != "shape" else line.text
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _edge_lines(lines: Sequence[Line], height: float) -> list[Line]:
    """Lines in the top/bottom bands of the page, plus the two highest and two lowest lines."""
    if not lines:
        return []
    top, bottom = height * _EDGE, height * (1 - _EDGE)
    by_y = sorted(lines, key=lambda ln: ln.y0)
    picked = {id(ln): ln for ln in by_y[:2] + by_y[-2:]}
    for line in lines:
        if line.y1 <= top or line.y0 >= bottom:
            picked[id(line)] = line
    return list(picked.values())


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[int]:
    """``id()``s of lines that are running headers/footers or page numbers."""
    drop: set[int] = set()
    where: dict[tuple[str, int], set[int]] = defaultdict(set)
    n_pages = len(pages)
    for pno, lines in enumerate(pages):
        for line in _edge_lines(lines, heights[pno]):
            if is_page_number(line.text) and not line.marker:
                drop.add(id(line))
                continue
            where[(_key(line), round(line.y0 / 4))].add(pno)
    if n_pages >= 2:
        # merge neighbouring height buckets so a 1pt wobble still counts as "same place"
        counts: dict[tuple[str, int], set[int]] = {}
        for (key, bucket), pset in where.items():
            merged = set(pset)
            for other in (bucket - 1, bucket + 1):
                merged |= where.get((key, other), set())
            counts[(key, bucket)] = merged
        need = max(2, (n_pages + 1) // 2)
        repeating = {k for k, v in counts.items() if len(v) >= need}
        if repeating:
            for pno, lines in enumerate(pages):
                for line in _edge_lines(lines, heights[pno]):
                    if (_key(line), round(line.y0 / 4)) in repeating:
                        drop.add(id(line))
    if all(id(line) in drop for lines in pages for line in lines):
        # nothing but "furniture": then it is the content (one repeated line per page, say)
        drop = {id(line) for lines in pages for line in lines if is_page_number(line.text)}
    return drop
