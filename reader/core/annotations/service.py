"""``AnnotationService``: highlights, tags, notes and stars over one open Library.

Reach it as ``library.annotations`` (one per Library; it shares the library's connection and
lock). Every write is one transaction, committed before the call returns (WAL), and returns a
:class:`~reader.core.annotations.records.Change` with the records before and after, so that

- the GUI refreshes only ``change.item_ids`` / ``change.issue_ids`` (and the Tags section when
  ``change.tags_changed``);
- undo is ``service.revert(change)`` and redo is ``service.revert(change.inverse())``: revert
  puts every record back exactly (same ids, timestamps, selectors).

Errors are UserError subclasses from :mod:`reader.core.annotations.errors` (unknown item,
issue, annotation or tag; unknown colour; empty tag; quote not found; bad range).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from reader.core.annotations.anchoring import Quote as _Quote
from reader.core.annotations.anchoring import item_text, locate, quote_at
from reader.core.annotations.errors import (
    BadRangeError,
    EmptyTagError,
    NotAnOrphanError,
    QuoteNotFoundError,
    TagExistsError,
    UnknownAnnotationError,
    UnknownColorError,
    UnknownIssueError,
    UnknownItemError,
    UnknownTagError,
)
from reader.core.annotations.records import (
    COLORS,
    DEFAULT_COLOR,
    Annotation,
    AnnotationHit,
    Change,
    Tag,
    TagCount,
    VersionReport,
)
from reader.core.annotations.tags import normalise_tag, tag_pattern
from reader.core.errors import LibraryError, UserError

F = TypeVar("F", bound=Callable[..., Any])
_CHUNK = 500

_COLS = """a.id, a.kind, a.target, a.item_id, a.issue_id, a.tag_id, t.name, a.color, a.comment,
           a.note, a.exact, a.prefix, a.suffix, a.pos_start, a.pos_end, a.whole, a.pages,
           a.context, a.created, a.modified"""
_FROM = "FROM annotations a LEFT JOIN tags t ON t.id = a.tag_id"
_WRITE_COLS = (
    "id",
    "kind",
    "target",
    "item_id",
    "issue_id",
    "tag_id",
    "color",
    "comment",
    "note",
    "exact",
    "prefix",
    "suffix",
    "pos_start",
    "pos_end",
    "whole",
    "pages",
    "context",
    "created",
    "modified",
)
_NEWEST = "(i.date IS NULL), i.date DESC, i.volume DESC, i.number DESC, i.id DESC"


def _locked(method: F) -> F:
    """Hold the library's lock; map stray sqlite errors to LibraryError (one line)."""

    @functools.wraps(method)
    def wrapper(self: AnnotationService, *args: Any, **kwargs: Any) -> Any:
        lib = self._lib
        with lib._lock:
            if lib._db is None:
                raise LibraryError("the library is closed")
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                from reader.core.library.db import describe

                raise LibraryError(f"library database error: {describe(exc)}") from exc

    return wrapper  # type: ignore[return-value]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _row(r: Sequence[Any]) -> Annotation:
    return Annotation(
        id=int(r[0]),
        kind=r[1],
        target=r[2],
        item_id=None if r[3] is None else int(r[3]),
        issue_id=None if r[4] is None else int(r[4]),
        tag_id=None if r[5] is None else int(r[5]),
        tag=r[6],
        color=r[7],
        comment=r[8] or "",
        note=r[9] or "",
        exact=r[10] or "",
        prefix=r[11] or "",
        suffix=r[12] or "",
        start=r[13],
        end=r[14],
        whole=bool(r[15]),
        pages=tuple(int(p) for p in json.loads(r[16] or "[]")),
        context=r[17] or "",
        created=r[18],
        modified=r[19],
    )


def check_color(color: str | None) -> str:
    """The colour name lower-cased, or :class:`UnknownColorError`."""
    name = DEFAULT_COLOR if color is None else str(color).strip().lower()
    if name not in COLORS:
        raise UnknownColorError(f"unknown colour {color!r}: use one of {', '.join(COLORS)}")
    return name


