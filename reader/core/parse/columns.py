"""Reading order on a page: find column gutters, then read band by band, column by column.

A gutter is a vertical strip that few lines cross, flanked by lines on both sides sitting side
by side (not one above the other), with the right-hand lines sharing a left edge. Lines that
cross a gutter (mastheads, full-width headings, centred bylines) cut the page into bands; within
a band the columns are read left to right, each top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lines.py uses find_gutters on raw fragments, so no runtime import here
    from reader.core.parse.lines import Line

_MIN_GUTTER = 6.0
_MIN_SIDE_LINES = 3
_MAX_CROSSING = 0.25  # share of lines that may cross a gutter (they become spanning lines)

Gutter = tuple[float, float]


def find_gutters(lines: Sequence[Line]) -> list[Gutter]:
    """(x0, x1) strips of column gutters on one page, left to right (empty: one column)."""
    usable = [l for l in lines if len(l.text) > 3 and l.x1 > l.x0]
    if len(usable) < 2 * _MIN_SIDE_LINES:
        return []
    left = int(min(l.x0 for l in usable))
    right = int(max(l.x1 for l in usable)) + 1
    if right - left < 3 * _MIN_GUTTER or right - left > 20000:
        return []
    diff = [0] * (right - left + 2)
    for l in usable:
        diff[int(l.x0) - left] += 1
        diff[int(l.x1) + 1 - left] -= 1
    limit = max(1, int(_MAX_CROSSING * len(usable)))
    runs: list[Gutter] = []
    count, start = 0, None
    for i in range(right - left + 1):
        count += diff[i]
        if count <= limit:
            if start is None:
                start = i
        elif start is not None:
            runs.append((left + start, left + i))
            start = None
    line_h = sorted(l.height for l in usable)[len(usable) // 2]
    gutters: list[Gutter] = []
    for r0, r1 in runs:
        if r1 - r0 < _MIN_GUTTER or r0 <= left or r1 >= right:
            continue
        lhs = [l for l in usable if l.x1 <= r1 and l.x0 < r0]
        rhs = [l for l in usable if l.x0 >= r0 and l.x0 <= r1 + 1]
        if len(lhs) < _MIN_SIDE_LINES or len(rhs) < _MIN_SIDE_LINES:
            continue
        ly0, ly1 = min(l.y0 for l in lhs), max(l.y1 for l in lhs)
        ry0, ry1 = min(l.y0 for l in rhs), max(l.y1 for l in rhs)
        if min(ly1, ry1) - max(ly0, ry0) < 2.5 * line_h:
            continue
        edge = sorted(l.x0 for l in rhs)[len(rhs) // 2]
        if sum(1 for l in rhs if abs(l.x0 - edge) < 2.0) < 2:
            continue
        # the gutter ends where the right column begins
        start_x = min(l.x0 for l in rhs)
        gutters.append((r0, max(start_x, r0 + 1)))
    return gutters


def _crosses(line: Line, g: Gutter) -> bool:
    return line.x0 < g[0] - 0.5 and line.x1 > g[1] + 0.5


def reading_order(lines: Sequence[Line]) -> list[Line]:
    """The page's lines in reading order; sets each line's ``col`` (0 = first column)."""
    gutters = find_gutters(lines)
    by_y = sorted(lines, key=lambda l: (round(l.y0, 1), l.x0))
    if not gutters:
        for l in by_y:
            l.col = 0
        return by_y
    out: list[Line] = []
    band: list[Line] = []

    def flush() -> None:
        cols: dict[int, list[Line]] = {}
        for l in band:
            cols.setdefault(l.col, []).append(l)
        for c in sorted(cols):
            out.extend(sorted(cols[c], key=lambda l: (round(l.y0, 1), l.x0)))
        band.clear()

    for l in by_y:
        if any(_crosses(l, g) for g in gutters):
            flush()
            l.col = -1
            out.append(l)
        else:
            l.col = sum(1 for g in gutters if l.x0 >= g[0] + 0.5)
            band.append(l)
    flush()
    return out
