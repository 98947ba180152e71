"""The sidebar's Entities section: people, organisations and places with item counts.

Each kind lists its most mentioned entities (top N). Clicking (or Enter on) one asks for its
query (``entity:"Name"``) to be searched; the context menu also offers its timeline. Items of
a library upgraded from before entities wait for extraction: a button runs it in a worker.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.errors import UserError

FacetQueryRole = Qt.ItemDataRole.UserRole + 31
FacetNameRole = Qt.ItemDataRole.UserRole + 32
FACET_KINDS = ("person", "org", "place")
TOP_N = 10
REFRESH_MS = 300


class FacetsPanel(QWidget):
    """``query_requested(query)`` on a click; ``timeline_requested(name)`` from the menu."""

    query_requested = Signal(str)
    timeline_requested = Signal(str)
    _indexed = Signal(int)  # from the extraction worker: items done so far (-1: finished)
    _index_failed = Signal(str)

    def __init__(self, service: LibraryService, parent: QWidget | None = None,
                 top_n: int = TOP_N) -> None:
        super().__init__(parent)
        self.setObjectName("facetsPanel")
        self.service = service
        self.top_n = top_n
        self.header = QLabel(self.tr("Entities"))
        self.header.setObjectName("facetsHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.tree = QTreeWidget()
        self.tree.setObjectName("facetsTree")
        self.tree.setAccessibleName(self.tr("Entities"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(lambda node, _col: self._activate(node))
        self.tree.itemActivated.connect(lambda node, _col: self._activate(node))
        self.hint = QLabel(self.tr("No people, organisations or places found yet."))
        self.hint.setObjectName("facetsHint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.hint.hide()
        self.index_button = QPushButton()
        self.index_button.setObjectName("facetsIndex")
        self.index_button.setAccessibleName(self.tr("Find entities in items not yet examined"))
        self.index_button.clicked.connect(self.start_indexing)
        self.index_button.hide()
        self._worker: threading.Thread | None = None
        self._indexed.connect(self._on_indexed)
        self._index_failed.connect(self._on_index_failed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.index_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        # First filled once the event loop runs, so counting never delays the window's first paint.
        QTimer.singleShot(0, self.refresh)
        service.issues_changed.connect(self._timer.start)

    def _kind_label(self, kind: str) -> str:
        return {"person": self.tr("People"), "org": self.tr("Organisations"),
                "place": self.tr("Places")}[kind]

    def refresh(self) -> None:
        """Re-read the top entities of each kind and their counts."""
        self._timer.stop()
        try:
            found = {kind: self.service.facets(kind, limit=self.top_n) for kind in FACET_KINDS}
            pending = self.service.entities_pending()
        except UserError:  # e.g. the library was closed meanwhile
            return
        groups = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        expanded = {group.data(0, FacetNameRole) for group in groups
                    if group is not None and not group.isExpanded()}
        self.tree.clear()
        total = 0
        for kind in FACET_KINDS:
            entries = found[kind]
            if not entries:
                continue
            group = QTreeWidgetItem([self._kind_label(kind), ""])
            group.setData(0, FacetNameRole, kind)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(group)
            for entry in entries:
                node = QTreeWidgetItem([entry.name, str(entry.item_count)])
                node.setData(0, FacetQueryRole, entry.query)
                node.setData(0, FacetNameRole, entry.name)
                node.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                node.setToolTip(0, fill(self.tr("%1: %n item(s)", "", entry.item_count), entry.name))
                group.addChild(node)
                total += 1
            group.setExpanded(kind not in expanded)
        self.tree.setVisible(total > 0)
        self.hint.setVisible(total == 0)
        self._show_pending(pending)

    # -- extraction for items that wait (libraries upgraded from before entities) ----------
    def _show_pending(self, pending: int) -> None:
        if self._worker is not None:
            return
        self.index_button.setText(self.tr("Find Entities in %n Item(s)", "", pending))
        self.index_button.setEnabled(True)
        self.index_button.setVisible(pending > 0)

    @property
    def indexing(self) -> bool:
        return self._worker is not None

    def start_indexing(self) -> None:
        """Extract entities of the waiting items in a worker thread, batch by batch."""
        if self._worker is not None:
            return
        self.index_button.setEnabled(False)
        self.index_button.setText(self.tr("Finding entities\u2026"))
        self._worker = threading.Thread(target=self._index_all, name="entity-extraction",
                                        daemon=True)
        self._worker.start()

    def _index_all(self) -> None:  # worker thread: only the service and signals
        done = 0
        try:
            while True:
                n = self.service.index_entities()
                if n == 0:
                    break
                done += n
                self._indexed.emit(done)
            self._indexed.emit(-1)
        except UserError as exc:
            self._index_failed.emit(str(exc).splitlines()[0] if str(exc) else "")
        except RuntimeError:  # the panel was deleted meanwhile (window closed)
            pass

    def _on_indexed(self, done: int) -> None:
        if done >= 0:
            self.index_button.setText(self.tr("Finding entities\u2026 %n item(s) done", "", done))
            return
        self._finish()

    def _on_index_failed(self, message: str) -> None:
        self._finish()
        self.hint.setText(message or self.tr("Entity extraction failed."))
        self.hint.show()

    def _finish(self) -> None:
        if self._worker is not None:
            self._worker.join(timeout=5)
        self._worker = None
        self.refresh()

    def node_named(self, name: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:  # only for an index out of range
                continue
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, FacetNameRole) == name:
                    return child
        return None

    def _activate(self, node: QTreeWidgetItem) -> None:
        query = node.data(0, FacetQueryRole)
        if query:
            self.query_requested.emit(query)

    def build_menu(self, node: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        if node is not None and node.data(0, FacetQueryRole):
            search = menu.addAction(self.tr("Search Items"))
            search.setObjectName("facetSearch")
            search.triggered.connect(lambda: self._activate(node))
            timeline = menu.addAction(self.tr("Timeline\u2026"))
            timeline.setObjectName("facetTimeline")
            name = node.data(0, FacetNameRole)
            timeline.triggered.connect(lambda: self.timeline_requested.emit(name))
        refresh = menu.addAction(self.tr("Refresh"))
        refresh.setObjectName("facetsRefresh")
        refresh.triggered.connect(self.refresh)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.build_menu(self.tree.itemAt(pos))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
