"""The reading pane widget: items of one issue or one view, with a current item.

It owns the notion of the *current item*: keyboard moves it (j/k/g/G via the window), a click
in the text moves it, and each change is announced with ``current_item_changed(ItemRow)`` so
the page pane can outline the item. When the "mark items read when shown" setting is on, the
current item is marked read through the service.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFontMetricsF,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSlider, QMenu, QTextBrowser, QWidget

from reader.app.reading.document import (
    ItemSpan,
    ReadingDocumentBuilder,
    issue_header,
    item_frame_format,
    reading_font,
)
from reader.app.service import LibraryService
from reader.app.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from reader.core.annotations import Annotation
from reader.core.errors import UserError
from reader.core.library import IssueRow, ItemRow

MAX_LINE_CHARS = 70
VIEW_LIMIT = 200
PAGE_PADDING = 28.0


class ReadingPane(QTextBrowser):
    """Shows items reflowed for reading; see the module docstring."""

    current_item_changed = Signal(object)  # ItemRow
    font_size_changed = Signal(int)

    def __init__(self, service: LibraryService, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName(self.tr("Reading pane"))
        self.setAccessibleDescription(
            self.tr("The items of the open issue or view, reflowed for reading"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self._service = service
        self._settings = settings
        self._font_size = settings.font_size
        self._spans: list[ItemSpan] = []
        self._starts: list[int] = []
        self._current = -1
        self._issue: IssueRow | None = None
        self._title: tuple[str, str, str] = ("", "", "")
        self._note = ""
        self._building = False
        self._own_doc: QTextDocument | None = None
        self._contexts: dict[int, str] = {}
        self._annotations: dict[int, list[Annotation]] = {}
        # Called with (menu, item_id, annotation_id) to add annotation actions to the context menu.
        self.context_menu_hook: Callable[[QMenu, int | None, int | None], None] | None = None
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        service.items_changed.connect(self._on_items_changed)
        service.annotations_changed.connect(self._on_annotations_changed)
        self.show_message(self.tr("Choose an issue on the left."))

    # -- content -------------------------------------------------------------------------
    @property
    def issue(self) -> IssueRow | None:
        """The issue shown (None when showing a view across issues or nothing)."""
        return self._issue

    @property
    def items(self) -> list[ItemRow]:
        return [span.item for span in self._spans]

    def show_message(self, text: str) -> None:
        self._issue = None
        self._title = ("", "", "")
        self._note = text
        self._rebuild([], current=-1)

    def show_issue(self, issue: IssueRow, items: Sequence[ItemRow] | None = None,
                   *, current_item_id: int | None = None) -> None:
        """Show an issue's items; the first (or ``current_item_id``) becomes current."""
        if items is None:
            items = self._service.items(issue.id)
        self._issue = issue
        self._title = issue_header(issue)
        if not items:
            self._note = (self.tr("This issue has no text layer (a scan?): read it in the page "
                                  "pane.")
                          if not issue.has_text_layer
                          else self.tr("No items were found in this issue."))
        else:
            self._note = ""
        self._rebuild(list(items), current=self._index_of(items, current_item_id))

    def show_view(self, title: str, view: str) -> None:
        """Show the first items of a view ("all", "unread", "starred") across issues."""
        total = self._service.count_items(view)
        ids = self._service.item_ids(view, limit=VIEW_LIMIT)
        items = self._service.items_by_ids(ids)
        self._issue = None
        self._title = (self.tr("Library"), title,
                       self.tr("%n item(s)", "", total) if total <= VIEW_LIMIT
                       else self.tr("the first %1 of %n items", "", total).replace(
                           "%1", str(VIEW_LIMIT)))
        self._note = "" if items else self.tr("Nothing here yet.")
        self._rebuild(items, current=0 if items else -1)

    def show_items(self, kicker: str, title: str, items: Sequence[ItemRow], subtitle: str = "") -> None:
        """Show any list of items across issues (e.g. the items carrying some tags)."""
        self._issue = None
        self._title = (kicker, title, subtitle)
        self._note = "" if items else self.tr("No items here.")
        self._rebuild(list(items), current=0 if items else -1)

    @staticmethod
    def _index_of(items: Sequence[ItemRow], item_id: int | None) -> int:
        if not items:
            return -1
        for i, item in enumerate(items):
            if item.id == item_id:
                return i
        return 0

    def _rebuild(self, items: list[ItemRow], *, current: int) -> None:
        self._building = True
        try:
            builder = ReadingDocumentBuilder(self.palette(), self._font_size)
            kicker, title, subtitle = self._title
            if title:
                builder.header(kicker, title, subtitle)
            if self._note:
                builder.note(self._note)
            contexts = self._issue is None
            self._annotations = self._load_annotations(items)
            self._spans = [builder.item(item, self._context(item) if contexts else "",
                                        self._annotations.get(item.id, ()))
                           for item in items]
            self._mark_formats = (builder.mark_format(False), builder.mark_format(True))
            self._starts = [span.start for span in self._spans]
            # Documents we built are ours to free; the widget's initial one it frees itself.
            old = self._own_doc
            builder.doc.setParent(self)
            self.setDocument(builder.doc)
            self._own_doc = builder.doc
            if old is not None:
                old.deleteLater()
            self._apply_column_width()
            self._current = -1
            self.verticalScrollBar().setValue(0)
        finally:
            self._building = False
        if current >= 0:
            self.set_current_index(current)

    def _load_annotations(self, items: Sequence[ItemRow]) -> dict[int, list[Annotation]]:
        if not items:
            return {}
        try:
            return self._service.annotations.for_items(
                [item.id for item in items], kinds=("highlight", "tag", "note"))
        except (UserError, AttributeError):
            return {}

    def item_annotations(self, item_id: int) -> list[Annotation]:
        """Highlights, tags and the note of a shown item, as last loaded."""
        return list(self._annotations.get(item_id, ()))

    def _on_annotations_changed(self, item_ids: list[int], _issue_ids: list[int]) -> None:
        mine = {span.item.id for span in self._spans}
        if mine.intersection(item_ids):
            value = self.verticalScrollBar().value()
            self._rebuild_keeping_current()
            self.verticalScrollBar().setValue(value)

    # -- selections and highlights -------------------------------------------------------
    def _span_at(self, pos: int) -> ItemSpan | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if 0 <= index < len(self._spans) and pos <= self._spans[index].end:
            return self._spans[index]
        return None

    def selection_range(self) -> tuple[int, int, int] | None:
        """(item_id, start, end) of a text selection inside one item, in the core's item-text
        offsets (headline + "\n" + body); None without a selection or across items."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        span = self._span_at(a)
        if span is None or self._span_at(max(a, b - 1)) is not span:
            return None
        start, end = span.offset_at(a), span.offset_at(b, end=True)
        if start is None or end is None or start >= end:
            return None
        return span.item.id, start, end

    def selected_item_ids(self) -> list[int]:
        """Items a text selection touches (none without a selection)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        return [span.item.id for span in self._spans if span.start < b and span.end > a]

    def highlight_at(self, pos: int) -> int | None:
        """The annotation id of the highlight at document position ``pos``."""
        span = self._span_at(pos)
        if span is None:
            return None
        for a, b, ann_id in span.marks:
            if a <= pos < b:
                return ann_id
        return None

    def item_at(self, pos: int) -> int | None:
        span = self._span_at(pos)
        return span.item.id if span is not None else None

    def build_context_menu(self, viewport_pos: QPoint) -> QMenu:
        """The context menu for a point in the viewport: copy/select plus annotation actions."""
        scroll = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(viewport_pos + scroll)
        pos = self.cursorForPosition(viewport_pos).position()
        if self.context_menu_hook is not None:
            self.context_menu_hook(menu, self.item_at(pos), self.highlight_at(pos))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _context(self, item: ItemRow) -> str:
        """"Series Label" of an item's issue (views span issues), looked up once per issue."""
        if item.issue_id not in self._contexts:
            try:
                issue = self._service.get_issue(item.issue_id)
                self._contexts[item.issue_id] = f"{issue.series} {issue.label}".strip()
            except UserError:
                self._contexts[item.issue_id] = ""
        return self._contexts[item.issue_id]

    # -- current item --------------------------------------------------------------------
    def current_item(self) -> ItemRow | None:
        return self._spans[self._current].item if 0 <= self._current < len(self._spans) else None

    def current_item_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def set_current_item(self, item_id: int) -> bool:
        for i, span in enumerate(self._spans):
            if span.item.id == item_id:
                self.set_current_index(i)
                return True
        return False

    def set_current_index(self, index: int, *, scroll: bool = True) -> None:
        if not self._spans:
            return
        index = max(0, min(len(self._spans) - 1, index))
        changed = index != self._current
        self._current = index
        self._highlight()
        if scroll:
            self._scroll_to(self._spans[index])
        if changed:
            item = self._spans[index].item
            if self._settings.mark_read_when_shown and not item.read:
                self._service.set_read([item.id], True)
            self.current_item_changed.emit(self._spans[index].item)

    def next_item(self) -> None:
        """The item after the current one; after scrolling it away, the first one in view."""
        visible = self._first_visible_index()
        if visible is not None and not self._is_visible(self._current):
            self.set_current_index(visible)
        else:
            self.set_current_index(self._current + 1)

    def previous_item(self) -> None:
        visible = self._first_visible_index()
        if visible is not None and not self._is_visible(self._current):
            self.set_current_index(visible)
        else:
            self.set_current_index(self._current - 1)

    def _item_rect(self, index: int) -> QRectF:
        return self.document().documentLayout().frameBoundingRect(self._spans[index].frame)

    def _is_visible(self, index: int) -> bool:
        if not 0 <= index < len(self._spans):
            return False
        rect = self._item_rect(index)
        top = self.verticalScrollBar().value()
        return rect.bottom() > top and rect.top() < top + self.viewport().height()

    def _first_visible_index(self) -> int | None:
        top = self.verticalScrollBar().value()
        for i in range(len(self._spans)):
            if self._item_rect(i).bottom() > top:
                return i
        return None

    def first_item(self) -> None:
        self.set_current_index(0)

    def last_item(self) -> None:
        self.set_current_index(len(self._spans) - 1)

    def mark_current(self, read: bool) -> None:
        item = self.current_item()
        if item is not None:
            self._service.set_read([item.id], read)

    def toggle_star_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._service.set_starred([item.id], not item.starred)

    def _highlight(self) -> None:
        for i, span in enumerate(self._spans):
            current = i == self._current
            if current != span.highlighted:
                span.frame.setFrameFormat(item_frame_format(self.palette() if current else None))
                span.highlighted = current

    def _scroll_to(self, span: ItemSpan) -> None:
        rect = self.document().documentLayout().frameBoundingRect(span.frame)
        top, bottom = int(rect.top()), int(rect.bottom())
        bar = self.verticalScrollBar()
        view_h = self.viewport().height()
        if span is self._spans[0]:
            bar.setValue(0)  # the first item: show the issue's header above it too
        elif top - 12 < bar.value() or bottom > bar.value() + view_h:
            bar.setValue(max(0, top - 12))

    def _on_cursor_moved(self) -> None:
        if self._building or not self._starts:
            return
        pos = self.textCursor().position()
        index = bisect.bisect_right(self._starts, pos) - 1
        if 0 <= index < len(self._spans) and pos < self._spans[index].end:
            self.set_current_index(index, scroll=False)

    def _on_items_changed(self, ids: list[int]) -> None:
        mine = {span.item.id: i for i, span in enumerate(self._spans)}
        hit = [item_id for item_id in ids if item_id in mine]
        if not hit:
            return
        rows = self._service.items_by_ids(hit)
        if any(row.starred != self._spans[mine[row.id]].item.starred for row in rows):
            # The star sits in the item's meta line: rebuild, keeping the place.
            for row in rows:
                self._spans[mine[row.id]].item = row
            value = self.verticalScrollBar().value()
            self._rebuild_keeping_current()
            self.verticalScrollBar().setValue(value)
            return
        for row in rows:
            span = self._spans[mine[row.id]]
            span.item = row
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.mark)
            cursor.setPosition(span.mark + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._mark_formats[1 if row.read else 0])

    def item_is_read(self, item_id: int) -> bool | None:
        for span in self._spans:
            if span.item.id == item_id:
                return span.item.read
        return None

    # -- scrolling and font size ---------------------------------------------------------
    def scroll_page(self, step: int) -> None:
        action = (QAbstractSlider.SliderAction.SliderPageStepAdd if step > 0
                  else QAbstractSlider.SliderAction.SliderPageStepSub)
        self.verticalScrollBar().triggerAction(action)

    @property
    def font_size(self) -> int:
        return self._font_size

    def set_font_size(self, size: int) -> None:
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size)))
        if size == self._font_size:
            return
        self._font_size = size
        self._settings.font_size = size
        current = self._current
        self._rebuild([span.item for span in self._spans], current=-1)
        if current >= 0:
            self._current = current
            self._highlight()
            self._scroll_to(self._spans[current])
        self.font_size_changed.emit(size)

    def zoom_in_text(self) -> None:
        self.set_font_size(self._font_size + 1)

    def zoom_out_text(self) -> None:
        self.set_font_size(self._font_size - 1)

    def reset_text_size(self) -> None:
        self.set_font_size(DEFAULT_FONT_SIZE)

    def refresh_palette(self) -> None:
        """Rebuild with the current palette (after a theme change)."""
        self._rebuild_keeping_current()

    def _rebuild_keeping_current(self) -> None:
        current = self._current
        self._rebuild([span.item for span in self._spans], current=-1)
        if 0 <= current < len(self._spans):
            self._current = current
            self._highlight()

    # -- layout --------------------------------------------------------------------------
    def _apply_column_width(self) -> None:
        """Keep lines at most ~70 characters long by centring a column in the viewport."""
        metrics_font = reading_font(self._font_size)
        column = QFontMetricsF(metrics_font).averageCharWidth() * MAX_LINE_CHARS
        available = self.viewport().width()
        side = max(PAGE_PADDING, (available - column) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_column_width()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel changes our font size (persisted) instead of QTextEdit's transient zoom.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_font_size(self._font_size + (1 if event.angleDelta().y() > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and hasattr(self, "_spans"):
            self.refresh_palette()


__all__ = ["ReadingPane"]
