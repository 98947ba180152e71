"""Saved searches: named queries stored in the library, ordered, with live counts; followed
topics and "new since you last looked".

"New" is defined by import time: :func:`news` returns the items matching a followed search
whose issue was imported after the search's ``seen_at`` (set when it is followed, and moved
forward by :func:`mark_seen`, i.e. when the user has looked). Issue dates are not used: a
late-arriving back issue is still news to the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import NotFoundError, QueryError, UserError
from reader.core.search.engine import ItemHit, _db, count, search
from reader.core.search.language import Query, parse_query

MAX_NAME = 200


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    position: int
    followed: bool
    seen_at: str | None
    created: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "query": self.query,
            "position": self.position,
            "followed": self.followed,
            "seen_at": self.seen_at,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(r: Any) -> SavedSearch:
    return SavedSearch(int(r[0]), r[1], r[2], int(r[3]), bool(r[4]), r[5], r[6])


_COLS = "id, name, query, position, followed, seen_at, created"


def _clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise UserError("a saved search needs a name")
    if len(text) > MAX_NAME:
        raise UserError(f"name is too long ({len(text)} characters, at most {MAX_NAME})")
    return text


def _check_query(query: str) -> str:
    parse_query(query)  # QueryError with the reason
    return query.strip()


def _by_name(db: Any, name: str, exclude: int | None = None) -> Any:
    """The row named ``name``, compared case-insensitively in any script (SQLite's NOCASE
    only folds ASCII)."""
    wanted = " ".join(name.split()).casefold()
    for row in db.execute(f"SELECT {_COLS} FROM saved_searches").fetchall():
        if row[1].casefold() == wanted and row[0] != exclude:
            return row
    return None


def list_saved(lib: Any) -> list[SavedSearch]:
    """Saved searches in their sidebar order."""
    with _db(lib) as db:
        rows = db.execute(f"SELECT {_COLS} FROM saved_searches ORDER BY position, id").fetchall()
    return [_row(r) for r in rows]


def get_saved(lib: Any, ref: int | str) -> SavedSearch:
    """A saved search by id or by name (case-insensitive); NotFoundError otherwise."""
    with _db(lib) as db:
        row = None
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            row = db.execute(f"SELECT {_COLS} FROM saved_searches WHERE id = ?", [int(ref)]).fetchone()
        if row is None:
            row = _by_name(db, str(ref))
    if row is None:
        raise NotFoundError(f"no saved search {str(ref)!r}")
    return _row(row)


def add_saved(
    lib: Any, name: str, query: str, *, position: int | None = None, followed: bool = False
) -> SavedSearch:
    """Save ``query`` under ``name`` (at the end, or at ``position``); the query must parse."""
    clean = _clean_name(name)
    text = _check_query(query)
    with _db(lib) as db, db.atomic():
        if _by_name(db, clean) is not None:
            raise UserError(f"a saved search named {clean!r} exists already")
        end = int(db.execute("SELECT coalesce(max(position), -1) + 1 FROM saved_searches").fetchone()[0])
        cur = db.execute(
            "INSERT INTO saved_searches (name, query, position, followed, seen_at, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [clean, text, end, int(followed), _now() if followed else None, _now()],
        )
        new_id = int(cur.lastrowid)
        if position is not None:
            _move(db, new_id, position)
    return get_saved(lib, new_id)


def rename_saved(lib: Any, ref: int | str, new_name: str) -> SavedSearch:
    saved = get_saved(lib, ref)
    clean = _clean_name(new_name)
    with _db(lib) as db, db.atomic():
        if _by_name(db, clean, exclude=saved.id) is not None:
            raise UserError(f"a saved search named {clean!r} exists already")
        db.execute("UPDATE saved_searches SET name = ? WHERE id = ?", [clean, saved.id])
    return get_saved(lib, saved.id)


def update_saved(lib: Any, ref: int | str, query: str) -> SavedSearch:
    """Replace the query of a saved search (it must parse)."""
    saved = get_saved(lib, ref)
    text = _check_query(query)
    with _db(lib) as db, db.atomic():
        db.execute("UPDATE saved_searches SET query = ? WHERE id = ?", [text, saved.id])
    return get_saved(lib, saved.id)


def _move(db: Any, saved_id: int, position: int) -> None:
    ids = [int(r[0]) for r in db.execute("SELECT id FROM saved_searches ORDER BY position, id").fetchall()]
    ids.remove(saved_id)
    pos = max(0, min(int(position), len(ids)))
    ids.insert(pos, saved_id)
    for k, i in enumerate(ids):
        db.execute("UPDATE saved_searches SET position = ? WHERE id = ? AND position != ?", [k, i, k])


def move_saved(lib: Any, ref: int | str, position: int) -> list[SavedSearch]:
    """Move a saved search to ``position`` (0 = first); returns the new order."""
    saved = get_saved(lib, ref)
    with _db(lib) as db, db.atomic():
        _move(db, saved.id, position)
    return list_saved(lib)


def delete_saved(lib: Any, ref: int | str) -> SavedSearch:
    """Delete a saved search; returns what was deleted (for undo: add_saved it back)."""
    saved = get_saved(lib, ref)
    with _db(lib) as db, db.atomic():
        db.execute("DELETE FROM saved_searches WHERE id = ?", [saved.id])
        rest = [int(r[0]) for r in db.execute("SELECT id FROM saved_searches ORDER BY position, id")]
        for k, i in enumerate(rest):
            db.execute("UPDATE saved_searches SET position = ? WHERE id = ?", [k, i])
    return saved


def saved_counts(lib: Any, *, now: Any = None) -> dict[int, int | None]:
    """Live counts for every saved search, by id (None when its query no longer parses)."""
    out: dict[int, int | None] = {}
    for saved in list_saved(lib):
        try:
            out[saved.id] = count(lib, saved.query, now=now)
        except QueryError:
            out[saved.id] = None
    return out


# -- following ---------------------------------------------------------------------------------
def follow(lib: Any, ref: int | str, followed: bool = True) -> SavedSearch:
    """Flag a saved search as followed (news starts from now) or stop following it."""
    saved = get_saved(lib, ref)
    with _db(lib) as db, db.atomic():
        db.execute(
            "UPDATE saved_searches SET followed = ?, seen_at = ? WHERE id = ?",
            [int(followed), (saved.seen_at or _now()) if followed else saved.seen_at, saved.id],
        )
    return get_saved(lib, saved.id)


def mark_seen(lib: Any, ref: int | str, when: str | None = None) -> SavedSearch:
    """Record that the user has seen the news of a followed search (up to ``when``, default now)."""
    saved = get_saved(lib, ref)
    with _db(lib) as db, db.atomic():
        db.execute("UPDATE saved_searches SET seen_at = ? WHERE id = ?", [when or _now(), saved.id])
    return get_saved(lib, saved.id)


@dataclass(frozen=True)
class News:
    saved: SavedSearch
    since: str | None
    hits: tuple[ItemHit, ...]


def news(
    lib: Any, ref: int | str | None = None, *, since: str | None = None, limit: int | None = 200
) -> list[News]:
    """Items matching followed searches (or the one named) from issues imported after it was
    last seen (``since`` overrides, ISO time or date). Newest issue first."""
    targets = [get_saved(lib, ref)] if ref is not None else [s for s in list_saved(lib) if s.followed]
    out: list[News] = []
    for saved in targets:
        start = since or saved.seen_at
        try:
            q = parse_query(saved.query)
        except QueryError:
            continue
        q = Query(q.text, q.root, q.kind, q.sort or "date", q.terms)  # newest issue first
        res = search(lib, q, limit=None)
        ids = [h.item_id for h in res.hits]
        fresh = _imported_after(lib, ids, start)
        hits = [h for h in res.hits if isinstance(h, ItemHit) and h.item_id in fresh]
        out.append(News(saved, start, tuple(hits[: limit if limit is not None else None])))
    return out


def _imported_after(lib: Any, ids: list[int], since: str | None) -> set[int]:
    if since is None:
        return set(ids)
    found: set[int] = set()
    with _db(lib) as db:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = db.execute(
                f"""SELECT it.id FROM items it JOIN issues i ON i.id = it.issue_id
                    WHERE it.id IN ({",".join("?" * len(chunk))}) AND i.imported_at >= ?""",
                [*chunk, since],
            ).fetchall()
            found.update(int(r[0]) for r in rows)
    return found
