"""Plain, immutable rows the library hands out; callers never see SQL or sqlite3 rows."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import ItemRect


@dataclass(frozen=True)
class SeriesRow:
    """A series (digest title) with how many issues it has and how many items are unread."""

    id: int
    name: str
    issue_count: int
    unread_count: int


@dataclass(frozen=True)
class IssueRow:
    """One imported issue, with its series name and item counts."""

    id: int
    series_id: int
    series: str
    label: str
    volume: int | None
    number: int | None
    date: str | None
    title: str
    pages: int
    item_count: int
    unread_count: int
    has_text_layer: bool
    sha256: str
    original_name: str
    parser_version: int
    imported_at: str
    warnings: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        """``"Series Label"`` for messages and lists ("Unsorted" issues use their title)."""
        label = self.label or self.title or self.original_name
        return f"{self.series} {label}".strip()


@dataclass(frozen=True)
class ItemRow:
    """One item: a headline (possibly empty) and its body, with where it sits in the PDF."""

    id: int
    issue_id: int
    position: int
    headline: str
    body: str
    pages: tuple[int, ...]
    rects: tuple[ItemRect, ...]
    read: bool
    starred: bool


@dataclass(frozen=True)
class SearchHit:
    """A search result: the item, its issue, and a snippet with the match marked.

    ``rank`` is FTS5's BM25 score: lower (more negative) is better.
    """

    item_id: int
    issue_id: int
    series: str
    label: str
    headline: str
    snippet: str
    rank: float
