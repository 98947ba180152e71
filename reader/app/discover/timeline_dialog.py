"""A timeline of one entity (or query) across issues: its items oldest first, by date.

Enter or a double-click on an entry opens that item in the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.errors import UserError

HitRole = Qt.ItemDataRole.UserRole + 51


class TimelineDialog(QDialog):
    """``open_requested(item_id, issue_id)`` when an entry is activated."""

    open_requested = Signal(int, int)

    def __init__(self, service: LibraryService, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDialog")
        self.setWindowTitle(fill(self.tr("Timeline: %1"), what))
        self.summary = QLabel()
        self.summary.setObjectName("timelineSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("timelineList")
        self.list.setAccessibleName(self.tr("Items by date"))
        self.list.itemActivated.connect(self._activate)
        self.list.itemDoubleClicked.connect(self._activate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        try:
            hits = list(service.timeline(what).hits)
        except UserError as exc:
            hits = []
            self.summary.setText(str(exc).splitlines()[0] if str(exc) else "")
        else:
            self.summary.setText(fill(self.tr("%n item(s) mention %1, oldest first.", "", len(hits)), what))
        from reader.core.search import ItemHit  # loaded with the first timeline, not at start

        for hit in hits:
            when = hit.date or self.tr("undated")
            # a query of highlights (type:highlights) gives HighlightHits: no snippet, their text
            text = hit.snippet if isinstance(hit, ItemHit) else hit.exact
            title = hit.headline or text.replace("[", "").replace("]", "")[:80]
            entry = QListWidgetItem(f"{when}   {title}\n{hit.series} {hit.label}".rstrip())
            entry.setData(HitRole, (hit.item_id, hit.issue_id))
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.setMinimumSize(460, 360)
        self.resize(560, 480)
        layout.activate()

    def _activate(self, entry: QListWidgetItem) -> None:
        item_id, issue_id = entry.data(HitRole)
        self.open_requested.emit(item_id, issue_id)
