"""Unplaced annotations: those whose item vanished when a corrected PDF replaced an issue.

Lists each orphan with its kind, quote (or note/tag) and the headline it used to sit under; the
user places one on the current item or deletes it (both undoable, through the controller)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.annotate.commands import AnnotationController
from reader.core.annotations import Annotation

IdRole = Qt.ItemDataRole.UserRole + 21


def describe(ann: Annotation) -> str:
    """One line: what the orphan is and where it was."""
    if ann.kind == "highlight":
        what = f"\u201c{ann.exact.strip()[:120]}\u201d"
        if ann.comment:
            what += f" \u2014 {ann.comment.strip()[:60]}"
    elif ann.kind == "tag":
        what = f"#{ann.tag}"
    elif ann.kind == "note":
        what = ann.note.strip().replace("\n", " ")[:120]
    else:
        what = "\u2605"
    where = f"  (was under: {ann.context.strip()[:80]})" if ann.context.strip() else ""
    return f"{ann.kind}: {what}{where}"


class OrphansDialog(QDialog):
    """``current_item`` returns the item id to place on (None disables "Place")."""

    def __init__(self, controller: AnnotationController, current_item: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphansDialog")
        self.setWindowTitle(self.tr("Unplaced Annotations"))
        self.controller = controller
        self.current_item = current_item
        self.info = QLabel(self.tr("These annotations lost their item when a corrected PDF "
                                   "replaced an issue. Place each on an item or delete it."))
        self.info.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("orphansList")
        self.list.setAccessibleName(self.tr("Unplaced annotations"))
        self.place_button = QPushButton(self.tr("Place on Current Item"))
        self.place_button.setObjectName("placeOrphan")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteOrphan")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.place_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.place_button.clicked.connect(self.place_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        controller.service.annotations_changed.connect(lambda *_: self.refresh())
        self.refresh()
        self.setMinimumSize(560, 360)
        self.resize(560, 360)
        layout.activate()

    def refresh(self) -> None:
        row = max(0, self.list.currentRow())
        self.list.clear()
        for ann in self.controller.service.annotations.orphans():
            entry = QListWidgetItem(describe(ann))
            entry.setData(IdRole, ann.id)
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._update_buttons()

    def _selected(self) -> int | None:
        entry = self.list.currentItem()
        return int(entry.data(IdRole)) if entry is not None else None

    def _update_buttons(self) -> None:
        has = self._selected() is not None
        self.place_button.setEnabled(has and self.current_item() is not None)
        self.delete_button.setEnabled(has)

    def place_selected(self) -> None:
        ann_id, item_id = self._selected(), self.current_item()
        if ann_id is not None and item_id is not None:
            self.controller.place_orphan(ann_id, item_id)

    def delete_selected(self) -> None:
        ann_id = self._selected()
        if ann_id is not None:
            self.controller.remove(ann_id)
