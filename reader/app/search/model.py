"""List model of search hits (best first) for the search panel."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.library import SearchHit

MARK_START = "\x02"
MARK_END = "\x03"

HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn the library's match marks into bold tags."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


class SearchResultsModel(QAbstractListModel):
    """Holds the hits of the last query; the panel fills it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        source = f"{hit.series} {hit.label}".strip()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.headline or source}\n{plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return source
        if role == HitRole:
            return hit
        if role == HtmlRole:
            headline = html.escape(hit.headline or plain_snippet(hit.snippet)[:80])
            return (f"<div style='font-weight:600'>{headline}</div>"
                    f"<div>{snippet_html(hit.snippet)}</div>"
                    f"<div style='font-size:small;font-style:italic'>{html.escape(source)}</div>")
        return None
