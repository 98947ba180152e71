"""The page list: one row per page, its number and a small rendered thumbnail.

The model holds only the page count; thumbnails come from a provider callback that returns what
the render cache has (or a placeholder) and asks for the missing ones. Because ``QListView``
with uniform item sizes only asks for the rows it paints, only visible thumbnails render.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

THUMB_WIDTH = 96  # logical pixels
THUMB_HEIGHT = 124

Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """Rows = pages (0-based row, shown 1-based). ``thumbnail(row)`` supplies the picture."""

    def __init__(self, thumbnail: Callable[[int], QPixmap | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._thumbnail = thumbnail
        self._placeholder: QPixmap | None = None

    def set_page_count(self, count: int) -> None:
        self.beginResetModel()
        self._count = max(0, int(count))
        self.endResetModel()

    def page_count(self) -> int:
        return self._count

    def thumbnail_changed(self, row: int) -> None:
        if 0 <= row < self._count:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count or index.column() != 0:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Page {row + 1}"
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._thumbnail(row) if self._thumbnail is not None else None
            pixmap = pixmap if pixmap is not None else self._blank()
            icon = QIcon(pixmap)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no selection tint over the page itself
            return icon
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _blank(self) -> QPixmap:
        if self._placeholder is None:
            pm = QPixmap(THUMB_WIDTH, THUMB_HEIGHT)
            pm.fill(QColor(0xF4, 0xF4, 0xF4))
            p = QPainter(pm)
            p.setPen(QColor(0xCC, 0xCC, 0xCC))
            p.drawRect(0, 0, THUMB_WIDTH - 1, THUMB_HEIGHT - 1)
            p.end()
            self._placeholder = pm
        return self._placeholder


def make_page_list(model: ThumbnailModel, parent: QWidget | None = None) -> QListView:
    """A narrow vertical list of thumbnails with page numbers under them."""
    view = QListView(parent)
    view.setObjectName("pageList")
    view.setModel(model)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setFlow(QListView.Flow.TopToBottom)
    view.setWrapping(False)
    view.setMovement(QListView.Movement.Static)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(True)
    view.setIconSize(QSize(THUMB_WIDTH, THUMB_HEIGHT))
    view.setSpacing(4)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedWidth(THUMB_WIDTH + 40)
    view.setAccessibleName(QCoreApplication.translate("PageList", "Page thumbnails"))
    return view
