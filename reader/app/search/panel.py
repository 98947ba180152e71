"""The search panel: field, series filter, inline error line and the result list.

Typing searches after a short pause; Enter opens the selected (or first) hit; Down moves into
the list; Esc asks the window to close the panel. A bad query shows the library's one-line
QueryError message in place of results, never a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.search.model import MARK_END, MARK_START, HtmlRole, SearchResultsModel
from reader.app.service import LibraryService
from reader.core.errors import UserError

DEBOUNCE_MS = 150
RESULT_LIMIT = 100


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as rich text (headline, snippet with bold matches, source)."""

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(index.data(HtmlRole) or "")
        doc.setTextWidth(max(50, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.widget.viewport().width() if isinstance(opt.widget, QAbstractScrollArea) else 300
        opt.rect.setWidth(width)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class SearchPanel(QWidget):
    """Emits ``hit_activated(item_id, issue_id)`` and ``close_requested()``.

    ``field`` is created here but placed by the window.
    """

    hit_activated = Signal(int, int)
    close_requested = Signal()
    save_requested = Signal()  # "Save Search…" pressed (the window asks a name)

    def __init__(self, service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._service = service
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search items  (/ or Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search items"))
        self.field.setAccessibleDescription(
            self.tr("Type words to search every item; results replace the issue list"))
        self.field.setClearButtonEnabled(True)
        self.series = QComboBox(self)
        self.series.setObjectName("searchSeries")
        self.series.setToolTip(self.tr("Only search this series"))
        self.series.setAccessibleName(self.tr("Search in series"))
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("searchSave")
        self.save_button.setText(self.tr("Save\u2026"))
        self.save_button.setToolTip(self.tr("Save this search in the sidebar (Ctrl+Shift+S)"))
        self.save_button.setAccessibleName(self.tr("Save search"))
        self.save_button.clicked.connect(self.save_requested)
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)

        # The field is laid out by the window (always visible above the sidebar); the panel
        # itself holds the filter, the message line and the results.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.series, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._on_return)
        self.series.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self.reload_series()
        service.issues_changed.connect(self.reload_series)

    def reload_series(self) -> None:
        current = self.series.currentData()
        self.series.blockSignals(True)
        self.series.clear()
        self.series.addItem(self.tr("All series"), None)
        for row in self._service.list_series():
            self.series.addItem(row.name, row.id)
        index = self.series.findData(current)
        self.series.setCurrentIndex(max(0, index))
        self.series.blockSignals(False)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run_search(self) -> None:
        """Search now for the field's text; show hits or the query's error message."""
        self._timer.stop()
        query = self.field.text().strip()
        if not query:
            self.model.set_hits([])
            self.message.hide()
            return
        try:
            hits = self._service.search(query, limit=RESULT_LIMIT,
                                        series_id=self.series.currentData(),
                                        marks=(MARK_START, MARK_END))
        except UserError as exc:
            self.model.set_hits([])
            self._show_message(str(exc), error=True)
            return
        self.model.set_hits(hits)
        if hits:
            self.message.hide()
            self.results.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show_message(self.tr("No items match."), error=False)

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        color = "#c0392b" if error else self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.message.setStyleSheet(f"color: {color};")
        self.message.show()

    def _on_return(self) -> None:
        if self._timer.isActive() or self.model.rowCount() == 0:
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is not None:
            self.hit_activated.emit(hit.item_id, hit.issue_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_requested.emit()
                return True
            if watched is self.field and key == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)
