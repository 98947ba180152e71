"""The sidebar's Saved Searches section: each saved search with its live item count.

Clicking (or Enter on) one runs it in the search panel. Its context menu renames, moves up or
down, edits the query, follows and deletes; dragging reorders. A followed search shows how
many of its items came with issues imported since the user last ran it. Counts are recounted
a moment after anything that can change them (imports, read/star, annotations), coalesced into
one pass of cheap ``count``s.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.errors import UserError

SavedIdRole = Qt.ItemDataRole.UserRole + 21
QueryRole = Qt.ItemDataRole.UserRole + 22
NameRole = Qt.ItemDataRole.UserRole + 23
CountRole = Qt.ItemDataRole.UserRole + 24
FollowedRole = Qt.ItemDataRole.UserRole + 25
NewRole = Qt.ItemDataRole.UserRole + 26
RECOUNT_MS = 200


class SavedSearchesPanel(QWidget):
    """``run_requested(query)`` when a saved search is chosen; ``save_requested()`` from "+"."""

    run_requested = Signal(str)
    save_requested = Signal()

    def __init__(self, service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearchesPanel")
        self.service = service
        self.header = QLabel(self.tr("Saved Searches"))
        self.header.setObjectName("savedHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.add_button = QToolButton()
        self.add_button.setObjectName("saveSearchButton")
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Save the current search"))
        self.add_button.setAccessibleName(self.tr("Save the current search"))
        self.add_button.clicked.connect(self.save_requested)
        self.list = QListWidget()
        self.list.setObjectName("savedList")
        self.list.setAccessibleName(self.tr("Saved searches"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.list.itemClicked.connect(self._run_item)
        self.list.itemActivated.connect(self._run_item)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.hint = QLabel(self.tr("No saved searches: search, then press + to keep it here."))
        self.hint.setObjectName("savedHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint.setEnabled(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_MS)
        self._timer.timeout.connect(self.recount)
        self.refresh()
        service.saved_changed.connect(self.refresh)
        service.issues_changed.connect(self.schedule_recount)
        service.items_changed.connect(lambda *_: self.schedule_recount())
        service.annotations_changed.connect(lambda *_: self.schedule_recount())
        service.tags_changed.connect(self.schedule_recount)

    # -- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the saved searches (keeping the selected one selected) and their counts."""
        current = self.current_id()
        try:
            saved = self.service.saved_searches()
        except UserError:
            return
        self.list.clear()
        for entry in saved:
            item = QListWidgetItem(entry.name)
            item.setData(SavedIdRole, entry.id)
            item.setData(QueryRole, entry.query)
            item.setData(NameRole, entry.name)
            item.setData(FollowedRole, entry.followed)
            item.setToolTip(entry.query)
            self.list.addItem(item)
            if entry.id == current:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(saved))
        self.hint.setVisible(not saved)
        self.recount()

    def schedule_recount(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        """Show each saved search's live count beside its name ("?" when its query is bad)."""
        self._timer.stop()
        try:
            counts = self.service.saved_counts()
            fresh = self.service.saved_news() if self._any_followed() else {}
        except UserError:  # e.g. the library was closed meanwhile: keep the last counts
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            n = counts.get(item.data(SavedIdRole))
            name = item.data(NameRole)
            shown = "?" if n is None else str(n)
            item.setData(CountRole, shown)
            new = fresh.get(item.data(SavedIdRole), 0)
            item.setData(NewRole, new)
            font = item.font()
            font.setBold(new > 0)
            item.setFont(font)
            label = fill(self.tr("%1, %n item(s)", "", n) if n is not None
                         else self.tr("%1, ? items"), name)
            if new:
                shown = fill(self.tr("%1, %2 new"), shown, new)
                label = fill(self.tr("%1, %2 new since you last looked"), label, new)
            item.setText(f"{name}  ({shown})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)

    def _any_followed(self) -> bool:
        return any(self.list.item(r).data(FollowedRole) for r in range(self.list.count()))

    def new_of(self, name: str) -> int:
        """How many new items followed search ``name`` shows (0 if none or not followed)."""
        item = self.item_named(name)
        return int(item.data(NewRole) or 0) if item is not None else 0

    def names(self) -> list[str]:
        return [self.list.item(r).data(NameRole) for r in range(self.list.count())]

    def item_named(self, name: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(NameRole) == name:
                return self.list.item(row)
        return None

    def count_of(self, name: str) -> str:
        """The shown count of saved search ``name`` ("" if there is none, "?" if it is bad)."""
        item = self.item_named(name)
        return item.data(CountRole) or "" if item is not None else ""

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        saved_id: int | None = item.data(SavedIdRole) if item is not None else None
        return saved_id

    def _run_item(self, item: QListWidgetItem) -> None:
        saved_id, query = item.data(SavedIdRole), item.data(QueryRole)
        if item.data(NewRole):
            self.service.mark_saved_seen(saved_id)  # its new items are about to be seen
        self.run_requested.emit(query)

    # -- rename / move / edit / delete ---------------------------------------------------
    def build_menu(self, item: QListWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        if item is not None:
            saved_id = item.data(SavedIdRole)
            row = self.list.row(item)
            name = item.data(NameRole)
            entries = (
                ("runSaved", self.tr("Run"), lambda: self._run_item(item), True),
                ("renameSaved", self.tr("Rename\u2026"), lambda: self.ask_rename(saved_id, name), True),
                ("editSaved", self.tr("Edit Query\u2026"),
                 lambda: self.ask_edit(saved_id, item.data(QueryRole)), True),
                ("moveSavedUp", self.tr("Move Up"), lambda: self.move_saved(saved_id, row - 1), row > 0),
                ("moveSavedDown", self.tr("Move Down"), lambda: self.move_saved(saved_id, row + 1),
                 row < self.list.count() - 1),
                ("deleteSaved", self.tr("Delete"), lambda: self.service.delete_saved(saved_id), True),
            )
            for name_, text, slot, enabled in entries:
                action = menu.addAction(text)
                action.setObjectName(name_)
                action.setEnabled(enabled)
                action.triggered.connect(slot)
            followed = bool(item.data(FollowedRole))
            follow = menu.addAction(self.tr("Follow (Count New Items After Imports)"))
            follow.setObjectName("followSaved")
            follow.setCheckable(True)
            follow.setChecked(followed)
            follow.triggered.connect(lambda: self.service.follow_saved(saved_id, not followed))
            menu.addSeparator()
        save = menu.addAction(self.tr("Save Current Search\u2026"))
        save.setObjectName("saveCurrentSearch")
        save.triggered.connect(self.save_requested)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is not None:
            self.list.setCurrentItem(item)
        menu = self.build_menu(item)
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_rows_moved(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex,
                       row: int) -> None:
        """A drag reordered the list: store the new position (after the drop has finished)."""
        position = row if row < start else row - 1
        item = self.list.item(position)
        if item is not None:
            saved_id = item.data(SavedIdRole)
            QTimer.singleShot(0, lambda: self.move_saved(saved_id, position))

    def move_saved(self, saved_id: int, position: int) -> None:
        """Put saved search ``saved_id`` at ``position`` (not .move: that is QWidget.move)."""
        self.service.move_saved(saved_id, position)

    def ask_rename(self, saved_id: int, name: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Rename Saved Search"), self.tr("New name:"),
                                       text=name)
        if ok and new.strip() and new.strip() != name:
            self.service.rename_saved(saved_id, new.strip())

    def ask_edit(self, saved_id: int, query: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Edit Saved Search"), self.tr("Query:"),
                                       text=query)
        if ok and new.strip() and new.strip() != query:
            self.service.update_saved(saved_id, new.strip())
