"""A parsed issue as compact plain tuples, for the trip from a parse worker to the parent.

The parent is the library's only writer, so every microsecond it spends per file is wall time
of the whole import. ``ParsedIssue.to_dict()`` makes a dict per rectangle (dozens per item), and
pickling, unpickling and ``from_dict`` of those cost the parent more than the SQL for the items.
Tuples of numbers and strings pickle small and unpickle fast; ``unpack`` rebuilds the dataclasses
directly. Rectangles are rounded to 2 decimals here, as ``ItemRect.to_dict`` did before.
"""

from __future__ import annotations

from reader.core.model import ItemRect, ParsedIssue, ParsedItem

__all__ = ["pack", "unpack"]

Packed = tuple


def pack(issue: ParsedIssue) -> Packed:
    """``issue`` as nested tuples of str, int, float, bool and None (see ``unpack``)."""
    items = tuple(
        (
            item.position,
            item.headline,
            item.body,
            tuple(item.pages),
            tuple(
                (r.page, round(r.rect[0], 2), round(r.rect[1], 2), round(r.rect[2], 2), round(r.rect[3], 2))
                for r in item.rects
            ),
        )
        for item in issue.items
    )
    return (
        issue.series,
        issue.label,
        issue.volume,
        issue.number,
        issue.date,
        issue.title,
        issue.pages,
        issue.has_text_layer,
        issue.parser_version,
        tuple(issue.warnings),
        items,
    )


def unpack(data: Packed) -> ParsedIssue:
    """The ``ParsedIssue`` that ``pack`` was given (rectangles rounded to 2 decimals)."""
    series, label, volume, number, date, title, pages, has_text, version, warnings, items = data
    return ParsedIssue(
        series=series,
        label=label,
        volume=volume,
        number=number,
        date=date,
        title=title,
        pages=pages,
        items=tuple(
            ParsedItem(
                position=position,
                headline=headline,
                body=body,
                pages=item_pages,
                rects=tuple(ItemRect(r[0], r[1:]) for r in rects),
            )
            for position, headline, body, item_pages, rects in items
        ),
        has_text_layer=has_text,
        parser_version=version,
        warnings=warnings,
    )
