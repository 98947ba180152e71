"""The parser's output: a digest issue and its items, as plain immutable data.

``ParsedIssue`` is what ``reader.core.parse.parse(path)`` returns and what the importer writes
into the library. It converts to and from JSON-ready dicts; the sample issues' expected files
use the same shape (without rectangles, which are geometry rather than meaning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points, origin top-left (PyMuPDF's convention)."""


@dataclass(frozen=True)
class ItemRect:
    """One rectangle of text an item occupies, on a 1-based page."""

    page: int
    rect: Rect

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "rect": [round(v, 2) for v in self.rect]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemRect:
        x0, y0, x1, y1 = (float(v) for v in data["rect"])
        return cls(page=int(data["page"]), rect=(x0, y0, x1, y1))


@dataclass(frozen=True)
class ParsedItem:
    """One item of a digest: a headline (possibly empty) and its detail text.

    ``position`` is 1-based reading order. ``pages`` are the 1-based pages the item's text
    touches, ascending. ``rects`` are the line rectangles of the headline and the body,
    in reading order, for highlighting and navigation.
    """

    position: int
    headline: str
    body: str
    pages: tuple[int, ...]
    rects: tuple[ItemRect, ...] = ()

    def to_dict(self, with_rects: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "position": self.position,
            "headline": self.headline,
            "body": self.body,
            "pages": list(self.pages),
        }
        if with_rects:
            data["rects"] = [r.to_dict() for r in self.rects]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedItem:
        return cls(
            position=int(data["position"]),
            headline=str(data.get("headline") or ""),
            body=str(data.get("body") or ""),
            pages=tuple(int(p) for p in data.get("pages", ())),
            rects=tuple(ItemRect.from_dict(r) for r in data.get("rects", ())),
        )


@dataclass(frozen=True)
class ParsedIssue:
    """A whole issue as the parser understood it.

    ``series`` is the digest's name from the masthead ("" when none was found); ``label`` is the
    issue label as printed ("Vol 2.10", "Volume 3, No. 4", "Issue 17"), ``volume`` and ``number``
    its parts (``None`` when absent); ``date`` is ISO ``YYYY-MM-DD`` or ``None``. ``title`` is the
    issue's own title when it has one, else a sensible display title. ``has_text_layer`` is False
    for image-only scans. ``warnings`` are short human-readable notes (e.g. "repaired by MuPDF").
    """

    series: str
    label: str
    volume: int | None
    number: int | None
    date: str | None
    title: str
    pages: int
    items: tuple[ParsedItem, ...] = ()
    has_text_layer: bool = True
    parser_version: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self, with_rects: bool = True) -> dict[str, Any]:
        return {
            "series": self.series,
            "label": self.label,
            "volume": self.volume,
            "number": self.number,
            "date": self.date,
            "title": self.title,
            "pages": self.pages,
            "has_text_layer": self.has_text_layer,
            "parser_version": self.parser_version,
            "warnings": list(self.warnings),
            "items": [item.to_dict(with_rects) for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedIssue:
        return cls(
            series=str(data.get("series") or ""),
            label=str(data.get("label") or ""),
            volume=data.get("volume"),
            number=data.get("number"),
            date=data.get("date"),
            title=str(data.get("title") or ""),
            pages=int(data.get("pages", 0)),
            items=tuple(ParsedItem.from_dict(i) for i in data.get("items", ())),
            has_text_layer=bool(data.get("has_text_layer", True)),
            parser_version=int(data.get("parser_version", 0)),
            warnings=tuple(data.get("warnings", ())),
        )
