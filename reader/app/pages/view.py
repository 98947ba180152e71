"""The scrollable stack of pages: paints what its provider has rendered, maps mouse to pages.

``PageView`` knows geometry and input, not PDFs: a provider (the ``PagePane``) hands it page
images and is told which pages are visible so it can request renders for exactly those. Item
outlines are painted as overlays from rectangles in PDF points times the zoom, so they stay
sharp at any zoom and never need a re-render.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.app.pages.layout import PageLayout, clamp_zoom
from reader.app.typed_qt import QT_TRANSLATE_NOOP

PENDING, READY, FAILED = "pending", "ready", "failed"
# Marked for translation here, translated when painted.
COULD_NOT_RENDER_TEXT = QT_TRANSLATE_NOOP("PageView", "Could not render this page")
RENDERING_TEXT = QT_TRANSLATE_NOOP("PageView", "Rendering page {n}…")
CLICK_SLOP = 4  # pixels the mouse may move between press and release and still be a click


Region = tuple[float, float, float, float]
"""x0, y0, x1, y1 in logical pixels of one page (its top-left is 0, 0)."""
Piece = tuple[QPixmap, float, float, bool]
"""An image to draw on a page: pixmap, x, y (logical offset in the page), exact. Exact pieces
are drawn 1:1 at their offset; others are stand-ins stretched over the whole page."""


class PageProvider(Protocol):
    def page_pieces(self, page: int, zoom: float, dpr: float, visible: Region) -> tuple[list[Piece], str]:
        """What to draw for ``page`` (stand-ins first) and its state."""

    def pages_visible(self, regions: Sequence[tuple[int, Region]], zoom: float, dpr: float) -> None:
        """The pages now on screen with their visible parts; render what is missing."""


class PageView(QAbstractScrollArea):
    """Pages stacked vertically; emits ``clicked(page, x, y)`` and ``hovered(page, x, y)``
    in 0-based page and PDF points (page -1 when the mouse is between pages)."""

    clicked = Signal(int, float, float)
    hovered = Signal(int, float, float)
    zoom_step_requested = Signal(int, QPoint)  # +1/-1, anchor in viewport coordinates
    current_page_changed = Signal(int)  # 0-based
    layout_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_layout = PageLayout()
        self.provider: PageProvider | None = None
        self.highlights: list[tuple[int, tuple[float, float, float, float]]] = []
        # Annotation highlights: (0-based page, rect in points, translucent fill colour).
        self.marks: list[tuple[int, tuple[float, float, float, float], QColor]] = []
        self._press: QPoint | None = None
        self._press_scroll = (0, 0)
        self._dragging = False
        self._current_page = -1
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no fit-width flicker
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        pal = self.viewport().palette()
        pal.setColor(self.viewport().backgroundRole(), QColor(0x80, 0x80, 0x80))
        self.viewport().setPalette(pal)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)

    # -- geometry -------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.page_layout.zoom

    def dpr(self) -> float:
        return float(self.viewport().devicePixelRatioF())

    def set_pages(self, sizes: Sequence[tuple[float, float]], zoom: float | None = None) -> None:
        """New page sizes (points), keeping the zoom unless one is given; scrolls to the top."""
        self.page_layout.set(sizes, self.zoom if zoom is None else zoom, self.viewport().width())
        self._update_scrollbars()
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._current_page = -1
        self._scrolled()
        self.viewport().update()
        self.layout_changed.emit()

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Change the zoom keeping the page point under ``anchor`` (default: the viewport
        centre) where it is."""
        zoom = clamp_zoom(zoom)
        if abs(zoom - self.zoom) < 1e-9:
            return
        vp = self.viewport()
        if anchor is None:
            anchor = QPoint(vp.width() // 2, vp.height() // 2)
        lx, ly = self._to_layout(anchor)
        lay = self.page_layout
        page = lay.nearest_page(ly)
        if lay.rects:
            px, py, _, _ = lay.rects[page]
            rel = ((lx - px) / lay.zoom, (ly - py) / lay.zoom)
        lay.set(lay.sizes, zoom, vp.width())
        self._update_scrollbars()
        if lay.rects:
            nx, ny = lay.point_to_layout(page, *rel)
            self.horizontalScrollBar().setValue(round(nx - anchor.x()))
            self.verticalScrollBar().setValue(round(ny - anchor.y()))
        self.viewport().update()
        self.layout_changed.emit()

    def _update_scrollbars(self) -> None:
        vp = self.viewport()
        lay = self.page_layout
        v, h = self.verticalScrollBar(), self.horizontalScrollBar()
        v.setRange(0, max(0, round(lay.height - vp.height())))
        v.setPageStep(max(1, vp.height()))
        v.setSingleStep(40)
        h.setRange(0, max(0, round(lay.width - vp.width())))
        h.setPageStep(max(1, vp.width()))
        h.setSingleStep(40)

    def _to_layout(self, pos: QPoint | QPointF) -> tuple[float, float]:
        return pos.x() + self.horizontalScrollBar().value(), pos.y() + self.verticalScrollBar().value()

    def page_rect_in_viewport(self, page: int, rect: tuple[float, float, float, float]) -> QRectF:
        """A rectangle in PDF points on a 0-based page, in viewport coordinates."""
        x, y, w, h = self.page_layout.to_layout(page, rect)
        return QRectF(x - self.horizontalScrollBar().value(), y - self.verticalScrollBar().value(), w, h)

    def point_in_viewport(self, page: int, x: float, y: float) -> QPoint:
        lx, ly = self.page_layout.point_to_layout(page, x, y)
        return QPoint(
            round(lx - self.horizontalScrollBar().value()), round(ly - self.verticalScrollBar().value())
        )

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self.page_layout.pages_in(top, top + self.viewport().height())

    def visible_region(self, page: int) -> Region:
        """The part of ``page`` inside the viewport, in logical pixels of the page (empty
        when the page is off screen)."""
        if not 0 <= page < len(self.page_layout.rects):
            return (0.0, 0.0, 0.0, 0.0)
        x, y, w, h = self.page_layout.rects[page]
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        vw, vh = self.viewport().width(), self.viewport().height()
        x0, y0 = max(0.0, sx - x), max(0.0, sy - y)
        x1, y1 = min(w, sx + vw - x), min(h, sy + vh - y)
        return (x0, y0, max(x0, x1), max(y0, y1))

    def current_page(self) -> int:
        """0-based page at the upper third of the viewport."""
        top = self.verticalScrollBar().value()
        return self.page_layout.nearest_page(top + self.viewport().height() / 3)

    def scroll_to_page(self, page: int) -> None:
        if 0 <= page < len(self.page_layout.rects):
            self.verticalScrollBar().setValue(round(self.page_layout.rects[page][1]) - 10)

    def ensure_visible(self, page: int, rect: tuple[float, float, float, float]) -> None:
        """Scroll so the rectangle (points, 0-based page) is in view; centre it when it wasn't."""
        if not 0 <= page < len(self.page_layout.rects):
            return
        x, y, w, h = self.page_layout.to_layout(page, rect)
        v, hb = self.verticalScrollBar(), self.horizontalScrollBar()
        vp = self.viewport()
        if not (y >= v.value() and y + h <= v.value() + vp.height()):
            v.setValue(round(y + min(h, vp.height()) / 2 - vp.height() / 2))
        if not (x >= hb.value() and x + min(w, vp.width()) <= hb.value() + vp.width()):
            hb.setValue(round(x - 20))

    # -- events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        lay = self.page_layout
        lay.set(lay.sizes, lay.zoom, self.viewport().width())
        self._update_scrollbars()
        self.layout_changed.emit()

    def _scrolled(self, *_: object) -> None:
        page = self.current_page()
        if page != self._current_page and self.page_layout.rects:
            self._current_page = page
            self.current_page_changed.emit(page)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        lay = self.page_layout
        zoom, dpr = lay.zoom, self.dpr()
        pages = self.visible_pages()
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        regions: list[tuple[int, Region]] = []
        for i in pages:
            x, y, w, h = lay.rects[i]
            target = QRectF(x - sx, y - sy, w, h)
            painter.fillRect(target.translated(2, 2), QColor(0, 0, 0, 60))
            visible = self.visible_region(i)
            regions.append((i, visible))
            pieces, state = (
                ([], PENDING) if self.provider is None else self.provider.page_pieces(i, zoom, dpr, visible)
            )
            painter.fillRect(target, Qt.GlobalColor.white)
            for pixmap, px, py, exact in pieces:
                if exact:  # 1:1 device pixels (crisp); an image may be a pixel wider than the page
                    painter.save()
                    painter.setClipRect(target)
                    painter.drawPixmap(QPointF(target.x() + px, target.y() + py), pixmap)
                    painter.restore()
                else:  # another zoom's image, stretched until the right one comes
                    painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            if state != READY and not pieces:
                painter.setPen(QColor(0x99, 0x33, 0x33) if state == FAILED else QColor(0x77, 0x77, 0x77))
                translate = QCoreApplication.translate
                text = (translate("PageView", COULD_NOT_RENDER_TEXT) if state == FAILED
                        else translate("PageView", RENDERING_TEXT).format(n=i + 1))
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        if self.marks:  # one path per colour: overlapping line rects are not painted twice
            paths: dict[int, tuple[QColor, QPainterPath]] = {}
            for page, rect, fill in self.marks:
                if page in pages:
                    path = paths.setdefault(fill.rgba(), (fill, QPainterPath()))[1]
                    path.addRect(self.page_rect_in_viewport(page, rect))
            for fill, path in paths.values():
                path.setFillRule(Qt.FillRule.WindingFill)
                painter.fillPath(path.simplified(), fill)
        if self.highlights:
            color = self.palette().highlight().color()
            fill = QColor(color)
            fill.setAlpha(40)
            pen = QPen(color, 2)
            painter.setPen(pen)
            for page, rect in self.highlights:
                if page in pages:
                    r = self.page_rect_in_viewport(page, rect).adjusted(-2, -2, 2, 2)
                    painter.fillRect(r, fill)
                    painter.drawRect(r)
        painter.end()
        if self.provider is not None and regions:
            self.provider.pages_visible(regions, zoom, dpr)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_step_requested.emit(1 if delta > 0 else -1, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        v = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            v.setValue(0)
        elif event.key() == Qt.Key.Key_End:
            v.setValue(v.maximum())
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            d = pos - self._press
            if self._dragging or d.manhattanLength() > CLICK_SLOP:
                self._dragging = True  # drag pans the pages
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self._press_scroll[0] - d.x())
                self.verticalScrollBar().setValue(self._press_scroll[1] - d.y())
            return
        hit = self.page_layout.page_at(*self._to_layout(pos))
        if hit is None:
            self.hovered.emit(-1, 0.0, 0.0)
        else:
            self.hovered.emit(*hit)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            was_drag = self._dragging
            self._press = None
            self._dragging = False
            self.viewport().unsetCursor()
            if not was_drag:
                hit = self.page_layout.page_at(*self._to_layout(event.position().toPoint()))
                if hit is not None:
                    self.clicked.emit(*hit)
            event.accept()
            return
        super().mouseReleaseEvent(event)
