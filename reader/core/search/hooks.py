"""What runs after an issue is stored: CJK bigrams, entity extraction, rules — for that
issue's items only, so import stays cheap (a few milliseconds per issue)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from reader.core.search.engine import _db, sync_cjk

log = logging.getLogger(__name__)


@dataclass
class AfterStore:
    """What :func:`after_store` did: entity links stored, rules that matched, a warning if
    something failed (the issue itself stays imported)."""

    entity_links: int = 0
    rules: list[Any] = field(default_factory=list)
    warning: str | None = None


def after_store(lib: Any, issue_id: int, *, entities: bool = True, rules: bool = True) -> AfterStore:
    """Index and apply rules to the items of a freshly stored issue. Never raises."""
    from reader.core.entities.store import index_items_db
    from reader.core.search.rules import apply_rules

    result = AfterStore()
    try:
        with _db(lib) as db:
            ids = [
                int(r[0])
                for r in db.execute("SELECT id FROM items WHERE issue_id = ?", [int(issue_id)]).fetchall()
            ]
            with db.atomic():  # one transaction: bigrams and entities of the new items
                sync_cjk(db)
                if entities and ids:
                    result.entity_links = index_items_db(db, ids)
        if rules and ids:
            result.rules = apply_rules(lib, ids)
    except Exception as exc:  # noqa: BLE001 - indexing is a nicety; the issue is stored
        log.warning("indexing issue %s failed: %s", issue_id, exc)
        result.warning = f"search indexing failed: {' '.join(str(exc).split())[:200]}"
    return result
