"""What runs after an issue is stored: CJK bigrams, entity extraction, rules — for that
issue's items only, so import stays cheap.

The CPU part (bigrams, entity extraction) needs no database, so the importer runs it in the
parse WORKER (:func:`prepare_items`) and ships the result back with the parsed issue; the
library's single writer then only executes INSERTs (:func:`write_prepared`, inside the issue's
own transaction). :func:`after_store` then finds nothing left to extract for that issue and
only runs the rules (and any bigrams or entities still pending, e.g. for a new version of an
issue, which is stored without prepared data).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

PreparedItem = tuple[str, str, tuple[tuple[str, str, str, int], ...]]
"""Search data of one item, computed without the database: (CJK bigrams of the headline, CJK
bigrams of the body, entities as (kind, name, norm, mentions))."""


@dataclass
class AfterStore:
    """What :func:`after_store` did: entity links stored, rules that matched, a warning if
    something failed (the issue itself stays imported)."""

    entity_links: int = 0
    rules: list[Any] = field(default_factory=list)
    warning: str | None = None


def prepare_items(items: Sequence[tuple[str, str]]) -> tuple[PreparedItem, ...]:
    """Bigrams and entities of (headline, body) pairs: exactly what :func:`sync_cjk` and
    ``index_items_db`` would compute for new items (which have no notes yet). No database."""
    from reader.core.entities.extract import extract_counts
    from reader.core.search.cjk import grams

    out = []
    for headline, body in items:
        found = extract_counts(f"{headline}\n{body}")
        out.append(
            (
                grams(headline),
                grams(f"{body}\n"),
                tuple((e.kind, e.name, e.norm, n) for e, n in found.items()),
            )
        )
    return tuple(out)


_INSERT_ENTITY = "INSERT OR IGNORE INTO entities (kind, name, norm) VALUES (?, ?, ?)"
_INSERT_LINK = (
    "INSERT INTO item_entities (entity_id, item_id, mentions)"
    " SELECT id, ?, ? FROM entities WHERE kind = ? AND norm = ?"
)
_CLEAN_CJK = "DELETE FROM cjk_dirty WHERE item_id IN (SELECT id FROM items WHERE issue_id = ?)"
_CLEAN_ENTITIES = "DELETE FROM entity_dirty WHERE item_id IN (SELECT id FROM items WHERE issue_id = ?)"


def write_prepared(
    db: Any, issue_id: int, item_ids: Sequence[int], prepared: Sequence[tuple[Any, ...]]
) -> int:
    """Store entities of a new issue's items (their bigrams went in with the items) and clear
    them from the dirty lists; runs inside the caller's transaction. Returns entity links.

    ``prepared[i]`` ends with the entities of a :data:`PreparedItem` (earlier fields are the
    caller's: the library's per-item row data)."""
    names: dict[tuple[str, str], str] = {}
    links = []
    for item_id, data in zip(item_ids, prepared, strict=True):
        for kind, name, norm, mentions in data[-1]:
            names[(kind, norm)] = name
            links.append((item_id, mentions, kind, norm))
    conn = db.conn
    if names:
        conn.executemany(_INSERT_ENTITY, [(k, name, n) for (k, n), name in names.items()])
        conn.executemany(_INSERT_LINK, links)
    conn.execute(_CLEAN_CJK, (issue_id,))
    conn.execute(_CLEAN_ENTITIES, (issue_id,))
    return len(links)


def after_store(lib: Any, issue_id: int, *, entities: bool = True, rules: bool = True) -> AfterStore:
    """Index and apply rules to the items of a freshly stored issue. Never raises.

    Items whose entities were stored with them (:func:`write_prepared`) are not extracted
    again; pending bigrams anywhere are computed (as before every search).
    """
    from reader.core.entities.store import index_items_db
    from reader.core.search.engine import _cjk_waiting, _db, _ensure_synced
    from reader.core.search.rules import apply_rules

    result = AfterStore()
    try:
        with _db(lib) as db:
            execute = db.conn.execute
            cjk_pending = _cjk_waiting(db)  # as a search would (a background catch-up does the rest)
            pending = (
                [
                    int(r[0])
                    for r in execute(
                        "SELECT d.item_id FROM items it JOIN entity_dirty d ON d.item_id = it.id"
                        " WHERE it.issue_id = ?",
                        (int(issue_id),),
                    ).fetchall()
                ]
                if entities
                else []
            )
            if cjk_pending or pending:
                with db.atomic():  # one transaction: bigrams and entities of the new items
                    if cjk_pending:
                        _ensure_synced(db)
                    if pending:
                        # as before: every item of the issue (re-extraction is idempotent)
                        ids = [
                            int(r[0])
                            for r in execute("SELECT id FROM items WHERE issue_id = ?", (int(issue_id),))
                        ]
                        result.entity_links = index_items_db(db, ids)
            has_rules = (
                rules and execute("SELECT 1 FROM rules WHERE enabled = 1 LIMIT 1").fetchone() is not None
            )
            ids = (
                [int(r[0]) for r in execute("SELECT id FROM items WHERE issue_id = ?", (int(issue_id),))]
                if has_rules
                else []
            )
        if ids:
            result.rules = apply_rules(lib, ids)
    except Exception as exc:  # noqa: BLE001 - indexing is a nicety; the issue is stored
        log.warning("indexing issue %s failed: %s", issue_id, exc)
        result.warning = f"search indexing failed: {' '.join(str(exc).split())[:200]}"
    return result
