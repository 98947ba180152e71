"""The Related panel: items from other issues related to the current item, best first.

Shown beside the note panel (View menu). It recomputes only while visible, a moment after
the current item changes. Enter or a double-click on an entry asks to open that item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.errors import UserError

HitRole = Qt.ItemDataRole.UserRole + 41
RELATED_LIMIT = 15
UPDATE_MS = 120


class RelatedPanel(QWidget):
    """``open_requested(item_id, issue_id)`` when an entry is activated."""

    open_requested = Signal(int, int)

    def __init__(self, service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self.service = service
        self.item_id: int | None = None
        self._shown_for: int | None = None
        self.header = QLabel(self.tr("Related"))
        self.header.setObjectName("relatedHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("relatedList")
        self.list.setAccessibleName(self.tr("Related items from other issues"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activate)
        self.list.itemDoubleClicked.connect(self._activate)
        self.message = QLabel()
        self.message.setObjectName("relatedMessage")
        self.message.setWordWrap(True)
        self.message.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_MS)
        self._timer.timeout.connect(self.refresh)
        service.issues_changed.connect(self._invalidate)

    def set_item(self, item_id: int | None) -> None:
        """Follow the current item (recomputed soon if the panel is visible)."""
        self.item_id = item_id
        if self.isVisible():
            self._timer.start()

    def _invalidate(self) -> None:
        self._shown_for = None
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_for != self.item_id:
            self.refresh()

    def refresh(self) -> None:
        """List the related items of the current item now."""
        self._timer.stop()
        self.list.clear()
        self._shown_for = self.item_id
        if self.item_id is None:
            self._say(self.tr("No item is selected."))
            return
        try:
            hits = self.service.related(self.item_id, limit=RELATED_LIMIT)
        except UserError as exc:
            self._say(str(exc).splitlines()[0] if str(exc) else self.tr("Related items are unavailable."))
            return
        for related in hits:
            hit = related.hit
            source = f"{hit.series} {hit.label}".strip()
            if hit.date:
                source += f" \u00b7 {hit.date}"
            title = hit.headline or hit.snippet.replace("[", "").replace("]", "")[:80]
            entry = QListWidgetItem(f"{title}\n{source}")
            entry.setData(HitRole, (hit.item_id, hit.issue_id))
            tip = source
            if related.shared:
                tip += "\n" + fill(self.tr("Shares: %1"), ", ".join(related.shared))
            entry.setToolTip(tip)
            self.list.addItem(entry)
        if hits:
            self.message.hide()
            self.list.setCurrentRow(0)
        else:
            self._say(self.tr("No related items in other issues."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _activate(self, entry: QListWidgetItem) -> None:
        item_id, issue_id = entry.data(HitRole)
        self.open_requested.emit(item_id, issue_id)
