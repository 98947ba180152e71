"""The page pane: a PDF's original pages beside the reading pane, rendered out of process.

``PagePane`` ties together the page view (geometry, painting, mouse), the thumbnail list, a
bounded render cache and a ``RenderProcess``. Everything PyMuPDF does happens in the render
workers; this widget only submits requests and turns results into pixmaps, so a page MuPDF
cannot finish shows "Could not render this page" after the deadline and the window never
freezes. Pages render at zoom x the screen's device pixel ratio, so they are crisp on high-DPI
screens. Only visible pages (and one either side) are requested; requests for a zoom or a
document no longer shown are cancelled while queued and their results dropped.

Links in the PDF show their target on hover; clicking one asks before opening anything, and
only web and e-mail links are ever opened (with ``QDesktopServices``). Internal links jump.
"""

from __future__ import annotations

import logging
import math
import os
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QPointF, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QDesktopServices,
    QImage,
    QPainter,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QToolBar, QVBoxLayout, QWidget

from reader.app.pages.cache import DEFAULT_MAX_BYTES, PageKey, RenderCache
from reader.app.pages.layout import DEFAULT_PAGE_SIZE, step_zoom
from reader.app.pages.thumbnails import THUMB_HEIGHT, THUMB_WIDTH, ThumbnailModel, make_page_list
from reader.app.pages.view import FAILED, PENDING, READY, PageView, Piece, Region
from reader.core.model import ItemRect
from reader.core.render import (
    DEFAULT_DEADLINE,
    LINKS,
    PAGE_SIZES,
    Clip,
    Link,
    PageGeometry,
    RenderProcess,
    RenderRequest,
    RenderResult,
    Transform,
    to_displayed,
)

log = logging.getLogger(__name__)

TILE_ABOVE_PIXELS = 8_000_000  # pages bigger than this (device pixels) render as visible tiles
PREVIEW_PIXELS = 3_000_000  # ... over a whole-page preview of about this size
TILE = 1024  # tile edge in device pixels
TILE_MARGIN = 256  # device pixels rendered beyond the visible part of a tiled page
WARM_UP_DELAY_MS = 300
SETTLE_MS = 80  # after a zoom change, wait this long before rendering pages that have a stand-in
DOCUMENTS_KEPT = 4  # rendered pages of this many recently shown documents stay in the cache
MEMO_DOCUMENTS = 64  # page sizes and failed pages are remembered for this many documents
OPENABLE_SCHEMES = ("http", "https", "mailto")
FIT_WIDTH, FIT_PAGE, NO_FIT = "width", "page", ""

# Request priorities: lower first.
P_SIZES, P_VISIBLE, P_LINKS, P_PREFETCH, P_THUMB = 0, 1, 2, 3, 4


