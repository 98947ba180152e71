"""The sidebar widget: a tree over :class:`SidebarModel` that announces what was chosen."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from reader.app.sidebar.model import (
    KIND_ISSUE,
    KIND_SERIES,
    KIND_VIEW,
    VIEWS,
    IdRole,
    KindRole,
    SidebarModel,
)


class SidebarView(QTreeView):
    """Emits ``issue_selected(issue_id)`` or ``view_selected(view)`` when the selection moves."""

    issue_selected = Signal(int)
    view_selected = Signal(str)
    enter_pressed = Signal()  # Enter on an issue or view: the reader should take the focus

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Library"))
        self.setAccessibleDescription(
            self.tr("Views, then series and their issues; Enter opens the selection for reading"))
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that asks every row of every expanded series for its text on
        # each count change (75,000 data() calls, about 1 s, per opened issue in a
        # 10,000-issue library). No issue's count exceeds its series' count, so the top-level
        # rows alone give the width.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        model.modelReset.connect(self._after_reset)
        self._fit_timer = QTimer(self)  # one fit for a burst of count changes
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_count_column)
        model.modelReset.connect(self._fit_timer.start)
        model.dataChanged.connect(self._fit_timer.start)
        self._fit_count_column()
        self._last_issue: int | None = None
        self._quiet = False

    def _fit_count_column(self) -> None:
        """Make the count column as wide as the widest count of a view or series (in bold)."""
        model = self.model()
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = metrics.horizontalAdvance("00")
        for row in range(model.rowCount()):
            text = model.index(row, 1).data(Qt.ItemDataRole.DisplayRole)
            if text:
                widest = max(widest, metrics.horizontalAdvance(str(text)))
        width = widest + 2 * metrics.averageCharWidth()
        if self.header().sectionSize(1) != width:
            self.header().resizeSection(1, width)

    def sidebar_model(self) -> SidebarModel:
        model = self.model()
        assert isinstance(model, SidebarModel)
        return model

    # -- selection -----------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        kind = current.data(KindRole)
        ident = current.data(IdRole)
        if kind == KIND_ISSUE and ident is not None:
            self._last_issue = int(ident)
            self.issue_selected.emit(int(ident))
        elif kind == KIND_VIEW:
            self.view_selected.emit(str(ident))
        elif kind == KIND_SERIES:
            self.expand(current)

    def _set_current(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.parent().isValid():
            self.expand(index.parent())
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def select_issue(self, issue_id: int) -> bool:
        """Make ``issue_id`` current (expanding and fetching its series as needed)."""
        index = self.sidebar_model().index_of_issue(issue_id)
        if not index.isValid():
            return False
        if self.currentIndex().data(IdRole) == issue_id and self.currentIndex().data(KindRole) == KIND_ISSUE:
            return True
        self._set_current(index)
        return True

    def select_view(self, view: str) -> None:
        self._set_current(self.sidebar_model().view_index(view))

    def current_issue_id(self) -> int | None:
        index = self.currentIndex()
        if index.data(KindRole) == KIND_ISSUE:
            return int(index.data(IdRole))
        return None

    def select_adjacent_issue(self, step: int) -> bool:
        """Move to the next (+1) or previous (-1) issue, crossing into neighbouring series."""
        model = self.sidebar_model()
        index = self.currentIndex().siblingAtColumn(0)
        if index.data(KindRole) == KIND_ISSUE:
            parent = index.parent()
            row = index.row() + step
            if step > 0 and row >= model.rowCount(parent) and model.canFetchMore(parent):
                model.fetchMore(parent)
            if 0 <= row < model.rowCount(parent):
                self._set_current(model.index(row, 0, parent))
                return True
            top = parent.row() + step
        elif index.data(KindRole) == KIND_SERIES:
            top = index.row() if step > 0 else index.row() - 1
        else:
            top = len(VIEWS) if step > 0 else -1
        while len(VIEWS) <= top < model.rowCount():
            series = model.index(top, 0)
            if model.canFetchMore(series) and model.rowCount(series) == 0:
                model.fetchMore(series)
            count = model.rowCount(series)
            if count:
                if step < 0:
                    while model.canFetchMore(series):
                        model.fetchMore(series)
                    count = model.rowCount(series)
                self._set_current(model.index(0 if step > 0 else count - 1, 0, series))
                return True
            top += step
        return False

    def first_issue_id(self) -> int | None:
        """The newest issue of the first series (used when nothing was open before)."""
        model = self.sidebar_model()
        for top in range(len(VIEWS), model.rowCount()):
            series = model.index(top, 0)
            if model.canFetchMore(series) and model.rowCount(series) == 0:
                model.fetchMore(series)
            if model.rowCount(series):
                issue_id: int | None = model.index(0, 0, series).data(IdRole)
                return issue_id
        return None

    def _after_reset(self) -> None:
        # The model refuses fetches while it announces a reset: reselect right after.
        QTimer.singleShot(0, self._reselect)

    def _reselect(self) -> None:
        # Keep the open issue selected without re-announcing it (the reader already shows it).
        if self._last_issue is not None:
            self._quiet = True
            try:
                self.select_issue(self._last_issue)
            finally:
                self._quiet = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter hands the focus to the reader (the selection already opened the issue).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.currentIndex().data(KindRole) in (KIND_ISSUE, KIND_VIEW):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
