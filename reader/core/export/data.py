"""What an export contains: the scope (which items) and the records templates and writers read.

:class:`Scope` says which items to export (one or more issues, selected items, a tag, a search
query, a date range, or everything; filters given together narrow each other). :func:`gather`
reads everything an export needs in a few bulk queries (items by id in chunks, annotations of
many items at once) and returns :class:`ExportIssue` records holding :class:`ExportItem` records,
newest issue first, items by position. Text that came from the PDF or the user is wrapped in
:class:`UserText` so the Markdown renderer escapes it by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.annotations import Annotation, item_text
from reader.core.errors import UserError
from reader.core.export.text import hashtag, obsidian_tag
from reader.core.model import ItemRect

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class UserText(str):
    """Text from the PDF or the user: printed escaped by ``{{ }}`` in Markdown templates."""

    __slots__ = ()


def _ut(value: Any) -> UserText:
    return UserText("" if value is None else value)


@dataclass(frozen=True)
class Scope:
    """Which items to export. Empty = the whole library; several fields = their intersection.

    ``since``/``until`` are ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive) on the
    issue date; issues without a date are left out when either is given. ``briefing`` keeps only
    highlighted or tagged items and groups them by tag, then series (Markdown).
    """

    issue_ids: tuple[int, ...] = ()
    item_ids: tuple[int, ...] = ()
    tag: str | None = None
    query: str | None = None
    since: str | None = None
    until: str | None = None
    briefing: bool = False

    def describe(self) -> str:
        """A short human description, e.g. for a dialog title or a log line."""
        parts = []
        if self.issue_ids:
            parts.append("issue " + ", ".join(str(i) for i in self.issue_ids))
        if self.item_ids:
            parts.append(f"{len(self.item_ids)} selected item(s)")
        if self.tag:
            parts.append(f"tag {self.tag!r}")
        if self.query:
            parts.append(f"search {self.query!r}")
        if self.since or self.until:
            parts.append(f"dates {self.since or '…'} to {self.until or '…'}")
        text = "; ".join(parts) or "whole library"
        return f"briefing: {text}" if self.briefing else text


def check_date(value: str | None, what: str) -> str | None:
    """A valid ISO date prefix or None; UserError with a one-line message otherwise."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not _DATE.match(text):
        raise UserError(f"{what} date {value!r} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return text


def items_for_query(lib: Any, query: str) -> list[int]:
    """Item ids matching a search query in the search box's language (words, phrases,
    ``tag:``, ``colour:``, dates...; see :mod:`reader.core.search`), in result order.

    The one place export asks search. Raises QueryError (a UserError) for a bad query.
    """
    from reader.core.search import item_ids

    return item_ids(lib, query)


@dataclass(slots=True, eq=False)
class ExportHighlight:
    """One highlight: colour, quoted text, comment, where it is."""

    id: int
    color: str
    quote: UserText
    comment: UserText
    whole: bool
    start: int | None
    end: int | None
    pages: tuple[int, ...]
    page: int | None
    pdf_link: str
    created: str
    modified: str
    annotation: Annotation = field(repr=False)


@dataclass(slots=True, eq=False)
class ExportItem:
    """One item with everything the user added to it."""

    id: int
    issue_id: int
    position: int
    headline: UserText
    body: UserText
    text: UserText
    title: UserText
    pages: tuple[int, ...]
    page: int | None
    read: bool
    starred: bool
    tags: list[UserText]
    hashtags: list[str]
    highlights: list[ExportHighlight]
    note: str
    link: str
    pdf_link: str
    block_id: str
    annotations: list[Annotation] = field(repr=False)
    rects: tuple[ItemRect, ...] = field(repr=False, default=())
    issue: ExportIssue | None = field(repr=False, default=None)

    @property
    def annotated(self) -> bool:
        return bool(self.highlights or self.tags or self.note or self.starred)


@dataclass(slots=True, eq=False)
class ExportIssue:
    """One issue with its exported items (by position)."""

    id: int
    series: UserText
    label: UserText
    volume: int | None
    number: int | None
    date: str | None
    title: UserText
    display_name: UserText
    pages: int
    sha256: str
    original_name: UserText
    source_file: str
    pdf_url: str
    link: str
    tags: list[UserText]
    hashtags: list[str]
    note: str
    imported_at: str
    items: list[ExportItem]
    annotations: list[Annotation] = field(repr=False, default_factory=list)


def pdf_url(path: Any, page: int | None = None) -> str:
    """``file://`` URL of a PDF (percent-encoded), with ``#page=N`` when a page is given."""
    from pathlib import Path

    url = Path(path).resolve().as_uri()
    return f"{url}#page={page}" if page else url


def resolve_item_ids(lib: Any, scope: Scope) -> list[int]:
    """The item ids a scope selects (unordered semantics; :func:`gather` orders them)."""
    sets: list[set[int]] = []
    first: list[int] | None = None
    if scope.item_ids:
        first = [int(i) for i in scope.item_ids]
    if scope.issue_ids:
        ids = [it.id for issue_id in scope.issue_ids for it in lib.items(int(issue_id))]
        first = ids if first is None else first
        sets.append(set(ids))
    if scope.tag:
        tag = str(scope.tag).strip().lstrip("#")
        ids = lib.annotations.item_ids_with_tags([tag], mode="any")
        first = ids if first is None else first
        sets.append(set(ids))
    if scope.query:
        ids = items_for_query(lib, scope.query)
        first = ids if first is None else first
        sets.append(set(ids))
    if first is None:
        first = lib.item_ids("all")
    keep = set(first).intersection(*sets) if sets else set(first)
    return [i for i in dict.fromkeys(first) if i in keep]


def _in_dates(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if not date:
        return False
    if since is not None and date[: len(since)] < since:
        return False
    return not (until is not None and date[: len(until)] > until)


def _issue_rows(lib: Any, issue_ids: set[int]) -> list[Any]:
    """Issue rows newest first (one query for many, one each for a few)."""
    if len(issue_ids) > 40:
        return [r for r in lib.list_issues() if r.id in issue_ids]
    rows = [lib.get_issue(i) for i in issue_ids]
    order = {r.id: n for n, r in enumerate(lib.list_issues())} if len(rows) > 1 else {}
    return sorted(rows, key=lambda r: order.get(r.id, 0))


def gather(lib: Any, scope: Scope) -> list[ExportIssue]:
    """Everything an export of ``scope`` needs, newest issue first, items by position."""
    since = check_date(scope.since, "--since")
    until = check_date(scope.until, "--until")
    ids = resolve_item_ids(lib, scope)
    rows = lib.items_by_ids(ids)
    by_issue: dict[int, list[Any]] = {}
    for row in rows:
        by_issue.setdefault(row.issue_id, []).append(row)
    issues = [r for r in _issue_rows(lib, set(by_issue)) if _in_dates(r.date, since, until)]
    if scope.issue_ids:  # an issue asked for by id is exported even with no items
        have = {r.id for r in issues}
        for issue_id in scope.issue_ids:
            if int(issue_id) not in have and not scope.item_ids:
                extra = lib.get_issue(int(issue_id))
                if _in_dates(extra.date, since, until):
                    issues.append(extra)
                    have.add(extra.id)
    svc = lib.annotations
    wanted = [row.id for r in issues for row in by_issue.get(r.id, ())]
    annotations = svc.for_items(wanted) if wanted else {}
    out: list[ExportIssue] = []
    for r in issues:
        issue = _issue(lib, r)
        items = sorted(by_issue.get(r.id, ()), key=lambda row: row.position)
        for row in items:
            item = _item(row, annotations.get(row.id, []), issue)
            if scope.briefing and not (item.highlights or item.tags):
                continue
            issue.items.append(item)
        if scope.briefing and not issue.items:
            continue
        out.append(issue)
    return out


def _issue(lib: Any, r: Any) -> ExportIssue:
    records = lib.annotations.for_issue(r.id)
    tags = sorted({a.tag for a in records if a.kind == "tag" and a.tag}, key=str.lower)
    note = next((a.note for a in records if a.kind == "note"), "")
    pdf = lib.files_dir / f"{r.sha256}.pdf"
    return ExportIssue(
        id=r.id,
        series=_ut(r.series),
        label=_ut(r.label),
        volume=r.volume,
        number=r.number,
        date=r.date,
        title=_ut(r.title),
        display_name=_ut(r.display_name),
        pages=r.pages,
        sha256=r.sha256,
        original_name=_ut(r.original_name),
        source_file=str(pdf),
        pdf_url=pdf_url(pdf),
        link=f"digest-reader://open?issue={r.id}",
        tags=[_ut(t) for t in tags],
        hashtags=[h for h in (hashtag(t) for t in tags) if h],
        note=note,
        imported_at=r.imported_at,
        items=[],
        annotations=records,
    )


def _item(row: Any, records: Sequence[Annotation], issue: ExportIssue) -> ExportItem:
    tags = sorted({a.tag for a in records if a.kind == "tag" and a.tag}, key=str.lower)
    note = next((a.note for a in records if a.kind == "note"), "")
    page = row.pages[0] if row.pages else None
    highlights = [
        ExportHighlight(
            id=a.id,
            color=a.color or "yellow",
            quote=_ut(a.exact),
            comment=_ut(a.comment),
            whole=a.whole,
            start=a.start,
            end=a.end,
            pages=a.pages,
            page=a.pages[0] if a.pages else page,
            pdf_link=_page_link(issue.pdf_url, a.pages[0] if a.pages else page),
            created=a.created,
            modified=a.modified,
            annotation=a,
        )
        for a in records
        if a.kind == "highlight"
    ]
    return ExportItem(
        id=row.id,
        issue_id=row.issue_id,
        position=row.position,
        headline=_ut(row.headline),
        body=_ut(row.body),
        text=_ut(item_text(row.headline, row.body)),
        title=_ut(row.headline or _short(row.body)),
        pages=row.pages,
        page=page,
        read=row.read,
        starred=row.starred,
        tags=[_ut(t) for t in tags],
        hashtags=[h for h in (hashtag(t) for t in tags) if h],
        highlights=highlights,
        note=note,
        link=f"digest-reader://open?item={row.id}",
        pdf_link=_page_link(issue.pdf_url, page),
        block_id=f"item-{row.id}",
        annotations=list(records),
        rects=row.rects,
        issue=issue,
    )


def _short(text: str, words: int = 12) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _page_link(url: str, page: int | None) -> str:
    return f"{url}#page={page}" if page else url


@dataclass(slots=True)
class BriefingSeries:
    """Items of one series within a briefing group, newest issue first."""

    name: UserText
    items: list[ExportItem]


@dataclass(slots=True)
class BriefingGroup:
    """A briefing section: one tag (``tag == ""`` for untagged highlighted items)."""

    tag: UserText
    hashtag: str
    obsidian_tag: str
    series: list[BriefingSeries]


def briefing_groups(issues: Iterable[ExportIssue]) -> list[BriefingGroup]:
    """Items grouped by tag (A-Z, untagged last), then series (A-Z), newest issue first.

    An item with several tags appears under each of them.
    """
    groups: dict[str | None, dict[str, list[ExportItem]]] = {}
    for issue in issues:  # already newest first
        for item in issue.items:
            tags: list[str | None] = [*item.tags] or [None]
            for tag in tags:
                groups.setdefault(tag, {}).setdefault(str(issue.series), []).append(item)
    out = []
    for tag in sorted(groups, key=lambda t: (t is None, (t or "").lower())):
        series = groups[tag]
        out.append(
            BriefingGroup(
                tag=_ut(tag or ""),
                hashtag=hashtag(tag) if tag else "",
                obsidian_tag=obsidian_tag(tag) if tag else "",
                series=[BriefingSeries(_ut(name), series[name]) for name in sorted(series, key=str.lower)],
            )
        )
    return out
