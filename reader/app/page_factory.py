"""Creates the page pane: the real :class:`reader.app.pages.PagePane` when it is available,
else a placeholder with the same (duck-typed) surface, so the window works either way."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.model import ItemRect

if TYPE_CHECKING:
    from reader.app.pages import PagePane


class PlaceholderPagePane(QWidget):
    """Stands in for the page pane: remembers what it was told, renders nothing."""

    item_activated = Signal(int)
    item_clicked_at = Signal(int, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePane")
        self.pdf_path: Path | None = None
        self.page_count = 0
        self.shown_rects: tuple[ItemRect, ...] = ()
        self.zoom = 1.0
        label = QLabel(self.tr("Pages are not available in this build."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def set_document(self, pdf_path: Path | None, page_count: int) -> None:
        self.pdf_path, self.page_count = pdf_path, page_count

    def set_item_rects(self, rects: Sequence[tuple[int, ItemRect]]) -> None:
        self._item_rects = list(rects)

    def show_item(self, rects: Sequence[ItemRect]) -> None:
        self.shown_rects = tuple(rects)

    def zoom_in(self) -> None:
        self.zoom *= 1.2

    def zoom_out(self) -> None:
        self.zoom /= 1.2

    def fit_width(self) -> None:
        pass

    def fit_page(self) -> None:
        pass


def make_page_pane(parent: QWidget | None = None) -> PagePane | PlaceholderPagePane:
    """The real page pane if its module imports, else :class:`PlaceholderPagePane`."""
    try:
        from reader.app.pages import PagePane
    except ImportError:
        return PlaceholderPagePane(parent)
    return PagePane(parent)
