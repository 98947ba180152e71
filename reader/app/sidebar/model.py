"""Tree model of the sidebar: three views on top, then series whose issues load lazily.

Top-level rows are the views ("all", "unread", "starred") followed by one row per series.
A series' issues (newest first) are fetched in batches through ``canFetchMore``/``fetchMore``,
so a series with thousands of issues costs nothing until it is expanded, and only what is
scrolled to is loaded. Column 0 is the label, column 1 the unread count.

Index identity: top-level indexes carry internalId 0; an issue index carries the top-level row
of its series plus one, so ``parent()`` needs no lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.app.typed_qt import QT_TRANSLATE_NOOP
from reader.core.library import IssueRow, SeriesRow

KIND_VIEW = "view"
KIND_SERIES = "series"
KIND_ISSUE = "issue"

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

# Labels are marked for translation here and translated where shown (view_label).
VIEWS: tuple[tuple[str, str], ...] = (
    ("all", QT_TRANSLATE_NOOP("SidebarModel", "All items")),
    ("unread", QT_TRANSLATE_NOOP("SidebarModel", "Unread")),
    ("starred", QT_TRANSLATE_NOOP("SidebarModel", "Starred")),
)
BATCH = 200

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _SeriesNode:
    row: SeriesRow
    issues: list[IssueRow] = field(default_factory=list)


def view_label(view: str) -> str:
    """The translated label of a view ("all", "unread", "starred"); unknown views as given."""
    label = dict(VIEWS).get(view)
    return QCoreApplication.translate("SidebarModel", label) if label else view


def issue_text(issue: IssueRow) -> str:
    """The label shown for an issue: its printed label (or title), then its date."""
    label = (issue.label or issue.title or issue.original_name
             or QCoreApplication.translate("SidebarModel", "Issue {id}").format(id=issue.id))
    return f"{label}  ·  {issue.date}" if issue.date else label


class SidebarModel(QAbstractItemModel):
    """Views, series and lazily fetched issues, all by id; rows come from the service."""

    def __init__(self, service: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._series: list[_SeriesNode] = []
        self._view_counts: dict[str, int] = {}
        self._where: dict[int, tuple[int, int]] = {}  # issue id -> (series index, child row)
        self._fetching = False
        self._load()
        service.issues_changed.connect(self.reload)
        service.issues_updated.connect(self._on_issues_updated)

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        self._series = [_SeriesNode(row) for row in self._service.list_series()]
        self._view_counts = {}
        self._where = {}

    def _view_count(self, view: str) -> int:
        if view not in self._view_counts:
            self._view_counts[view] = self._service.count_items(view)
        return self._view_counts[view]

    def reload(self) -> None:
        """Re-read series from the library (after an import); children load again lazily."""
        self.beginResetModel()
        self._load()
        # Listeners of modelReset (views, the model tester) must not fetch while the reset is
        # still being announced; they fetch again on their next canFetchMore.
        self._fetching = True
        try:
            self.endResetModel()
        finally:
            self._fetching = False

    def _on_issues_updated(self, issue_ids: list[int]) -> None:
        self._view_counts = {}
        last = self.index(len(VIEWS) - 1, 1)
        self.dataChanged.emit(self.index(0, 0), last)
        fresh = {row.id: row for row in self._service.list_series()}
        for i, node in enumerate(self._series):
            if node.row.id in fresh:
                node.row = fresh[node.row.id]
                row = len(VIEWS) + i
                self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
        for issue_id in issue_ids:
            where = self._where.get(issue_id)
            if where is None:
                continue
            s, r = where
            node = self._series[s]
            node.issues[r] = self._service.get_issue(issue_id)
            parent = self.index(len(VIEWS) + s, 0)
            self.dataChanged.emit(self.index(r, 0, parent), self.index(r, 1, parent))

    # -- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt API default
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt API default
        if not child.isValid():
            return QModelIndex()
        parent_row = child.internalId() - 1
        if parent_row < 0:
            return QModelIndex()
        return self.createIndex(parent_row, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        if not parent.isValid():
            return len(VIEWS) + len(self._series)
        node = self._series_node(parent)
        if node is None or parent.column() != 0:
            return 0
        return len(node.issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API default
        if not parent.isValid():
            return True
        node = self._series_node(parent)
        return node is not None and parent.column() == 0 and node.row.issue_count > 0

    def canFetchMore(self, parent: Index) -> bool:
        if self._fetching:
            return False  # views (and the model tester) may ask again from inside fetchMore
        node = self._series_node(parent)
        return node is not None and parent.column() == 0 and len(node.issues) < node.row.issue_count

    def fetchMore(self, parent: Index) -> None:
        node = self._series_node(parent)
        if node is None or parent.column() != 0 or self._fetching:
            return
        self._fetching = True
        try:
            self._fetch_batch(parent, node)
        finally:
            self._fetching = False

    def _fetch_batch(self, parent: Index, node: _SeriesNode) -> None:
        batch = self._service.list_issues(node.row.id, offset=len(node.issues), limit=BATCH)
        if not batch:
            # The library has fewer issues than counted: stop asking.
            node.row = SeriesRow(node.row.id, node.row.name, len(node.issues), node.row.unread_count)
            return
        first = len(node.issues)
        self.beginInsertRows(parent, first, first + len(batch) - 1)
        s = parent.row() - len(VIEWS)
        for offset, issue in enumerate(batch):
            self._where[issue.id] = (s, first + offset)
        node.issues.extend(batch)
        self.endInsertRows()

    def _series_node(self, index: Index) -> _SeriesNode | None:
        if not index.isValid() or index.internalId() != 0:
            return None
        s = index.row() - len(VIEWS)
        return self._series[s] if 0 <= s < len(self._series) else None

    def _issue(self, index: Index) -> IssueRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        s = index.internalId() - 1 - len(VIEWS)
        if not 0 <= s < len(self._series):
            return None
        issues = self._series[s].issues
        return issues[index.row()] if 0 <= index.row() < len(issues) else None

    # -- data ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, ident, label, unread, tooltip = self._describe(index)
        if role == KindRole:
            return kind
        if role == IdRole:
            return ident
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return label
            return str(unread) if unread else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip
        if role == Qt.ItemDataRole.FontRole and (unread or kind != KIND_ISSUE):
            font = QFont()
            font.setBold(kind == KIND_ISSUE and unread > 0 or kind == KIND_SERIES)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _describe(self, index: Index) -> tuple[str, Any, str, int, str]:
        if index.internalId() == 0:
            if index.row() < len(VIEWS):
                view, _label = VIEWS[index.row()]
                label = view_label(view)
                count = self._view_count(view)
                return KIND_VIEW, view, label, count, self.tr("%1: %n item(s)", "", count).replace(
                    "%1", label)
            node = self._series[index.row() - len(VIEWS)]
            row = node.row
            tip = fill(self.tr("%1: %2, %3", "series tooltip: name, issue count, unread count"),
                       row.name, self.tr("%n issue(s)", "", row.issue_count),
                       self.tr("%n unread item(s)", "", row.unread_count))
            return KIND_SERIES, row.id, row.name, row.unread_count, tip
        issue = self._issue(index)
        if issue is None:
            return KIND_ISSUE, None, "", 0, ""
        tip = f"{issue.series} {issue.label}".strip()
        if issue.title and issue.title != issue.label:
            tip += f"\n{issue.title}"
        tip += "\n" + self.tr("%n item(s), %1 unread", "", issue.item_count).replace(
            "%1", str(issue.unread_count))
        return KIND_ISSUE, issue.id, issue_text(issue), issue.unread_count, tip

    # -- lookups for the view --------------------------------------------------------------
    def issue_at(self, index: Index) -> IssueRow | None:
        """The issue row behind an index (None for views and series)."""
        return self._issue(index)

    def view_index(self, view: str) -> QModelIndex:
        for row, (name, _label) in enumerate(VIEWS):
            if name == view:
                return self.index(row, 0)
        return QModelIndex()

    def series_index(self, series_id: int) -> QModelIndex:
        for s, node in enumerate(self._series):
            if node.row.id == series_id:
                return self.index(len(VIEWS) + s, 0)
        return QModelIndex()

    def index_of_issue(self, issue_id: int, *, fetch: bool = True) -> QModelIndex:
        """The index of an issue, fetching its series' batches until it is loaded."""
        where = self._where.get(issue_id)
        if where is None and fetch:
            try:
                issue = self._service.get_issue(issue_id)
            except Exception:  # noqa: BLE001 - a stale id (deleted issue) simply isn't found
                return QModelIndex()
            parent = self.series_index(issue.series_id)
            while parent.isValid() and issue_id not in self._where and self.canFetchMore(parent):
                self.fetchMore(parent)
            where = self._where.get(issue_id)
        if where is None:
            return QModelIndex()
        s, r = where
        return self.index(r, 0, self.index(len(VIEWS) + s, 0))
