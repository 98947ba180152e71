"""Threads across issues: related items, an entity's or topic's timeline.

``related(item)`` scores items of OTHER issues by what they share with the item:
- entities (people, organisations, places; dates and sums count little), each weighted by
  its rarity, idf = log(N / items mentioning it);
- rare words: the item's words get their document frequency from a bounded FTS5 count (words
  in more than 5% or 1,000 items are dropped), the ten with the best tf-idf become an OR query
  whose BM25 scores the candidates. Entities in more than 5% of items are skipped too.
Both parts are normalised to 0..1 and added (entities weigh 0.6, words 0.4).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reader.core.entities.names import normalise_name
from reader.core.errors import NotFoundError
from reader.core.search.engine import ItemHit, SearchResults, _db, _ensure_synced, _item_hits, search
from reader.core.search.language import Query, parse_query

_KIND_WEIGHT = {"person": 1.0, "org": 1.0, "place": 0.6, "money": 0.3, "date": 0.2}
_WORD = re.compile(r"[^\W\d_]{4,}")
_MAX_ENTITIES = 12
_MAX_TERMS = 10
_CANDIDATES = 200
_MAX_LOOKUPS = 40  # distinct words of an item whose frequency is looked up
_PER_ENTITY = 500  # items fetched per shared entity
_STOP = frozenset(
    "that this with from have been were will would could should their there which about after "
    "before other while where these those than them they into also more most over under said "
    "says year years last next first second third such some many much each only very just".split()
)


@dataclass(frozen=True)
class RelatedHit:
    """An item related to another: the hit, a 0..2 score and the entities they share."""

    hit: ItemHit
    score: float
    shared: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {**self.hit.to_json(), "score": round(self.score, 4), "shared": list(self.shared)}


def _fold(word: str) -> str:
    return normalise_name(word)


def related(lib: Any, item_id: int, limit: int = 10) -> list[RelatedHit]:
    """Items from other issues sharing entities and rare words with ``item_id``, best first."""
    with _db(lib) as db:
        _ensure_synced(db)
        row = db.execute("SELECT issue_id, headline, body FROM items WHERE id = ?", [int(item_id)]).fetchone()
        if row is None:
            raise NotFoundError(f"no item with id {item_id}")
        issue_id, headline, body = int(row[0]), row[1], row[2]
        total = max(1, int(db.execute("SELECT max(id) FROM items").fetchone()[0] or 1))
        entity_scores, shared = _by_entities(db, int(item_id), issue_id, total)
        term_scores = _by_terms(db, f"{headline}\n{body}", issue_id, total)
        scores: defaultdict[int, float] = defaultdict(float)
        for cand, s in _normalised(entity_scores).items():
            scores[cand] += 0.6 * s
        for cand, s in _normalised(term_scores).items():
            scores[cand] += 0.4 * s
        scores.pop(int(item_id), None)
        best = heapq.nlargest(max(0, int(limit)), scores.items(), key=lambda kv: kv[1])
        hits = {
            h.item_id: h
            for h in _item_hits(db, [(i, -s) for i, s in best], None, Query("", None), ("[", "]"))
        }
    return [RelatedHit(hits[i], s, tuple(shared.get(i, ()))) for i, s in best if i in hits]


def _normalised(scores: dict[int, float]) -> dict[int, float]:
    if not scores:
        return {}
    top = max(scores.values())
    return {k: v / top for k, v in scores.items()} if top > 0 else {}


def _by_entities(
    db: Any, item_id: int, issue_id: int, total: int
) -> tuple[dict[int, float], dict[int, list[str]]]:
    ents = db.execute(
        """SELECT e.id, e.kind, e.name, e.item_count FROM item_entities ie
           JOIN entities e ON e.id = ie.entity_id
           WHERE ie.item_id = ? AND e.item_count > 1 AND e.item_count <= ?""",
        [item_id, max(2, total // 20)],
    ).fetchall()
    weighted = sorted(
        (
            (int(eid), name, _KIND_WEIGHT.get(kind, 0.5) * math.log(total / max(1, n)), int(n))
            for eid, kind, name, n in ents
        ),
        key=lambda t: -t[2],
    )[:_MAX_ENTITIES]
    scores: defaultdict[int, float] = defaultdict(float)
    shared: dict[int, list[str]] = {}
    for eid, name, weight, _n in weighted:
        if weight <= 0:
            continue
        rows = db.execute(
            """SELECT ie.item_id FROM item_entities ie JOIN items it ON it.id = ie.item_id
               WHERE ie.entity_id = ? AND it.issue_id != ? LIMIT ?""",
            [eid, issue_id, _PER_ENTITY],
        ).fetchall()
        for (cand,) in rows:
            scores[int(cand)] += weight
            shared.setdefault(int(cand), []).append(name)
    return dict(scores), shared


def _by_terms(db: Any, text: str, issue_id: int, total: int) -> dict[int, float]:
    words = Counter(_fold(w) for w in _WORD.findall(text))
    for stop in _STOP:
        words.pop(stop, None)
    if not words:
        return {}
    cap = max(2, min(total // 20, 1000))  # a word in >5% (or >1,000) of items says little
    df: dict[str, int] = {}
    for term in sorted(words, key=len, reverse=True)[:_MAX_LOOKUPS]:
        # a bounded count: cheap for common words (stops at cap + 1), exact for rare ones
        # (fts5vocab lookups cost as much as the word's whole doclist)
        df[term] = int(
            db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM items_fts WHERE items_fts MATCH ? LIMIT ?)",
                ['"' + term.replace('"', '""') + '"', cap + 1],
            ).fetchone()[0]
        )
    ranked = sorted(
        ((tf * math.log(total / df[t]), t) for t, tf in words.items() if 1 < df.get(t, 0) <= cap),
        reverse=True,
    )[:_MAX_TERMS]
    if not ranked:
        return {}
    match = " OR ".join('"' + t.replace('"', '""') + '"' for _, t in ranked)
    rows = db.execute(
        """SELECT f.rowid, f.rank FROM items_fts f WHERE items_fts MATCH ?
           ORDER BY f.rank LIMIT ?""",
        [match, _CANDIDATES],
    ).fetchall()
    ids = [int(r[0]) for r in rows]
    same = set()
    if ids:
        same = {
            int(r[0])
            for r in db.execute(
                f"SELECT id FROM items WHERE issue_id = ? AND id IN ({','.join('?' * len(ids))})",
                [issue_id, *ids],
            ).fetchall()
        }
    return {int(r[0]): -float(r[1]) for r in rows if int(r[0]) not in same}


def timeline(
    lib: Any, what: str, *, limit: int | None = None, now: datetime | date | None = None
) -> SearchResults:
    """Items about one entity (by name) or matching a query, oldest issue first.

    ``what`` naming a known entity ("Fiona Calloway", "佐藤 健") becomes ``entity:"..."``;
    anything else is read as a query (``timeline("chip* sort:oldest")``).
    """
    from reader.core.entities.store import find_entities

    text = " ".join(str(what).split())
    if text and find_entities(lib, text):
        q = parse_query('entity:"' + text.replace('"', "") + '" sort:oldest', now=now)
    else:
        parsed = parse_query(text, now=now)
        q = Query(parsed.text, parsed.root, parsed.kind, parsed.sort or "oldest", parsed.terms)
    return search(lib, q, limit=limit, now=now)