class AnnotationService:
    """Named annotation operations on one :class:`~reader.core.library.Library`."""

    def __init__(self, library: Any) -> None:
        self._lib = library

    @property
    def _db(self) -> Any:
        return self._lib._db

    # ------------------------------------------------------------------ lookups
    def _fetch(self, ids: Iterable[int]) -> list[Annotation]:
        wanted = sorted({int(i) for i in ids})
        out: list[Annotation] = []
        for chunk in _chunks(wanted):
            out += [
                _row(r)
                for r in self._db.execute(
                    f"SELECT {_COLS} {_FROM} WHERE a.id IN ({_marks(len(chunk))}) ORDER BY a.id", chunk
                ).fetchall()
            ]
        return out

    def _fetch_tags(self, ids: Iterable[int]) -> list[Tag]:
        wanted = sorted({int(i) for i in ids})
        out: list[Tag] = []
        for chunk in _chunks(wanted):
            out += [
                Tag(int(r[0]), r[1], r[2])
                for r in self._db.execute(
                    f"SELECT id, name, created FROM tags WHERE id IN ({_marks(len(chunk))}) ORDER BY id",
                    chunk,
                ).fetchall()
            ]
        return out

    def _item(self, item_id: Any) -> tuple[int, int, str, str, str]:
        """(id, issue_id, headline, body, pages json) or UnknownItemError."""
        try:
            key = int(item_id)
        except (TypeError, ValueError):
            raise UnknownItemError(f"no item with id {item_id!r}") from None
        row = self._db.execute(
            "SELECT id, issue_id, headline, body, pages FROM items WHERE id = ?", [key]
        ).fetchone()
        if row is None:
            raise UnknownItemError(f"no item with id {item_id}")
        return int(row[0]), int(row[1]), row[2], row[3], row[4]

    def _items(self, item_ids: Iterable[Any]) -> dict[int, int]:
        """{item_id: issue_id} for every id, or UnknownItemError naming the first unknown one."""
        ids: list[int] = []
        for raw in item_ids:
            try:
                ids.append(int(raw))
            except (TypeError, ValueError):
                raise UnknownItemError(f"no item with id {raw!r}") from None
        found: dict[int, int] = {}
        for chunk in _chunks(sorted(set(ids))):
            for r in self._db.execute(
                f"SELECT id, issue_id FROM items WHERE id IN ({_marks(len(chunk))})", chunk
            ).fetchall():
                found[int(r[0])] = int(r[1])
        missing = [i for i in ids if i not in found]
        if missing:
            raise UnknownItemError(f"no item with id {missing[0]}")
        return {i: found[i] for i in ids}

    def _issues(self, issue_ids: Iterable[Any]) -> list[int]:
        ids: list[int] = []
        for raw in issue_ids:
            try:
                key = int(raw)
            except (TypeError, ValueError):
                raise UnknownIssueError(f"no issue with id {raw!r}") from None
            if not self._db.execute("SELECT 1 FROM issues WHERE id = ?", [key]).fetchone():
                raise UnknownIssueError(f"no issue with id {raw}")
            ids.append(key)
        return list(dict.fromkeys(ids))

    def _annotation(self, annotation_id: Any, kind: str | None = None) -> Annotation:
        try:
            key = int(annotation_id)
        except (TypeError, ValueError):
            raise UnknownAnnotationError(f"no annotation with id {annotation_id!r}") from None
        found = self._fetch([key])
        if not found:
            raise UnknownAnnotationError(f"no annotation with id {annotation_id}")
        if kind is not None and found[0].kind != kind:
            raise UnknownAnnotationError(f"annotation {key} is a {found[0].kind}, not a {kind}")
        return found[0]

    def _tag_names(self, tags: Iterable[str] | str) -> list[str]:
        if isinstance(tags, str):
            tags = [tags]
        names: dict[str, str] = {}
        for raw in tags:
            name = normalise_tag(raw)
            names.setdefault(name.lower(), name)
        if not names:
            raise EmptyTagError("no tag given")
        return list(names.values())

    def _tag_id(self, name: str, *, create: bool, created: list[Tag] | None = None) -> int | None:
        row = self._db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        stamp = _now()
        cursor = self._db.execute("INSERT INTO tags (name, created) VALUES (?, ?)", [name, stamp])
        tag_id = int(cursor.lastrowid)
        if created is not None:
            created.append(Tag(tag_id, name, stamp))
        return tag_id

    def _gc_tags(self, tag_ids: Iterable[int]) -> list[Tag]:
        """Delete tags nothing uses any more; return them (for the Change's tags_before)."""
        gone: list[Tag] = []
        for tag in self._fetch_tags(tag_ids):
            if not self._db.execute(
                "SELECT 1 FROM annotations WHERE tag_id = ? LIMIT 1", [tag.id]
            ).fetchone():
                self._db.execute("DELETE FROM tags WHERE id = ?", [tag.id])
                gone.append(tag)
        return gone

    def _insert(self, **values: Any) -> int:
        stamp = _now()
        values.setdefault("created", stamp)
        values.setdefault("modified", stamp)
        cols = list(values)
        cursor = self._db.execute(
            f"INSERT INTO annotations ({', '.join(cols)}) VALUES ({_marks(len(cols))})",
            [values[c] for c in cols],
        )
        return int(cursor.lastrowid)

    # ------------------------------------------------------------------ reads
    @_locked
    def get(self, annotation_id: int) -> Annotation:
        """One annotation by id (UnknownAnnotationError)."""
        return self._annotation(annotation_id)

    @_locked
    def item_text(self, item_id: int) -> str:
        """The text highlight offsets index: ``headline + "\\n" + body``."""
        _, _, headline, body, _ = self._item(item_id)
        return item_text(headline, body)

    @_locked
    def for_item(self, item_id: int, kinds: Sequence[str] | None = None) -> list[Annotation]:
        """The item's annotations (all kinds, or ``kinds``), highlights in text order."""
        self._item(item_id)
        return self._for_items([int(item_id)], kinds).get(int(item_id), [])

    @_locked
    def for_items(
        self, item_ids: Sequence[int], kinds: Sequence[str] | None = None
    ) -> dict[int, list[Annotation]]:
        """Annotations of many items at once (for list rows); unknown ids are skipped."""
        return self._for_items([int(i) for i in item_ids], kinds)

    def _for_items(self, ids: list[int], kinds: Sequence[str] | None) -> dict[int, list[Annotation]]:
        out: dict[int, list[Annotation]] = {}
        kind_sql, kind_params = "", []
        if kinds:
            kind_sql = f" AND a.kind IN ({_marks(len(kinds))})"
            kind_params = list(kinds)
        for chunk in _chunks(ids):
            for r in self._db.execute(
                f"""SELECT {_COLS} {_FROM} WHERE a.item_id IN ({_marks(len(chunk))}){kind_sql}
                    ORDER BY a.item_id, coalesce(a.pos_start, -1), a.id""",
                [*chunk, *kind_params],
            ).fetchall():
                ann = _row(r)
                out.setdefault(int(ann.item_id), []).append(ann)  # type: ignore[arg-type]
        return out

    @_locked
    def highlights(self, item_id: int) -> list[Annotation]:
        """The item's highlights in text order."""
        self._item(item_id)
        return self._for_items([int(item_id)], ["highlight"]).get(int(item_id), [])

    @_locked
    def for_issue(self, issue_id: int) -> list[Annotation]:
        """Issue-level annotations (tags, note) of an issue."""
        self._issues([issue_id])
        rows = self._db.execute(
            f"SELECT {_COLS} {_FROM} WHERE a.issue_id = ? AND a.target = 'issue' ORDER BY a.id",
            [int(issue_id)],
        ).fetchall()
        return [_row(r) for r in rows]

    @_locked
    def annotations(
        self, issue_id: int | None = None, *, kinds: Sequence[str] | None = None
    ) -> list[Annotation]:
        """Every annotation (of one issue), orphans included: newest issue first, then issue-level
        ones, then by item position and text offset; orphans of an issue last."""
        where: list[str] = []
        params: list[str | int] = []
        if issue_id is not None:
            self._issues([issue_id])
            where.append("a.issue_id = ?")
            params.append(int(issue_id))
        if kinds:
            where.append(f"a.kind IN ({_marks(len(kinds))})")
            params += list(kinds)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self._db.execute(
            f"""SELECT {_COLS} {_FROM} LEFT JOIN issues i ON i.id = a.issue_id
                LEFT JOIN items it ON it.id = a.item_id {clause}
                ORDER BY {_NEWEST}, a.target = 'item', a.item_id IS NULL, it.position,
                         coalesce(a.pos_start, -1), a.id""",
            params,
        ).fetchall()
        return [_row(r) for r in rows]

    @_locked
    def orphans(self, issue_id: int | None = None) -> list[Annotation]:
        """Annotations whose item is gone (after a new version of their issue), oldest first."""
        sql = f"SELECT {_COLS} {_FROM} WHERE a.target = 'item' AND a.item_id IS NULL"
        params: list[Any] = []
        if issue_id is not None:
            sql += " AND a.issue_id = ?"
            params.append(int(issue_id))
        return [_row(r) for r in self._db.execute(sql + " ORDER BY a.id", params).fetchall()]

    @_locked
    def item_tags(self, item_id: int) -> list[str]:
        """Tag names on an item, sorted."""
        self._item(item_id)
        return self._names("a.item_id = ? AND a.target = 'item'", int(item_id))

    @_locked
    def issue_tags(self, issue_id: int) -> list[str]:
        """Tag names on an issue (issue-level tags), sorted."""
        self._issues([issue_id])
        return self._names("a.issue_id = ? AND a.target = 'issue'", int(issue_id))

    def _names(self, where: str, key: int) -> list[str]:
        rows = self._db.execute(
            f"""SELECT t.name FROM annotations a JOIN tags t ON t.id = a.tag_id
                WHERE a.kind = 'tag' AND {where} ORDER BY t.name COLLATE NOCASE""",
            [key],
        ).fetchall()
        return [r[0] for r in rows]

    @_locked
    def note(self, item_id: int) -> str:
        """The item's Markdown note ("" when none)."""
        self._item(item_id)
        row = self._db.execute(
            "SELECT note FROM annotations WHERE kind = 'note' AND target = 'item' AND item_id = ?",
            [int(item_id)],
        ).fetchone()
        return row[0] if row else ""

    @_locked
    def issue_note(self, issue_id: int) -> str:
        """The issue's Markdown note ("" when none)."""
        self._issues([issue_id])
        row = self._db.execute(
            "SELECT note FROM annotations WHERE kind = 'note' AND target = 'issue' AND issue_id = ?",
            [int(issue_id)],
        ).fetchone()
        return row[0] if row else ""

    @_locked
    def tags(self) -> list[TagCount]:
        """Every tag with how many (attached) items and issues carry it, by name."""
        rows = self._db.execute(
            """SELECT t.id, t.name,
                      count(CASE WHEN a.target = 'item' AND a.item_id IS NOT NULL THEN 1 END),
                      count(CASE WHEN a.target = 'issue' THEN 1 END)
               FROM tags t LEFT JOIN annotations a ON a.tag_id = t.id AND a.kind = 'tag'
               GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
        ).fetchall()
        return [TagCount(int(r[0]), r[1], int(r[2]), int(r[3])) for r in rows]

    @_locked
    def tag_names(self, prefix: str = "", *, limit: int = 50) -> list[str]:
        """Tag names starting with ``prefix`` (case-insensitive), for autocomplete."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.execute(
            "SELECT name FROM tags WHERE name LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE LIMIT ?",
            [escaped + "%", int(limit)],
        ).fetchall()
        return [r[0] for r in rows]

    def _tag_ids_for(self, raw: str) -> set[int]:
        name, descendants = tag_pattern(raw)
        sql, params = "SELECT id FROM tags WHERE name = ?", [name]
        if descendants:
            escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            sql += " OR name LIKE ? ESCAPE '\\'"
            params.append(escaped + "/%")
        return {int(r[0]) for r in self._db.execute(sql, params).fetchall()}

    @_locked
    def item_ids_with_tags(self, tags: Sequence[str], *, mode: str = "all") -> list[int]:
        """Items carrying all (``mode="all"``) or any (``"any"``) of ``tags``, newest issue first.

        A tag ``"region/*"`` stands for ``region`` and every tag nested under it. Tags nobody uses
        match nothing. Only item-level tags count (issue tags are not inherited).
        """
        if mode not in ("all", "any"):
            raise UserError(f"unknown tag filter mode {mode!r}: use 'all' or 'any'")
        if isinstance(tags, str):
            tags = [tags]
        if not tags:
            raise EmptyTagError("no tag given")
        sets: list[set[int]] = []
        for raw in tags:
            tag_ids = sorted(self._tag_ids_for(raw))
            items: set[int] = set()
            for chunk in _chunks(tag_ids):
                items |= {
                    int(r[0])
                    for r in self._db.execute(
                        f"""SELECT item_id FROM annotations WHERE kind = 'tag' AND target = 'item'
                        AND item_id IS NOT NULL AND tag_id IN ({_marks(len(chunk))})""",
                        chunk,
                    ).fetchall()
                }
            sets.append(items)
        chosen = set.intersection(*sets) if mode == "all" else set.union(*sets)
        if not chosen:
            return []
        rows = self._db.execute(
            f"""SELECT it.id FROM issues i JOIN items it ON it.issue_id = i.id
                WHERE it.id IN (SELECT value FROM json_each(?)) ORDER BY {_NEWEST}, it.position""",
            [json.dumps(sorted(chosen))],
        ).fetchall()
        return [int(r[0]) for r in rows]

    @_locked
    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        kinds: Sequence[str] | None = None,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[AnnotationHit]:
        """Annotations whose note, comment or highlighted text match ``query`` (the library's
        search syntax), best first (BM25: note and comment weigh 4x the quoted text). Finds issue
        notes and orphans too. QueryError for a query with nothing searchable."""
        from reader.core.errors import QueryError
        from reader.core.library.db import describe
        from reader.core.library.fts_query import to_fts_query

        match = to_fts_query(query)
        kind_sql = ""
        params: list[str | int] = [marks[0], marks[1], match]
        if kinds:
            kind_sql = f"AND rowid IN (SELECT id FROM annotations WHERE kind IN ({_marks(len(kinds))}))"
            params += list(kinds)
        params.append(max(0, int(limit)))
        try:
            ranked = self._db.execute(
                f"""SELECT rowid, snippet(annotations_fts, -1, ?, ?, '…', 16),
                           bm25(annotations_fts, 4.0, 4.0, 1.0) AS score
                    FROM annotations_fts WHERE annotations_fts MATCH ? {kind_sql}
                    ORDER BY score, rowid LIMIT ?""",
                params,
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {describe(exc)}") from None
        found = {a.id: a for a in self._fetch(int(r[0]) for r in ranked)}
        return [AnnotationHit(found[int(r[0])], r[1], float(r[2])) for r in ranked if int(r[0]) in found]

    @_locked
    def version_report(self, sha256: str) -> VersionReport | None:
        """The re-anchoring report of the import of ``sha256``, if it superseded a version."""
        row = self._db.execute(
            "SELECT report FROM issue_versions WHERE superseded_by = ? ORDER BY id DESC LIMIT 1",
            [sha256.lower()],
        ).fetchone()
        return None if row is None else VersionReport(**json.loads(row[0]))

    @_locked
    def versions(self, issue_id: int) -> list[dict[str, Any]]:
        """Superseded versions of an issue, oldest first: sha256, label, date, imported_at,
        superseded_at, superseded_by, items (snapshot), report."""
        self._issues([issue_id])
        rows = self._db.execute(
            """SELECT sha256, superseded_by, label, date, parser_version, imported_at,
                      superseded_at, items, report FROM issue_versions WHERE issue_id = ?
               ORDER BY id""",
            [int(issue_id)],
        ).fetchall()
        return [
            {
                "sha256": r[0],
                "superseded_by": r[1],
                "label": r[2],
                "date": r[3],
                "parser_version": r[4],
                "imported_at": r[5],
                "superseded_at": r[6],
                "items": json.loads(r[7]),
                "report": json.loads(r[8]),
            }
            for r in rows
        ]

    # ------------------------------------------------------------------ highlights
    @_locked
    def add_highlight(
        self,
        item_id: int,
        *,
        color: str | None = DEFAULT_COLOR,
        comment: str = "",
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
    ) -> Change:
        """Highlight a whole item, ``start:end`` of its text, or the first occurrence of ``quote``.

        Offsets index ``headline + "\\n" + body``. Raises UnknownItemError, UnknownColorError,
        BadRangeError, QuoteNotFoundError.
        """
        iid, issue_id, headline, body, pages = self._item(item_id)
        colour = check_color(color)
        text = item_text(headline, body)
        if quote is not None:
            start, end = _find_quote(text, quote, iid)
        elif start is None and end is None:
            start, end = 0, len(text)
        else:
            start = 0 if start is None else int(start)
            end = len(text) if end is None else int(end)
            if not 0 <= start < end <= len(text):
                raise BadRangeError(f"range {start}-{end} is outside item {iid}'s text (0-{len(text)})")
        q = quote_at(text, start, end)
        with self._db.atomic():
            new_id = self._insert(
                kind="highlight",
                target="item",
                item_id=iid,
                issue_id=issue_id,
                color=colour,
                comment=comment or "",
                exact=q.exact,
                prefix=q.prefix,
                suffix=q.suffix,
                pos_start=q.start,
                pos_end=q.end,
                whole=int(start == 0 and end == len(text)),
                pages=pages or "[]",
            )
        return Change(after=tuple(self._fetch([new_id])), description="Highlight")

    def _modify(self, ann: Annotation, description: str, **values: Any) -> Change:
        values["modified"] = _now()
        sets = ", ".join(f"{k} = ?" for k in values)
        with self._db.atomic():
            self._db.execute(f"UPDATE annotations SET {sets} WHERE id = ?", [*values.values(), ann.id])
        return Change((ann,), tuple(self._fetch([ann.id])), description=description)

    @_locked
    def recolor(self, annotation_id: int, color: str) -> Change:
        """Change a highlight's colour."""
        ann = self._annotation(annotation_id, "highlight")
        colour = check_color(color)
        if colour == ann.color:
            return Change(description="Recolour highlight")
        return self._modify(ann, "Recolour highlight", color=colour)

    @_locked
    def set_comment(self, annotation_id: int, comment: str) -> Change:
        """Set (or clear, with "") a highlight's comment."""
        ann = self._annotation(annotation_id, "highlight")
        if (comment or "") == ann.comment:
            return Change(description="Comment highlight")
        return self._modify(ann, "Comment highlight", comment=comment or "")

    @_locked
    def remove(self, annotation_ids: int | Iterable[int]) -> Change:
        """Delete annotations of any kind (a star unstars its item); the Change holds them all."""
        ids = [annotation_ids] if isinstance(annotation_ids, int) else list(annotation_ids)
        anns = [self._annotation(i) for i in ids]
        with self._db.atomic():
            for ann in anns:
                self._delete(ann)
            gone = self._gc_tags({a.tag_id for a in anns if a.tag_id is not None})
        kinds = {a.kind for a in anns}
        what = kinds.pop() if len(kinds) == 1 else "annotation"
        return Change(before=tuple(anns), tags_before=tuple(gone), description=f"Remove {what}")

    remove_highlight = remove

    def _delete(self, ann: Annotation) -> None:
        self._db.execute("DELETE FROM annotations WHERE id = ?", [ann.id])
        if ann.kind == "star" and ann.item_id is not None:
            self._db.execute(
                "UPDATE items SET starred = 0, starred_at = NULL WHERE id = ? AND starred = 1",
                [ann.item_id],
            )

    # ------------------------------------------------------------------ tags
    @_locked
    def tag_items(self, item_ids: Iterable[int], tags: Iterable[str] | str) -> Change:
        """Add every tag to every item (bulk); the Change lists only the tag uses added."""
        items = self._items(item_ids)
        return self._tag("item", list(items.items()), self._tag_names(tags))

    @_locked
    def untag_items(self, item_ids: Iterable[int], tags: Iterable[str] | str) -> Change:
        """Remove tags from items; tags left unused disappear (and come back on undo)."""
        items = self._items(item_ids)
        names = self._tag_names(tags)
        return self._untag("item_id", list(items), names, len(items), "item")

    @_locked
    def tag_issues(self, issue_ids: Iterable[int], tags: Iterable[str] | str) -> Change:
        """Add issue-level tags."""
        issues = self._issues(issue_ids)
        return self._tag("issue", [(None, issue_id) for issue_id in issues], self._tag_names(tags))

    def _tag(self, target: str, keys: list[tuple[int | None, int]], names: list[str]) -> Change:
        """Tag every (item_id, issue_id) key with every name; ``item_id`` is None for issue tags."""
        created: list[Tag] = []
        new_ids: list[int] = []
        with self._db.atomic():
            stamp = _now()
            for name in names:
                tag_id = self._tag_id(name, create=True, created=created)
                for item_id, issue_id in keys:
                    cursor = self._db.execute(
                        """INSERT OR IGNORE INTO annotations (kind, target, item_id, issue_id, tag_id,
                               created, modified) VALUES ('tag', ?, ?, ?, ?, ?, ?)""",
                        [target, item_id, issue_id, tag_id, stamp, stamp],
                    )
                    if cursor.rowcount:
                        new_ids.append(int(cursor.lastrowid))
        return Change(
            after=tuple(self._fetch(new_ids)),
            tags_after=tuple(created),
            description=_tag_description("Tag", len(keys), target, names),
        )

    @_locked
    def untag_issues(self, issue_ids: Iterable[int], tags: Iterable[str] | str) -> Change:
        """Remove issue-level tags."""
        issues = self._issues(issue_ids)
        names = self._tag_names(tags)
        return self._untag("issue_id", issues, names, len(issues), "issue")

    def _untag(self, column: str, keys: list[int], names: list[str], n: int, noun: str) -> Change:
        target = "item" if column == "item_id" else "issue"
        tag_ids = [t for t in (self._tag_id(name, create=False) for name in names) if t is not None]
        ids: list[int] = []
        for chunk in _chunks(keys):
            for tag_id in tag_ids:
                ids += [
                    int(r[0])
                    for r in self._db.execute(
                        f"""SELECT id FROM annotations WHERE kind = 'tag' AND target = ?
                        AND tag_id = ? AND {column} IN ({_marks(len(chunk))})""",
                        [target, tag_id, *chunk],
                    ).fetchall()
                ]
        before = self._fetch(ids)
        with self._db.atomic():
            for ann in before:
                self._delete(ann)
            gone = self._gc_tags(tag_ids)
        return Change(
            before=tuple(before),
            tags_before=tuple(gone),
            description=_tag_description("Untag", n, noun, names),
        )

    @_locked
    def rename_tag(self, old: str, new: str) -> Change:
        """Rename a tag and every tag nested under it (``region`` -> ``place`` also renames
        ``region/asia`` -> ``place/asia``). TagExistsError when a new name is taken (merge)."""
        old_name, new_name = normalise_tag(old), normalise_tag(new)
        row = self._db.execute("SELECT name FROM tags WHERE name = ?", [old_name]).fetchone()
        if row is not None:
            old_name = row[0]
        escaped = old_name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        family = [
            Tag(int(r[0]), r[1], r[2])
            for r in self._db.execute(
                "SELECT id, name, created FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY id",
                [old_name, escaped + "/%"],
            ).fetchall()
        ]
        if not family:
            raise UnknownTagError(f"no tag named {old_name!r}")
        # A parent known only through its children ("region" of "region/asia"): keep the
        # children's spelling of it.
        old_name = family[0].name[: len(old_name)]
        ids = {t.id for t in family}
        renamed = [Tag(t.id, new_name + t.name[len(old_name) :], t.created) for t in family]
        if [t.name for t in renamed] == [t.name for t in family]:
            return Change(description="Rename tag")
        for tag in renamed:
            clash = self._db.execute("SELECT id, name FROM tags WHERE name = ?", [tag.name]).fetchone()
            if clash is not None and int(clash[0]) not in ids:
                raise TagExistsError(
                    f"a tag named {clash[1]!r} exists already; merge the tags instead of renaming"
                )
        with self._db.atomic():
            for tag in family:
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?", [f"\x01renaming-{tag.id}", tag.id])
            for tag in renamed:
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?", [tag.name, tag.id])
        items, issues = self._tag_users(ids)
        return Change(
            tags_before=tuple(family),
            tags_after=tuple(renamed),
            description=f"Rename tag {old_name!r} to {new_name!r}",
            extra_items=frozenset(items),
        )

    def _tag_users(self, tag_ids: Iterable[int]) -> tuple[set[int], set[int]]:
        items: set[int] = set()
        issues: set[int] = set()
        for tag_id in tag_ids:
            for item_id, issue_id in self._db.execute(
                "SELECT item_id, issue_id FROM annotations WHERE kind = 'tag' AND tag_id = ?",
                [tag_id],
            ).fetchall():
                if item_id is not None:
                    items.add(int(item_id))
                if issue_id is not None:
                    issues.add(int(issue_id))
        return items, issues

    @_locked
    def merge_tags(self, sources: Iterable[str] | str, into: str) -> Change:
        """Move every use of ``sources`` to tag ``into`` (created if needed); sources disappear.
        Where an item or issue already has ``into``, the duplicate use is removed."""
        target_name = normalise_tag(into)
        names = [n for n in self._tag_names(sources) if n.lower() != target_name.lower()]
        source_tags: list[Tag] = []
        for name in names:
            row = self._db.execute("SELECT id, name, created FROM tags WHERE name = ?", [name]).fetchone()
            if row is None:
                raise UnknownTagError(f"no tag named {name!r}")
            source_tags.append(Tag(int(row[0]), row[1], row[2]))
        if not source_tags:
            return Change(description="Merge tags")
        created: list[Tag] = []
        uses: list[Annotation] = []
        for tag in source_tags:
            uses += self._fetch(
                int(r[0])
                for r in self._db.execute("SELECT id FROM annotations WHERE tag_id = ?", [tag.id]).fetchall()
            )
        with self._db.atomic():
            target_id = self._tag_id(target_name, create=True, created=created)
            stamp = _now()
            for ann in uses:
                key_col = "item_id" if ann.target == "item" else "issue_id"
                key = ann.item_id if ann.target == "item" else ann.issue_id
                dup = (
                    key is not None
                    and self._db.execute(
                        f"""SELECT 1 FROM annotations WHERE kind = 'tag' AND target = ? AND tag_id = ?
                        AND {key_col} = ?""",
                        [ann.target, target_id, key],
                    ).fetchone()
                )
                if dup:
                    self._db.execute("DELETE FROM annotations WHERE id = ?", [ann.id])
                else:
                    self._db.execute(
                        "UPDATE annotations SET tag_id = ?, modified = ? WHERE id = ?",
                        [target_id, stamp, ann.id],
                    )
            for tag in source_tags:
                self._db.execute("DELETE FROM tags WHERE id = ?", [tag.id])
        return Change(
            before=tuple(uses),
            after=tuple(self._fetch(a.id for a in uses)),
            tags_before=tuple(source_tags),
            tags_after=tuple(created),
            description=f"Merge {', '.join(repr(t.name) for t in source_tags)} into {target_name!r}",
        )

    # ------------------------------------------------------------------ notes
    @_locked
    def set_note(self, item_id: int, text: str) -> Change:
        """Set the item's Markdown note; blank text deletes it."""
        iid, issue_id, *_ = self._item(item_id)
        return self._set_note("item", "item_id", iid, issue_id, text)

    @_locked
    def set_issue_note(self, issue_id: int, text: str) -> Change:
        """Set the issue's Markdown note; blank text deletes it."""
        [key] = self._issues([issue_id])
        return self._set_note("issue", "issue_id", key, key, text)

    def clear_note(self, item_id: int) -> Change:
        return self.set_note(item_id, "")

    def _set_note(self, target: str, column: str, key: int, issue_id: int, text: str) -> Change:
        text = text or ""
        row = self._db.execute(
            f"SELECT id FROM annotations WHERE kind = 'note' AND target = ? AND {column} = ?",
            [target, key],
        ).fetchone()
        old = self._fetch([int(row[0])]) if row else []
        description = "Edit note" if old else "Add note"
        if not text.strip():
            if not old:
                return Change(description="Clear note")
            with self._db.atomic():
                self._delete(old[0])
            return Change(before=tuple(old), description="Clear note")
        if old and old[0].note == text:
            return Change(description=description)
        with self._db.atomic():
            if old:
                self._db.execute(
                    "UPDATE annotations SET note = ?, modified = ? WHERE id = ?", [text, _now(), old[0].id]
                )
                new_id = old[0].id
            else:
                new_id = self._insert(
                    kind="note",
                    target=target,
                    item_id=key if target == "item" else None,
                    issue_id=issue_id,
                    note=text,
                )
        return Change(tuple(old), tuple(self._fetch([new_id])), description=description)

    # ------------------------------------------------------------------ stars
    @_locked
    def star(self, item_ids: Iterable[int], starred: bool = True) -> Change:
        """Star (or unstar) items; the Change holds the star records added or removed."""
        items = list(self._items(item_ids))

        def stars() -> list[Annotation]:
            found: list[int] = []
            for chunk in _chunks(items):
                found += [
                    int(r[0])
                    for r in self._db.execute(
                        "SELECT id FROM annotations WHERE kind = 'star'"
                        f" AND item_id IN ({_marks(len(chunk))})",
                        chunk,
                    ).fetchall()
                ]
            return self._fetch(found)

        before = stars()
        flag = int(bool(starred))
        with self._db.atomic():
            stamp = _now() if flag else None
            for chunk in _chunks(items):
                self._db.execute(
                    f"""UPDATE items SET starred = ?, starred_at = ? WHERE starred != ?
                        AND id IN ({_marks(len(chunk))})""",
                    [flag, stamp, flag, *chunk],
                )
        after = stars()
        old_ids, new_ids = {a.id for a in before}, {a.id for a in after}
        return Change(
            before=tuple(a for a in before if a.id not in new_ids),
            after=tuple(a for a in after if a.id not in old_ids),
            description="Star" if flag else "Unstar",
        )

    def unstar(self, item_ids: Iterable[int]) -> Change:
        return self.star(item_ids, False)

    # ------------------------------------------------------------------ page geometry
    def highlight_rects(self, annotation_id: int) -> list[Any]:
        """Rectangles (``ItemRect``: 1-based page, PDF points) covering a highlight's text, one
        per line, for translucent overlays on the rendered page; ``[]`` for an orphan. Reads
        the PDF with PyMuPDF in this process (a few ms); the library lock is not held meanwhile."""
        ann = self.get(annotation_id)
        if ann.kind != "highlight":
            raise UnknownAnnotationError(f"annotation {ann.id} is a {ann.kind}, not a highlight")
        if ann.item_id is None or ann.start is None or ann.end is None:
            return []
        return self.range_rects(ann.item_id, ann.start, ann.end)

    def range_rects(self, item_id: int, start: int, end: int) -> list[Any]:
        """Rectangles covering ``start:end`` of an item's text (e.g. a selection not yet saved)."""
        from reader.core.annotations.geometry import range_rects

        item = self._lib.get_item(item_id)
        pdf = self._lib.issue_pdf_path(item.issue_id)
        return range_rects(pdf, item.rects, item_text(item.headline, item.body), int(start), int(end))

    # ------------------------------------------------------------------ read state
    @_locked
    def mark_read(self, item_ids: Iterable[int], read: bool = True) -> Change:
        """Mark items read/unread with an undoable Change (``read_before``/``read_after`` list
        only the items whose state actually changed). ``Library.set_read`` stays for bulk use."""
        items = list(self._items(item_ids))
        before = {i: r for i, r in self._read_state(dict.fromkeys(items, False)).items() if r != bool(read)}
        with self._db.atomic():
            self._set_read(dict.fromkeys(before, bool(read)))
        return Change(
            description="Mark read" if read else "Mark unread",
            read_before=tuple(before.items()),
            read_after=tuple((i, bool(read)) for i in before),
        )

    def _read_state(self, items: dict[int, bool]) -> dict[int, bool]:
        state: dict[int, bool] = {}
        for chunk in _chunks(list(items)):
            for r in self._db.execute(
                f"SELECT id, read FROM items WHERE id IN ({_marks(len(chunk))})", chunk
            ).fetchall():
                state[int(r[0])] = bool(r[1])
        return state

    def _set_read(self, wanted: dict[int, bool]) -> None:
        stamp = _now()
        for item_id, read in wanted.items():
            self._db.execute(
                "UPDATE items SET read = ?, read_at = ? WHERE id = ? AND read != ?",
                [int(read), stamp if read else None, item_id, int(read)],
            )

    # ------------------------------------------------------------------ orphans
    @_locked
    def place_orphan(
        self, annotation_id: int, item_id: int, *, start: int | None = None, end: int | None = None
    ) -> Change:
        """Attach an orphan to an item. A highlight goes to ``start:end`` if given, else where
        its quote is found (exactly or fuzzily), else over the whole item. A tag/star the item
        already has, or a note when the item has one (the text is appended), merges into it."""
        ann = self._annotation(annotation_id)
        if not ann.orphan:
            raise NotAnOrphanError(f"annotation {ann.id} is not an orphan (it is on item {ann.item_id})")
        iid, issue_id, headline, body, pages = self._item(item_id)
        text = item_text(headline, body)
        touched = [ann.id]
        with self._db.atomic():
            stamp = _now()
            if ann.kind == "highlight":
                if start is not None or end is not None:
                    s = 0 if start is None else int(start)
                    e = len(text) if end is None else int(end)
                    if not 0 <= s < e <= len(text):
                        raise BadRangeError(f"range {s}-{e} is outside item {iid}'s text (0-{len(text)})")
                else:
                    found = (
                        None
                        if ann.whole
                        else locate(
                            text, _Quote(ann.exact, ann.prefix, ann.suffix, ann.start or 0, ann.end or 0)
                        )
                    )
                    s, e = (found.start, found.end) if found else (0, len(text))
                q = quote_at(text, s, e)
                self._db.execute(
                    """UPDATE annotations SET item_id = ?, issue_id = ?, exact = ?, prefix = ?,
                           suffix = ?, pos_start = ?, pos_end = ?, whole = ?, pages = ?, context = '',
                           modified = ? WHERE id = ?""",
                    [
                        iid,
                        issue_id,
                        q.exact,
                        q.prefix,
                        q.suffix,
                        s,
                        e,
                        int(s == 0 and e == len(text)),
                        pages or "[]",
                        stamp,
                        ann.id,
                    ],
                )
            else:
                where = {"tag": "tag_id = ?", "star": "1 = ?", "note": "1 = ?"}[ann.kind]
                existing = self._db.execute(
                    f"""SELECT id FROM annotations WHERE kind = ? AND target = 'item' AND item_id = ?
                        AND {where}""",
                    [ann.kind, iid, ann.tag_id if ann.kind == "tag" else 1],
                ).fetchone()
                if existing is not None:
                    touched.append(int(existing[0]))
                    if ann.kind == "note":
                        self._db.execute(
                            "UPDATE annotations SET note = note || ? || ?, modified = ? WHERE id = ?",
                            ["\n\n", ann.note, stamp, int(existing[0])],
                        )
                    self._db.execute("DELETE FROM annotations WHERE id = ?", [ann.id])
                else:
                    self._db.execute(
                        """UPDATE annotations SET item_id = ?, issue_id = ?, context = '',
                               modified = ? WHERE id = ?""",
                        [iid, issue_id, stamp, ann.id],
                    )
                    if ann.kind == "star":
                        self._db.execute(
                            "UPDATE items SET starred = 1, starred_at = ? WHERE id = ? AND starred = 0",
                            [ann.created, iid],
                        )
        before = [ann] + self._fetch(touched[1:])
        return Change(tuple(before), tuple(self._fetch(touched)), description=f"Place {ann.kind}")

    # ------------------------------------------------------------------ undo / redo
    @_locked
    def revert(self, change: Change) -> Change:
        """Put every record of ``change.before`` back exactly (same id, content, timestamps) and
        delete records that only ``change.after`` has. Undo = ``revert(change)``; redo =
        ``revert(change.inverse())``. Returns the change it made (``change.inverse()`` in effect).

        An item that no longer exists (replaced by a new version meanwhile) turns a restored item
        annotation into an orphan rather than failing.
        """
        want = {a.id: a for a in change.before}
        ids = set(want) | {a.id for a in change.after}
        tag_want = {t.id: t for t in change.tags_before}
        tag_ids = set(tag_want) | {t.id for t in change.tags_after}
        current = self._fetch(ids)
        current_tags = self._fetch_tags(tag_ids)
        current_read = self._read_state(dict(change.read_before))
        try:
            with self._db.atomic():
                for tag_id in tag_want:  # free the names first: a rename may swap them
                    self._db.execute(
                        "UPDATE tags SET name = ? WHERE id = ?", [f"\x01renaming-{tag_id}", tag_id]
                    )
                for tag_id, tag in tag_want.items():
                    if self._db.execute("SELECT 1 FROM tags WHERE id = ?", [tag_id]).fetchone():
                        self._db.execute(
                            "UPDATE tags SET name = ?, created = ? WHERE id = ?",
                            [tag.name, tag.created, tag_id],
                        )
                    else:
                        self._db.execute(
                            "INSERT INTO tags (id, name, created) VALUES (?, ?, ?)",
                            [tag_id, tag.name, tag.created],
                        )
                for ann in current:
                    if ann.id not in want:
                        self._delete(ann)
                for ann in want.values():
                    self._upsert(ann)
                self._set_read(dict(change.read_before))
                for tag_id in tag_ids - set(tag_want):
                    if not self._db.execute(
                        "SELECT 1 FROM annotations WHERE tag_id = ? LIMIT 1", [tag_id]
                    ).fetchone():
                        self._db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        except sqlite3.IntegrityError as exc:
            raise UserError(
                f"cannot undo/redo {change.description or 'this change'}: "
                f"the library changed meanwhile ({exc})"
            ) from None
        return Change(
            tuple(current),
            tuple(self._fetch(ids)),
            tuple(current_tags),
            tuple(self._fetch_tags(tag_ids)),
            change.description,
            change.extra_items,
            tuple(current_read.items()),
            tuple(self._read_state(current_read).items()),
        )

    def restore(self, records: Iterable[Annotation]) -> Change:
        """Put removed annotations back with their ids (``remove`` returns them in ``before``)."""
        return self.revert(Change(before=tuple(records)))

    def _upsert(self, ann: Annotation) -> None:
        item_id = ann.item_id
        if (
            item_id is not None
            and not self._db.execute("SELECT 1 FROM items WHERE id = ?", [item_id]).fetchone()
        ):
            item_id = None
        values = {
            "id": ann.id,
            "kind": ann.kind,
            "target": ann.target,
            "item_id": item_id,
            "issue_id": ann.issue_id,
            "tag_id": ann.tag_id,
            "color": ann.color,
            "comment": ann.comment,
            "note": ann.note,
            "exact": ann.exact,
            "prefix": ann.prefix,
            "suffix": ann.suffix,
            "pos_start": ann.start,
            "pos_end": ann.end,
            "whole": int(ann.whole),
            "pages": json.dumps(list(ann.pages)),
            "context": ann.context,
            "created": ann.created,
            "modified": ann.modified,
        }
        if self._db.execute("SELECT 1 FROM annotations WHERE id = ?", [ann.id]).fetchone():
            sets = ", ".join(f"{c} = ?" for c in _WRITE_COLS[1:])
            self._db.execute(
                f"UPDATE annotations SET {sets} WHERE id = ?", [values[c] for c in _WRITE_COLS[1:]] + [ann.id]
            )
        else:
            self._db.execute(
                f"INSERT INTO annotations ({', '.join(_WRITE_COLS)}) VALUES ({_marks(len(_WRITE_COLS))})",
                [values[c] for c in _WRITE_COLS],
            )
        if ann.kind == "star" and item_id is not None:
            self._db.execute(
                "UPDATE items SET starred = 1, starred_at = ? WHERE id = ? AND starred = 0",
                [ann.created, item_id],
            )


def _find_quote(text: str, quote: str, item_id: int) -> tuple[int, int]:
    """Where ``quote`` first occurs in ``text`` (exact, then ignoring case and spacing)."""
    wanted = quote.strip()
    if not wanted:
        raise QuoteNotFoundError("empty quote: give the exact text to highlight")
    at = text.find(wanted)
    if at != -1:
        return at, at + len(wanted)
    lowered = text.lower()
    if len(lowered) == len(text):
        at = lowered.find(wanted.lower())
        if at != -1:
            return at, at + len(wanted)
    # Spacing may differ (line breaks, double spaces): match word by word.
    import re

    words = wanted.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text, flags=re.IGNORECASE)
    if match:
        return match.start(), match.end()
    shown = wanted if len(wanted) <= 60 else wanted[:57] + "..."
    raise QuoteNotFoundError(f"the text {shown!r} does not occur in item {item_id}")


def _tag_description(verb: str, n: int, noun: str, names: list[str]) -> str:
    things = f"{n} {noun}" + ("" if n == 1 else "s")
    return (
        f"{verb} {things} with {', '.join(repr(x) for x in names)}"
        if verb == "Tag"
        else (f"{verb} {', '.join(repr(x) for x in names)} from {things}")
    )
