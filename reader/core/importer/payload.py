"""A parsed issue as compact plain tuples, for the trip from a parse worker to the parent.

The parent is the library's only writer, so every microsecond it spends per file is wall time
of the whole import. ``ParsedIssue.to_dict()`` makes a dict per rectangle (dozens per item), and
pickling, unpickling and ``from_dict`` of those cost the parent more than the SQL for the items.
Tuples of numbers and strings pickle small and unpickle fast; ``unpack`` rebuilds the dataclasses
directly. Rectangles are rounded to 2 decimals here, as ``ItemRect.to_dict`` did before.

The worker also does the per-item work the library's writer would otherwise do in the parent:
the items' pages and rectangles as the JSON the ``items`` table stores, and their search data
(CJK bigrams, entities: :func:`reader.core.search.hooks.prepare_items`). ``unpack_prepared``
returns them for ``Library.store_issue(prepared=...)``.
"""

from __future__ import annotations

import json
import logging

from reader.core.model import ItemRect, ParsedIssue, ParsedItem

log = logging.getLogger(__name__)

__all__ = ["pack", "unpack", "unpack_prepared"]

_PackedItem = tuple[int, str, str, tuple[int, ...], tuple[tuple[int, float, float, float, float], ...]]
"""(position, headline, body, pages, rects as (page, x0, y0, x1, y1))."""

PreparedRow = tuple[str, str, str, str, tuple[tuple[str, str, str, int], ...]]
"""(pages JSON, rects JSON, headline bigrams, body bigrams, entities as (kind, name, norm, mentions))."""

Packed = tuple[
    str,  # series
    str,  # label
    int | None,  # volume
    int | None,  # number
    str | None,  # date
    str,  # title
    int,  # pages
    bool,  # has_text_layer
    int,  # parser_version
    tuple[str, ...],  # warnings
    tuple[_PackedItem, ...],
    tuple[PreparedRow, ...] | None,
]
"""A ``ParsedIssue`` as ``pack`` returns it."""


def _prepare(items: tuple[_PackedItem, ...]) -> tuple[PreparedRow, ...] | None:
    """Per item (pages JSON, rects JSON, headline bigrams, body bigrams, entities), or None
    when the search data cannot be computed (the parent then indexes as for any new item)."""
    from reader.core.search.hooks import prepare_items

    try:
        search = prepare_items([(item[1], item[2]) for item in items])
    except Exception as exc:  # noqa: BLE001 - a bug here must not fail the file
        log.warning("search data not prepared: %s", exc)
        return None
    dumps = json.dumps
    return tuple(
        (dumps(list(item[3])), dumps([list(r) for r in item[4]]), *data)
        for item, data in zip(items, search, strict=True)
    )


def pack(issue: ParsedIssue, *, prepare: bool = True) -> Packed:
    """``issue`` as nested tuples of str, int, float, bool and None (see ``unpack``), plus
    what the library writer needs per item when ``prepare`` (see ``unpack_prepared``)."""
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
        _prepare(items) if prepare else None,
    )


def unpack(data: Packed) -> ParsedIssue:
    """The ``ParsedIssue`` that ``pack`` was given (rectangles rounded to 2 decimals)."""
    return unpack_prepared(data)[0]


def unpack_prepared(data: Packed) -> tuple[ParsedIssue, tuple[PreparedRow, ...] | None]:
    """(``ParsedIssue``, per-item data for ``Library.store_issue(prepared=...)`` or None)."""
    series, label, volume, number, date, title, pages, has_text, version, warnings, items, prepared = data
    issue = ParsedIssue(
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
    return issue, prepared
