"""Where each page sits in the scrollable page view, at a zoom: plain geometry, no Qt.

Pages are stacked top to bottom with a gap, each centred horizontally. Coordinates are logical
pixels (Qt's device-independent pixels); ``zoom`` is logical pixels per PDF point, so a page of
612 x 792 points at zoom 1.0 is 612 x 792 logical pixels. Converting a point in the view to a
point on a page (PDF points, top-left origin) and back is all hit-testing and outlining need.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

MARGIN = 10
GAP = 10
MIN_ZOOM = 0.1
MAX_ZOOM = 5.0
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0)
DEFAULT_PAGE_SIZE = (612.0, 792.0)  # US Letter in points, until the real sizes arrive

Rect = tuple[float, float, float, float]


def clamp_zoom(zoom: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, float(zoom)))


def step_zoom(zoom: float, direction: int) -> float:
    """The next zoom step above (direction > 0) or below (direction < 0) ``zoom``."""
    if direction > 0:
        bigger = [z for z in ZOOM_STEPS if z > zoom + 1e-6]
        return bigger[0] if bigger else MAX_ZOOM
    smaller = [z for z in ZOOM_STEPS if z < zoom - 1e-6]
    return smaller[-1] if smaller else clamp_zoom(min(zoom, ZOOM_STEPS[0]))


class PageLayout:
    """Page rectangles for given page sizes (points), a zoom and a viewport width."""

    def __init__(self) -> None:
        self.sizes: list[tuple[float, float]] = []
        self.zoom = 1.0
        self.viewport_width = 0
        self.rects: list[Rect] = []  # logical pixels: x, y, width, height
        self.width = 0.0
        self.height = 0.0

    def set(self, sizes: Sequence[tuple[float, float]], zoom: float, viewport_width: int) -> None:
        self.sizes = [(float(w), float(h)) for w, h in sizes]
        self.zoom = clamp_zoom(zoom)
        self.viewport_width = max(0, int(viewport_width))
        self._relayout()

    def _relayout(self) -> None:
        z = self.zoom
        widest = max((w * z for w, _ in self.sizes), default=0.0)
        self.width = max(float(self.viewport_width), widest + 2 * MARGIN)
        y = float(MARGIN)
        self.rects = []
        for w, h in self.sizes:
            pw, ph = w * z, h * z
            self.rects.append((float(round((self.width - pw) / 2)), y, pw, ph))  # whole pixels: crisp
            y = float(round(y + ph + GAP))
        self.height = y - GAP + MARGIN if self.sizes else 0.0
        self._tops = [r[1] for r in self.rects]

    def fit_width_zoom(self, viewport_width: int) -> float:
        widest = max((w for w, _ in self.sizes), default=DEFAULT_PAGE_SIZE[0])
        return clamp_zoom((viewport_width - 2 * MARGIN) / widest)

    def fit_page_zoom(self, viewport_width: int, viewport_height: int) -> float:
        widest = max((w for w, _ in self.sizes), default=DEFAULT_PAGE_SIZE[0])
        tallest = max((h for _, h in self.sizes), default=DEFAULT_PAGE_SIZE[1])
        return clamp_zoom(
            min((viewport_width - 2 * MARGIN) / widest, (viewport_height - 2 * MARGIN) / tallest)
        )

    def pages_in(self, top: float, bottom: float) -> range:
        """0-based indexes of pages intersecting the vertical band [top, bottom)."""
        if not self.rects:
            return range(0)
        first = max(0, bisect_right(self._tops, top) - 1)
        if self.rects[first][1] + self.rects[first][3] < top:
            first += 1
        last = max(first, bisect_right(self._tops, bottom))
        return range(first, min(last, len(self.rects)))

    def page_at(self, x: float, y: float) -> tuple[int, float, float] | None:
        """(page index, x, y in PDF points) under the layout point, or None outside pages."""
        for i in self.pages_in(y, y + 1):
            px, py, pw, ph = self.rects[i]
            if px <= x <= px + pw and py <= y <= py + ph:
                return i, (x - px) / self.zoom, (y - py) / self.zoom
        return None

    def nearest_page(self, y: float) -> int:
        """The page whose band (page plus the gap below it) contains ``y``."""
        if not self.rects:
            return 0
        return max(0, min(len(self.rects) - 1, bisect_right(self._tops, y) - 1))

    def to_layout(self, page: int, rect: Rect) -> Rect:
        """A rectangle in PDF points on ``page`` as (x, y, w, h) in layout pixels."""
        px, py, _, _ = self.rects[page]
        x0, y0, x1, y1 = rect
        z = self.zoom
        return px + x0 * z, py + y0 * z, (x1 - x0) * z, (y1 - y0) * z

    def point_to_layout(self, page: int, x: float, y: float) -> tuple[float, float]:
        px, py, _, _ = self.rects[page]
        return px + x * self.zoom, py + y * self.zoom
