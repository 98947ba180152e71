"""Entities in the library: extraction results stored per item, facets with counts.

Tables (migration 0005): ``entities`` (kind, name, norm, item_count kept by triggers),
``item_entities`` (entity_id, item_id, mentions) and ``entity_dirty`` (items added or edited
since their entities were last extracted; triggers fill it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.entities.extract import extract_counts
from reader.core.entities.names import KINDS, normalise_name
from reader.core.errors import UserError
from reader.core.search.engine import _db

_CHUNK = 500


@dataclass(frozen=True)
class EntityCount:
    """One facet entry: an entity and how many items mention it."""

    id: int
    kind: str
    name: str
    norm: str
    item_count: int

    @property
    def query(self) -> str:
        """The query string that filters by this entity (``entity:"Name"``)."""
        return 'entity:"' + self.name.replace('"', "") + '"'

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name, "items": self.item_count}


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise UserError(f"unknown entity kind {kind!r}: use one of {', '.join(KINDS)}")


def index_items_db(db: Any, item_ids: Sequence[int]) -> int:
    """(Re-)extract entities of ``item_ids`` inside the caller's transaction; return entity links."""
    cache: dict[tuple[str, str], int] = {}
    links = 0
    for start in range(0, len(item_ids), _CHUNK):
        chunk = [int(i) for i in item_ids[start : start + _CHUNK]]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM item_entities WHERE item_id IN ({marks})", chunk)
        rows = db.execute(f"SELECT id, headline, body FROM items WHERE id IN ({marks})", chunk).fetchall()
        extracted = [
            (int(item_id), extract_counts(f"{headline}\n{body}")) for item_id, headline, body in rows
        ]
        wanted = {(e.kind, e.norm): e.name for _, found in extracted for e in found}
        missing = [key for key in wanted if key not in cache]
        if missing:
            db.conn.executemany(
                "INSERT OR IGNORE INTO entities (kind, name, norm) VALUES (?, ?, ?)",
                [(kind, wanted[(kind, norm)], norm) for kind, norm in missing],
            )
            norms = sorted({norm for _, norm in missing})
            for start_n in range(0, len(norms), _CHUNK):
                part = norms[start_n : start_n + _CHUNK]
                for eid, kind, norm in db.execute(
                    f"SELECT id, kind, norm FROM entities WHERE norm IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall():
                    cache[(kind, norm)] = int(eid)
        batch = [
            (cache[(e.kind, e.norm)], item_id, mentions)
            for item_id, found in extracted
            for e, mentions in found.items()
        ]
        db.conn.executemany(
            "INSERT INTO item_entities (entity_id, item_id, mentions) VALUES (?, ?, ?)", batch
        )
        links += len(batch)
        db.execute(f"DELETE FROM entity_dirty WHERE item_id IN ({marks})", chunk)
    return links


def index_items(lib: Any, item_ids: Iterable[int]) -> int:
    """Extract and store the entities of ``item_ids`` (one transaction); return links stored."""
    ids = [int(i) for i in item_ids]
    with _db(lib) as db, db.atomic():
        return index_items_db(db, ids)


def index_pending(lib: Any, *, limit: int | None = None) -> int:
    """Extract entities for items added or edited since the last extraction; return how many."""
    with _db(lib) as db:
        sql = "SELECT item_id FROM entity_dirty ORDER BY item_id"
        ids = [int(r[0]) for r in db.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()]
        if ids:
            with db.atomic():
                index_items_db(db, ids)
        return len(ids)


def reindex(lib: Any, *, progress: Callable[[int, int], None] | None = None, batch: int = 2000) -> int:
    """Re-run extraction over every item (after a better extractor or gazetteer); return items.

    Works in batches of ``batch`` items, each its own transaction, so the window can keep
    reading meanwhile; unused entities are removed at the end.
    """
    with _db(lib) as db:
        ids = [int(r[0]) for r in db.execute("SELECT id FROM items ORDER BY id").fetchall()]
    total = len(ids)
    for start in range(0, total, batch):
        with _db(lib) as db, db.atomic():
            index_items_db(db, ids[start : start + batch])
        if progress is not None:
            progress(min(start + batch, total), total)
    with _db(lib) as db, db.atomic():
        db.execute("DELETE FROM entities WHERE item_count <= 0")
        db.execute("DELETE FROM entity_dirty")
    return total


def facets(
    lib: Any,
    kind: str | None = None,
    *,
    limit: int | None = 50,
    query: str | None = None,
    min_items: int = 1,
) -> list[EntityCount]:
    """Entities with how many items mention them, most mentioned first (the sidebar's facets).

    With ``query``, counts only the items matching it (facets of a search result).
    """
    _check_kind(kind)
    lim = -1 if limit is None else int(limit)
    kind_sql = "AND e.kind = ?" if kind else ""
    kind_params = [kind] if kind else []
    if query is None:
        with _db(lib) as db:
            rows = db.execute(
                f"""SELECT e.id, e.kind, e.name, e.norm, e.item_count FROM entities e
                    WHERE e.item_count >= ? {kind_sql}
                    ORDER BY e.item_count DESC, e.norm LIMIT ?""",
                [min_items, *kind_params, lim],
            ).fetchall()
    else:
        from reader.core.search.engine import _as_query, id_subquery

        q = _as_query(query, None)
        with _db(lib, q.text) as db:
            sub, params = id_subquery(db, q)
            rows = db.execute(
                f"""SELECT e.id, e.kind, e.name, e.norm, count(*) AS n
                    FROM ({sub}) m CROSS JOIN item_entities ie ON ie.item_id = m.id
                    CROSS JOIN entities e ON e.id = ie.entity_id
                    WHERE 1 {kind_sql} GROUP BY e.id HAVING n >= ?
                    ORDER BY n DESC, e.norm LIMIT ?""",
                [*params, *kind_params, min_items, lim],
            ).fetchall()
    return [EntityCount(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


def item_entities(lib: Any, item_id: int) -> list[EntityCount]:
    """Entities mentioned by one item (most mentioned in the library first)."""
    with _db(lib) as db:
        rows = db.execute(
            """SELECT e.id, e.kind, e.name, e.norm, e.item_count FROM item_entities ie
               JOIN entities e ON e.id = ie.entity_id WHERE ie.item_id = ?
               ORDER BY e.kind, e.item_count DESC, e.norm""",
            [int(item_id)],
        ).fetchall()
    return [EntityCount(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


def find_entities(lib: Any, name: str, kind: str | None = None) -> list[EntityCount]:
    """Entities whose normalised name equals ``name``'s (any kind unless given)."""
    _check_kind(kind)
    norm = normalise_name(name)
    with _db(lib) as db:
        rows = db.execute(
            "SELECT id, kind, name, norm, item_count FROM entities WHERE norm = ?"
            + (" AND kind = ?" if kind else "")
            + " ORDER BY item_count DESC",
            [norm, *([kind] if kind else [])],
        ).fetchall()
    return [EntityCount(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


def pending_count(lib: Any) -> int:
    """Items waiting for extraction (e.g. after upgrading a library made before issue 6)."""
    with _db(lib) as db:
        return int(db.execute("SELECT count(*) FROM entity_dirty").fetchone()[0])