class PagePane(QWidget):
    """Original pages of one PDF with thumbnails, zoom, item outlines and click-to-item.

    Signals: ``item_clicked_at(page, x, y)`` (1-based page, PDF points) for every click on a
    page outside a link, ``item_activated(item_id)`` when that click hits an item's rectangle,
    ``zoom_changed(zoom)``, ``current_page_changed(page)`` (1-based), ``status_message(text)``
    (link targets on hover; empty text clears).
    """

    item_clicked_at = Signal(int, float, float)
    item_activated = Signal(int)
    zoom_changed = Signal(float)
    current_page_changed = Signal(int)
    status_message = Signal(str)
    _result_arrived = Signal(object)  # emitted on a render dispatcher thread, queued to ours

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        deadline: float = DEFAULT_DEADLINE,
        workers: int = 2,
        cache_bytes: int = DEFAULT_MAX_BYTES,
        documents_kept: int = DOCUMENTS_KEPT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pagePane")
        self.cache = RenderCache(cache_bytes)
        self.renderer = RenderProcess(deadline=deadline, workers=workers, on_result=self._result_arrived.emit)
        self._result_arrived.connect(self._on_result, Qt.ConnectionType.QueuedConnection)

        self._path: str | None = None
        self._password: str | None = None
        self._gen = 0
        self._sizes_known = False
        # Per-document state is bounded: pixels of the last few documents (going back is
        # instant), small memos of the last MEMO_DOCUMENTS; older documents are forgotten.
        self._documents_kept = max(1, int(documents_kept))
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._sizes_memo: OrderedDict[str, list[PageGeometry]] = OrderedDict()
        # 0-based page -> text-to-display transform, for the rotated pages of the document shown
        self._transforms: dict[int, Transform] = {}
        self._failed: OrderedDict[str, set[int]] = OrderedDict()
        self._in_flight: dict[PageKey, int] = {}
        self._links: dict[int, list[Link]] = {}
        self._links_requested: set[int] = set()
        self._item_rects: list[tuple[int, ItemRect]] = []
        self._highlight: tuple[ItemRect, ...] = ()
        self._marks: list[tuple[ItemRect, QColor]] = []  # annotation highlights, text coordinates
        self._pending_show = False
        self._fit_mode = FIT_WIDTH
        self._hover_link: Link | None = None
        self._syncing_list = False
        self._closed = False
        self._warm = False

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._zoom_burst = False
        self.view = PageView(self)
        self.view.provider = self
        self.view.setAccessibleName(self.tr("Pages"))
        self.view.setAccessibleDescription(
            self.tr("The printed pages of the issue; click an item on a page to read it"))
        self.thumbnails = ThumbnailModel(self._thumbnail, self)
        self.page_list = make_page_list(self.thumbnails, self)
        self._build_actions()
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("pageToolbar")
        self.toolbar.setAccessibleName(self.tr("Page tools"))
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        for action in (
            self.action_show_page_list,
            None,
            self.action_zoom_out,
            self.action_zoom_in,
            self.action_fit_width,
            self.action_fit_page,
        ):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.page_list)
        row.addWidget(self.view, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.toolbar)
        outer.addLayout(row, 1)

        self.view.clicked.connect(self._on_clicked)
        self.view.hovered.connect(self._on_hovered)
        self.view.zoom_step_requested.connect(self._on_zoom_step)
        self.view.layout_changed.connect(self._on_layout_changed)
        self.view.current_page_changed.connect(self._on_current_page)
        self.page_list.clicked.connect(lambda idx: self.view.scroll_to_page(idx.row()))
        self.page_list.selectionModel().currentChanged.connect(self._on_list_current)
        self.destroyed.connect(lambda *_, r=self.renderer: _close_quietly(r))
        self._set_pages([])
        outer.activate()  # settle size constraints now: offscreen Qt warns when they change after show

    def _build_actions(self) -> None:
        """Plain actions (no shortcuts: the window's shortcut table owns keys) for menus and bars."""
        self.action_zoom_in = QAction(self.tr("Zoom In"), self)
        self.action_zoom_in.setToolTip(self.tr("Zoom pages in"))
        self.action_zoom_in.triggered.connect(self.zoom_in)
        self.action_zoom_out = QAction(self.tr("Zoom Out"), self)
        self.action_zoom_out.setToolTip(self.tr("Zoom pages out"))
        self.action_zoom_out.triggered.connect(self.zoom_out)
        self.action_fit_width = QAction(self.tr("Fit Width"), self, checkable=True)
        self.action_fit_width.triggered.connect(self.fit_width)
        self.action_fit_page = QAction(self.tr("Fit Page"), self, checkable=True)
        self.action_fit_page.triggered.connect(self.fit_page)
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        group.addAction(self.action_fit_width)
        group.addAction(self.action_fit_page)
        self.action_show_page_list = QAction(self.tr("Pages"), self, checkable=True, checked=True)
        self.action_show_page_list.setToolTip(self.tr("Show or hide the page list"))
        self.action_show_page_list.toggled.connect(lambda on: self.page_list.setVisible(on))
        for action in (
            self.action_zoom_in,
            self.action_zoom_out,
            self.action_fit_width,
            self.action_fit_page,
            self.action_show_page_list,
        ):
            action.setObjectName("page_" + action.text().lower().replace(" ", "_"))

    # -- public API -----------------------------------------------------------------------

    def set_document(
        self, pdf_path: Path | str | None, page_count: int, *, password: str | None = None
    ) -> None:
        """Show ``pdf_path`` (``page_count`` pages, used until the real sizes arrive), or
        nothing when None. Never blocks: sizes and pages arrive from the render process."""
        self._gen += 1
        self.renderer.cancel_pending(self._forget)
        self._in_flight.clear()
        self._links.clear()
        self._links_requested.clear()
        self._item_rects = []
        self._highlight = ()
        self._marks = []
        self.view.highlights = []
        self.view.marks = []
        self._pending_show = False
        self._password = password
        self._path = os.fspath(pdf_path) if pdf_path is not None else None
        if self._path is None:
            self._sizes_known = False
            self._set_pages([])
            return
        self._remember_document(self._path)
        memo = self._sizes_memo.get(self._path)
        if memo is not None:
            self._sizes_known = True
            self._set_pages(memo)
            return
        self._sizes_known = False
        self._set_pages([(*DEFAULT_PAGE_SIZE, None)] * max(0, int(page_count)))
        self._submit(
            RenderRequest(
                self._path, 0, kind=PAGE_SIZES, password=password, tag=(self._gen, "sizes"), priority=P_SIZES
            )
        )

    @property
    def pdf_path(self) -> Path | None:
        return Path(self._path) if self._path else None

    @property
    def page_count(self) -> int:
        return len(self.view.page_layout.sizes)

    def set_item_rects(self, rects: Sequence[tuple[int, ItemRect]]) -> None:
        """Which item each rectangle belongs to, so a click on a page can find its item."""
        self._item_rects = [(int(item_id), rect) for item_id, rect in rects]

    def show_item(self, rects: Sequence[ItemRect]) -> None:
        """Outline ``rects`` and scroll to the first one (after the page sizes arrive, if need be)."""
        self._highlight = tuple(rects)
        self._map_rects()
        self._pending_show = not self._sizes_known
        self._scroll_to_highlight()
        self.view.viewport().update()

    def set_highlights(self, marks: Sequence[tuple[ItemRect, QColor]]) -> None:
        """Paint annotation highlights: each ItemRect (1-based page, points) filled with its
        colour (give it some transparency; the page text must stay readable)."""
        self._marks = [(r, QColor(c)) for r, c in marks]
        self._map_rects()
        self.view.viewport().update()

    def _displayed(self, r: ItemRect) -> tuple[float, float, float, float]:
        """``r`` (text coordinates) where it lies on its page as shown: rotated pages differ."""
        return to_displayed(r.rect, self._transforms.get(r.page - 1))

    def _map_rects(self) -> None:
        """Give the view the outlined item and the annotation highlights in page coordinates."""
        n = self.page_count
        self.view.highlights = [(r.page - 1, self._displayed(r)) for r in self._highlight if 1 <= r.page <= n]
        self.view.marks = [(r.page - 1, self._displayed(r), c) for r, c in self._marks if 1 <= r.page <= n]

    def item_at(self, page: int, x: float, y: float) -> int | None:
        """The item whose rectangle on 1-based ``page`` contains the point (smallest wins)."""
        best: tuple[float, int] | None = None
        for item_id, r in self._item_rects:
            if r.page != page:
                continue
            x0, y0, x1, y1 = self._displayed(r)
            if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
                area = (x1 - x0) * (y1 - y0)
                if best is None or area < best[0]:
                    best = (area, item_id)
        return None if best is None else best[1]

    @property
    def zoom(self) -> float:
        """Logical pixels per PDF point (1.0 = 100 %). Setting it leaves fit mode."""
        return self.view.zoom

    @zoom.setter
    def zoom(self, value: float) -> None:
        self.set_zoom(value)

    @property
    def fit_mode(self) -> str:
        """ "width", "page" or "" (a fixed zoom)."""
        return self._fit_mode

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        self._set_fit_mode(NO_FIT)
        self._apply_zoom(float(zoom), anchor)

    def zoom_in(self) -> None:
        self.set_zoom(step_zoom(self.zoom, +1))

    def zoom_out(self) -> None:
        self.set_zoom(step_zoom(self.zoom, -1))

    def fit_width(self) -> None:
        self._set_fit_mode(FIT_WIDTH)
        self._apply_fit()

    def fit_page(self) -> None:
        self._set_fit_mode(FIT_PAGE)
        self._apply_fit()

    def current_page(self) -> int:
        """1-based page at the top part of the view (0 when there are no pages)."""
        return self.view.current_page() + 1 if self.page_count else 0

    def go_to_page(self, page: int) -> None:
        """Scroll to the top of 1-based ``page``."""
        self.view.scroll_to_page(page - 1)

    def page_state(self, page: int) -> str:
        """ "ready", "pending" or "failed" for 1-based ``page`` at the current zoom (for tests)."""
        return self.page_image(page - 1, self.zoom, self.view.dpr())[1]

    def warm_up(self) -> None:
        """Start the render workers now (in the background) so the first page is quick.
        Called by itself shortly after the pane is first shown."""
        if not self._closed:
            self.renderer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._warm:
            self._warm = True
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self.warm_up)  # after the window has painted

    def shutdown(self) -> None:
        """Stop the render workers; the pane shows nothing new afterwards."""
        if not self._closed:
            self._closed = True
            self.renderer.on_result = None
            self.renderer.close()

    # -- provider for PageView ------------------------------------------------------------

    def page_pieces(self, page: int, zoom: float, dpr: float, visible: Region) -> tuple[list[Piece], str]:
        """What to draw for ``page``: stand-ins (stretched over the page) first, then exact
        images at their offsets (logical pixels) within the page; and the page's state.
        ``visible`` is the part of the page on screen, in logical pixels of the page."""
        if self._path is None:
            return [], PENDING
        if page in self._failed.get(self._path, ()):
            return [], FAILED
        exact: list[Piece] = []
        missing = False
        if self._tiled(page, zoom, dpr):
            tiles = self._tiles(page, zoom, dpr, visible, margin=0)
            missing = not tiles  # off screen: nothing of it is ready to show
            for key, _clip in tiles:
                entry = self.cache.get(key)
                if entry is None:
                    missing = True
                else:
                    pixmap, x, y = entry
                    exact.append((pixmap, x, y, True))
        else:
            pixmap = self.cache.get(self._page_key(page, zoom, dpr))
            if pixmap is None:
                missing = True
            else:
                exact.append((pixmap, 0.0, 0.0, True))
        if not missing:
            return exact, READY
        near = self.cache.nearest(self._path, page, zoom, dpr)
        return ([(near[1], 0.0, 0.0, False)] if near else []) + exact, PENDING

    def page_image(self, page: int, zoom: float, dpr: float) -> tuple[QPixmap | None, str]:
        """An image drawn for a page (an exact one if any, else the stand-in) and its state."""
        pieces, state = self.page_pieces(page, zoom, dpr, self.view.visible_region(page))
        return (pieces[-1][0] if pieces else None), state

    def pages_visible(self, regions: Sequence[tuple[int, Region]], zoom: float, dpr: float) -> None:
        if self._path is None or self._closed or not regions:
            return
        pages = [i for i, _ in regions]
        prefetch = [i for i in (pages[0] - 1, pages[-1] + 1) if 0 <= i < self.page_count]
        prefetch = [i for i in prefetch if not self._tiled(i, zoom, dpr)]
        requests: list[tuple[PageKey, Clip | None, int, str]] = []
        settling = self._zoom_burst and self._settle.isActive()
        for i, visible in regions:
            if settling and self.cache.nearest(self._path, i, zoom, dpr) is not None:
                continue  # a stand-in is on screen; render once the zoom stops changing
            if self._tiled(i, zoom, dpr):
                shown = self._tiles(i, zoom, dpr, visible, margin=0)
                requests += [(k, c, P_VISIBLE, "page") for k, c in shown]
                around = [t for t in self._tiles(i, zoom, dpr, visible) if t not in shown]
                requests += [(k, c, P_PREFETCH, "prefetch") for k, c in around]
                # plus a smaller whole page, stretched under tiles still to come while scrolling
                requests.append((self._preview_key(i, dpr), None, P_PREFETCH, "prefetch"))
            else:
                requests.append((self._page_key(i, zoom, dpr), None, P_VISIBLE, "page"))
        if not settling:
            requests += [(self._page_key(i, zoom, dpr), None, P_PREFETCH, "prefetch") for i in prefetch]
        wanted = {key for key, *_ in requests}
        # Drop queued renders of pages, tiles or zooms no longer on screen.
        self.renderer.cancel_pending(
            lambda r: (
                isinstance(r.tag, tuple)
                and r.tag[1] in ("page", "prefetch")
                and r.tag[2] not in wanted
                and self._forget(r)
            )
        )
        for key, clip, priority, kind in requests:
            self._request(key, clip, priority, kind)
        for i in pages:
            if i not in self._links_requested and self._sizes_known:
                self._links_requested.add(i)
                self._submit(
                    RenderRequest(
                        self._path,
                        i,
                        kind=LINKS,
                        password=self._password,
                        tag=(self._gen, "links", i),
                        priority=P_LINKS,
                    )
                )

    # -- requests and results -------------------------------------------------------------

    def _page_key(self, page: int, zoom: float, dpr: float) -> PageKey:
        return PageKey.of(self._path, page, zoom, dpr)

    def _preview_key(self, page: int, dpr: float) -> PageKey:
        """A whole-page rendering of about PREVIEW_PIXELS device pixels."""
        w, h = self._size(page)
        return PageKey.of(self._path, page, math.sqrt(PREVIEW_PIXELS / (w * h)) / dpr, dpr)

    def _tiled(self, page: int, zoom: float, dpr: float) -> bool:
        """Pages bigger than this many device pixels render as tiles, only where visible."""
        w, h = self._size(page)
        scale = zoom * dpr
        return w * h * scale * scale > TILE_ABOVE_PIXELS

    def _tiles(
        self, page: int, zoom: float, dpr: float, visible: Region, margin: int = TILE_MARGIN
    ) -> list[tuple[PageKey, Clip]]:
        """Keys and clips (PDF points) of the tiles covering ``visible`` (logical pixels of the
        page) plus ``margin`` device pixels around it, nearest the top-left first."""
        w, h = self._size(page)
        scale = zoom * dpr
        width, height = w * scale, h * scale
        x0, y0, x1, y1 = (v * dpr for v in visible)
        x0, y0 = max(0.0, x0 - margin), max(0.0, y0 - margin)
        x1, y1 = min(width, x1 + margin), min(height, y1 + margin)
        out = []
        for ty in range(int(y0 // TILE), int(math.ceil(y1 / TILE))):
            for tx in range(int(x0 // TILE), int(math.ceil(x1 / TILE))):
                clip = (
                    tx * TILE / scale,
                    ty * TILE / scale,
                    min((tx + 1) * TILE, width) / scale,
                    min((ty + 1) * TILE, height) / scale,
                )
                out.append((PageKey.of(self._path, page, zoom, dpr, tile=(tx, ty)), clip))
        return out

    def _size(self, page: int) -> tuple[float, float]:
        sizes = self.view.page_layout.sizes
        return sizes[page] if 0 <= page < len(sizes) else DEFAULT_PAGE_SIZE

    def _request(self, key: PageKey, clip: Clip | None, priority: int, kind: str) -> None:
        if self._path is None or not self._sizes_known or key.page in self._failed.get(self._path, ()):
            return  # no document, or wait for real sizes: a render at a guessed size would be thrown away
        if key in self._in_flight or key in self.cache:
            return
        self._in_flight[key] = self._submit(
            RenderRequest(
                self._path,
                key.page,
                key.zoom,
                key.dpr,
                clip=clip,
                password=self._password,
                tag=(self._gen, kind, key),
                priority=priority,
            )
        )

    def _submit(self, request: RenderRequest) -> int:
        if self._closed:
            return 0
        return self.renderer.submit(request)

    def _forget(self, request: RenderRequest) -> bool:
        """cancel_pending predicate helper: drop the request's in-flight record; always True."""
        tag = request.tag
        if isinstance(tag, tuple) and len(tag) > 2 and isinstance(tag[2], PageKey):
            self._in_flight.pop(tag[2], None)
        return True

    def _on_result(self, result: RenderResult) -> None:
        if self._closed:
            return
        tag = result.request.tag
        assert isinstance(tag, tuple)  # this pane tags every request it submits: (gen, kind, ...)
        gen, kind = tag[0], tag[1]
        if kind in ("page", "prefetch", "thumb"):
            key: PageKey = tag[2]
            if self._in_flight.get(key) == result.request_id:
                del self._in_flight[key]
            if key.document != self._path:
                return  # another document by now: stale
            if not result.ok:
                log.info("page %d of %s: %s (%s)", key.page + 1, key.document, result.error, result.detail)
                self._mark_failed(key.page)
                return
            image = QImage(
                result.data, result.width, result.height, result.stride, QImage.Format.Format_RGB888
            )
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(key.dpr)
            if kind == "thumb":
                pixmap = _framed_thumbnail(pixmap, key.dpr)
            nbytes = pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
            if key.tile is not None:  # placed by its offset in the page, in logical pixels
                self.cache.put(key, (pixmap, result.x / key.dpr, result.y / key.dpr), nbytes)
            else:
                self.cache.put(key, pixmap, nbytes)
            if kind == "thumb":
                self.thumbnails.thumbnail_changed(key.page)
            elif key.page in self.view.visible_pages():
                self.view.viewport().update()
            return
        if gen != self._gen or self._path is None:
            return  # stale metadata (a new document, or none, is shown since)
        if kind == "sizes":
            if result.ok and result.value:
                self._sizes_memo[self._path] = list(result.value)
                self._trim_memos()
                self._sizes_known = True
                self._set_pages(result.value)
            else:
                log.info("sizes of %s: %s (%s)", self._path, result.error, result.detail)
                self._failed[self._path] = set(range(self.page_count))
                self._trim_memos()
                self.view.viewport().update()
                self.page_list.viewport().update()
        elif kind == "links":
            if result.ok:
                self._links[tag[2]] = list(result.value or [])

    def _remember_document(self, path: str) -> None:
        """``path`` is shown now: make it the most recent document; drop the rendered pages of
        documents beyond the last ``documents_kept`` and the memos beyond MEMO_DOCUMENTS."""
        self._recent[path] = None
        self._recent.move_to_end(path)
        while len(self._recent) > self._documents_kept:
            old, _ = self._recent.popitem(last=False)
            self.cache.drop_document(old)
        for memo in (self._sizes_memo, self._failed):
            if path in memo:
                memo.move_to_end(path)
        self._trim_memos()

    def _trim_memos(self) -> None:
        for memo in (self._sizes_memo, self._failed):
            while len(memo) > MEMO_DOCUMENTS:
                memo.popitem(last=False)

    def held(self) -> dict[str, int]:
        """What the pane holds now (for tests and benchmarks): documents with pages in the
        cache, cache entries and bytes, memo sizes, renders in flight, undelivered results."""
        return {
            "cache_documents": len({key.document for key in self.cache}),
            "cache_entries": len(self.cache),
            "cache_bytes": self.cache.bytes_used,
            "recent_documents": len(self._recent),
            "sizes_memo": len(self._sizes_memo),
            "failed_memo": len(self._failed),
            "in_flight": len(self._in_flight),
            "queued_results": self.renderer.results.qsize(),
        }

    def _mark_failed(self, page: int) -> None:
        if self._path is None:
            return
        failed = self._failed.setdefault(self._path, set())
        self._trim_memos()
        failed.add(page)
        # Every other queued render of this page would hang just the same: drop them.
        self.renderer.cancel_pending(
            lambda r: (
                isinstance(r.tag, tuple)
                and len(r.tag) > 2
                and isinstance(r.tag[2], PageKey)
                and r.tag[2].document == self._path
                and r.tag[2].page == page
                and self._forget(r)
            )
        )
        self.view.viewport().update()
        self.thumbnails.thumbnail_changed(page)

    # -- thumbnails -----------------------------------------------------------------------

    def _thumbnail(self, row: int) -> QPixmap | None:
        if self._path is None or not self._sizes_known or self._closed:
            return None
        if row in self._failed.get(self._path, ()):
            return _failed_thumbnail()
        w, h = self._size(row)
        dpr = float(self.page_list.devicePixelRatioF())
        zoom = min(THUMB_WIDTH / w, THUMB_HEIGHT / h)
        key = PageKey.of(self._path, row, zoom, dpr)
        pixmap = self.cache.get(key)
        if pixmap is None and key not in self._in_flight:
            self._in_flight[key] = self._submit(
                RenderRequest(
                    self._path,
                    row,
                    key.zoom,
                    key.dpr,
                    password=self._password,
                    tag=(self._gen, "thumb", key),
                    priority=P_THUMB,
                )
            )
        return pixmap

    # -- layout, zoom, scrolling ----------------------------------------------------------

    def _set_pages(self, geometry: Sequence[PageGeometry]) -> None:
        self._transforms = {i: t for i, (_w, _h, t) in enumerate(geometry) if t is not None}
        self.thumbnails.set_page_count(len(geometry))
        self.view.set_pages([(w, h) for w, h, _t in geometry])
        self._apply_fit()
        self._map_rects()
        if self._pending_show and self._sizes_known:
            self._pending_show = False
            self._scroll_to_highlight()
        self.view.viewport().update()

    def _scroll_to_highlight(self) -> None:
        if self.view.highlights:
            page, rect = self.view.highlights[0]
            self.view.ensure_visible(page, rect)

    def _set_fit_mode(self, mode: str) -> None:
        self._fit_mode = mode
        self.action_fit_width.setChecked(mode == FIT_WIDTH)
        self.action_fit_page.setChecked(mode == FIT_PAGE)

    def _apply_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        before = self.zoom
        self.view.set_zoom(zoom, anchor)
        if abs(self.zoom - before) > 1e-9:
            # A single zoom step renders at once; in a burst (wheel, splitter drag) the pages
            # keep their stretched stand-ins until the zoom has stopped changing for a moment.
            self._zoom_burst = self._settle.isActive()
            self._settle.start()
            self.zoom_changed.emit(self.zoom)

    def _apply_fit(self) -> None:
        vp = self.view.viewport()
        lay = self.view.page_layout
        if self._fit_mode == FIT_WIDTH:
            self._apply_zoom(lay.fit_width_zoom(vp.width()), QPoint(vp.width() // 2, 0))
        elif self._fit_mode == FIT_PAGE:
            self._apply_zoom(lay.fit_page_zoom(vp.width(), vp.height()), QPoint(vp.width() // 2, 0))

    def _settled(self) -> None:
        self._zoom_burst = False
        self.view.viewport().update()

    def _on_layout_changed(self) -> None:
        if self._fit_mode:
            self._apply_fit()

    def _on_zoom_step(self, direction: int, anchor: QPoint) -> None:
        self.set_zoom(step_zoom(self.zoom, direction), anchor)

    def _on_current_page(self, page: int) -> None:
        if not self._syncing_list:
            self._syncing_list = True
            try:
                self.page_list.setCurrentIndex(self.thumbnails.index(page, 0))
            finally:
                self._syncing_list = False
        self.current_page_changed.emit(page + 1)

    def _on_list_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing_list and current.isValid():
            self._syncing_list = True
            try:
                self.view.scroll_to_page(current.row())
            finally:
                self._syncing_list = False

    # -- mouse: links and items -----------------------------------------------------------

    def link_at(self, page: int, x: float, y: float) -> Link | None:
        """The link under a point of 0-based ``page`` (PDF points), if its links are known."""
        for link in self._links.get(page, ()):
            x0, y0, x1, y1 = link.rect
            if x0 <= x <= x1 and y0 <= y <= y1:
                return link
        return None

    def _on_hovered(self, page: int, x: float, y: float) -> None:
        link = self.link_at(page, x, y) if page >= 0 else None
        if link == self._hover_link:
            return
        self._hover_link = link
        if link is None:
            self.view.viewport().unsetCursor()
            self.view.viewport().setToolTip("")
            self.status_message.emit("")
            return
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        text = describe_link(link)
        self.view.viewport().setToolTip(text)  # Qt shows it after the usual hover delay
        self.status_message.emit(text)

    def _on_clicked(self, page: int, x: float, y: float) -> None:
        link = self.link_at(page, x, y)
        if link is not None:
            self.activate_link(link)
            return
        self.item_clicked_at.emit(page + 1, x, y)
        item_id = self.item_at(page + 1, x, y)
        if item_id is not None:
            self.item_activated.emit(item_id)

    def activate_link(self, link: Link) -> None:
        """Follow a link: jump for internal ones; for web and e-mail links show the target and
        open it only if the user says yes; never open anything else (files, programs, scripts)."""
        if link.kind in ("goto", "named") and link.page is not None:
            self.go_to_page(link.page + 1)
            return
        target = link.uri or ""
        scheme = QUrl(target).scheme().lower()
        if link.kind == "uri" and scheme in OPENABLE_SCHEMES:
            answer = QMessageBox.question(
                self,
                self.tr("Open link?"),
                self.tr("This page links to:\n\n{target}\n\nOpen it in your browser or mail "
                        "program?").format(target=target),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl(target))
            return
        QMessageBox.information(
            self,
            self.tr("Link not opened"),
            self.tr("Digest Reader only opens web and e-mail links. This one was not "
                    "opened:\n\n{link}").format(link=describe_link(link)),
        )


def _close_quietly(renderer: RenderProcess) -> None:
    """Stop a render pool whose pane is gone: no more results to a deleted widget."""
    renderer.on_result = None
    renderer.close()


def describe_link(link: Link) -> str:
    """What a link points to, in a few words, for tooltips and the status bar."""
    translate = QCoreApplication.translate
    if link.kind in ("goto", "named") and link.page is not None:
        return translate("PagePane", "Go to page {page}").format(page=link.page + 1)
    if link.kind == "uri" and link.uri:
        return link.uri
    if link.kind in ("launch", "gotor"):
        return translate("PagePane", "Opens file {name} (not allowed)").format(
            name=link.uri or translate("PagePane", "(unnamed)"))
    return translate("PagePane", "{kind} link {target}").format(kind=link.kind, target=link.uri or "").strip()


def _framed_thumbnail(page: QPixmap, dpr: float) -> QPixmap:
    """``page`` with a thin frame (a white page must stand out from a white list), centred on
    a transparent THUMB_WIDTH x THUMB_HEIGHT canvas: every row of the page list then has the
    same picture size, so a landscape page's number sits where a portrait page's does."""
    w, h = page.width() / dpr, page.height() / dpr
    canvas = QPixmap(round(THUMB_WIDTH * dpr), round(THUMB_HEIGHT * dpr))
    canvas.setDevicePixelRatio(dpr)
    canvas.fill(Qt.GlobalColor.transparent)
    x, y = max(0.0, (THUMB_WIDTH - w) / 2), max(0.0, (THUMB_HEIGHT - h) / 2)
    painter = QPainter(canvas)
    painter.drawPixmap(QPointF(x, y), page)
    painter.setPen(QColor(0xB0, 0xB0, 0xB0))
    painter.drawRect(QRectF(x, y, w - 1, h - 1))
    painter.end()
    return canvas


_FAILED_THUMB: QPixmap | None = None


def _failed_thumbnail() -> QPixmap:
    global _FAILED_THUMB
    if _FAILED_THUMB is None:
        pm = QPixmap(THUMB_WIDTH, THUMB_HEIGHT)
        pm.fill(QColor(0xF8, 0xEE, 0xEE))
        p = QPainter(pm)
        p.setPen(QColor(0x99, 0x33, 0x33))
        p.drawRect(0, 0, THUMB_WIDTH - 1, THUMB_HEIGHT - 1)
        p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   QCoreApplication.translate("PagePane", "Could not\nrender"))
        p.end()
        _FAILED_THUMB = pm
    return _FAILED_THUMB
