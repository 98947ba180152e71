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
    usable = [ln for ln in lines if len(ln.text) > 3 and ln.x1 > ln.x0]
    if len(usable) < 2 * _MIN_SIDE_LINES:
        return []
    left = int(min(ln.x0 for ln in usable))
    right = int(max(ln.x1 for ln in usable)) + 1
    if right - left < 3 * _MIN_GUTTER or right - left > 20000:
        return []
    limit = max(1, int(_MAX_CROSSING * len(usable)))
    runs = _sparse_runs(usable, limit)
    line_h = sorted(ln.height for ln in usable)[len(usable) // 2]
    gutters: list[Gutter] = []
    for r0, r1 in runs:
        if r1 - r0 < _MIN_GUTTER or r0 <= left or r1 >= right:
            continue
        lhs = [ln for ln in usable if ln.x1 <= r1 and ln.x0 < r0]
        rhs = [ln for ln in usable if ln.x0 >= r0 and ln.x0 <= r1 + 1]
        if len(lhs) < _MIN_SIDE_LINES or len(rhs) < _MIN_SIDE_LINES:
            continue
        ly0, ly1 = min(ln.y0 for ln in lhs), max(ln.y1 for ln in lhs)
        ry0, ry1 = min(ln.y0 for ln in rhs), max(ln.y1 for ln in rhs)
        if min(ly1, ry1) - max(ly0, ry0) < 2.5 * line_h:
            continue
        edge = sorted(ln.x0 for ln in rhs)[len(rhs) // 2]
        if sum(1 for ln in rhs if abs(ln.x0 - edge) < 2.0) < 2:
            continue
        # the gutter ends where the right column begins
        start_x = min(ln.x0 for ln in rhs)
        gutters.append((r0, max(start_x, r0 + 1)))
    return gutters


def _sparse_runs(lines: Sequence[Line], limit: int) -> list[Gutter]:
    """Integer x-ranges [x0, x1) crossed by at most ``limit`` lines, in order.

    A line covers the whole points int(x0)..int(x1). The count of covering lines only changes
    at line edges, so the sweep visits those edges (a few dozen a page) rather than every
    point across the page; a range still open at the right edge is not a gutter.
    """
    delta: dict[int, int] = {}
    for ln in lines:
        start, end = int(ln.x0), int(ln.x1) + 1
        delta[start] = delta.get(start, 0) + 1
        delta[end] = delta.get(end, 0) - 1
    runs: list[Gutter] = []
    count, run_start = 0, None
    for x in sorted(delta):
        count += delta[x]
        if count <= limit:
            if run_start is None:
                run_start = x
        elif run_start is not None:
            runs.append((run_start, x))
            run_start = None
    return runs


def _crosses(line: Line, g: Gutter) -> bool:
    return line.x0 < g[0] - 0.5 and line.x1 > g[1] + 0.5


def reading_order(lines: Sequence[Line]) -> list[Line]:
    """The page's lines in reading order; sets each line's ``col`` (0 = first column)."""
    gutters = find_gutters(lines)
    by_y = sorted(lines, key=lambda ln: (round(ln.y0, 1), ln.x0))
    if not gutters:
        for ln in by_y:
            ln.col = 0
        return by_y
    out: list[Line] = []
    band: list[Line] = []

    def flush() -> None:
        cols: dict[int, list[Line]] = {}
        for ln in band:
            cols.setdefault(ln.col, []).append(ln)
        for c in sorted(cols):
            out.extend(sorted(cols[c], key=lambda ln: (round(ln.y0, 1), ln.x0)))
        band.clear()

    for ln in by_y:
        if any(_crosses(ln, g) for g in gutters):
            flush()
            ln.col = -1
            out.append(ln)
        else:
            ln.col = sum(1 for g in gutters if ln.x0 >= g[0] + 0.5)
            band.append(ln)
    flush()
    return out
