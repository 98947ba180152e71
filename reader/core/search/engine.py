"""Run a query against a library: ranked item hits, highlight hits, counts, id lists.

Plan, in short: the positive text of the query's top-level AND becomes one FTS5 MATCH whose
``rank`` (BM25, headline weighted 10x body, configured in migration 0005) orders the hits
with ``ORDER BY rank LIMIT`` (FTS5's optimised path); filters become SQL conditions joined
only when present. Details and snippets are fetched for the page of winners only.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from reader.core.errors import LibraryError, QueryError
from reader.core.search import cjk
from reader.core.search.language import And, Not, Or, Query, Term, parse_query
from reader.core.search.sql import Compiler, split_top

NEWEST = "(i.date IS NULL), i.date DESC, i.volume DESC, i.number DESC, i.id DESC"
OLDEST = "(i.date IS NULL), i.date ASC, i.volume ASC, i.number ASC, i.id ASC"
_CHUNK = 500
_SNIPPET_TOKENS = 16
# BM25 weights per items_fts column: headline, body, notes, CJK headline, CJK rest (the
# same as the table's configured rank; the explicit function call measured faster here).
BM25 = "bm25(items_fts, 10.0, 1.0, 2.0, 10.0, 1.0)"
RANK_WINDOW = 5000  # rank at most this many (newest) matches of a very common query
FILTER_SET = 20000  # filters leaving at most this many items are applied first


@dataclass(frozen=True)
class ItemHit:
    """One item found. ``rank``: BM25 (lower is better; 0.0 when not ranked by text)."""

    item_id: int
    issue_id: int
    series: str
    label: str
    date: str | None
    headline: str
    snippet: str
    rank: float
    read: bool
    starred: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class HighlightHit:
    """One highlight found (``type:highlights``)."""

    annotation_id: int
    item_id: int
    issue_id: int
    series: str
    label: str
    date: str | None
    headline: str
    color: str
    exact: str
    comment: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchResults:
    """Hits of one page. ``kind`` is "items" (ItemHit) or "highlights" (HighlightHit)."""

    query: Query
    kind: str
    hits: tuple[ItemHit | HighlightHit, ...]

    @property
    def item_ids(self) -> list[int]:
        return list(dict.fromkeys(h.item_id for h in self.hits))

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[ItemHit | HighlightHit]:
        return iter(self.hits)


# -- plumbing ----------------------------------------------------------------------------------
@contextmanager
def _db(lib: Any, text: str = "") -> Iterator[Any]:
    """The library's connection under its lock; FTS syntax errors -> QueryError, others ->
    LibraryError (one line each)."""
    with lib._lock:
        if lib._db is None:
            raise LibraryError("the library is closed")
        try:
            yield lib._db
        except sqlite3.OperationalError as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "fts5" in msg or "MATCH" in msg or "syntax" in msg:
                raise QueryError(f"cannot search for {' '.join(text.split())[:60]!r}: {msg}") from None
            raise LibraryError(f"library database error: {msg}") from None
        except sqlite3.Error as exc:
            raise LibraryError(f"library database error: {str(exc).splitlines()[0]}") from None


def _as_query(query: str | Query, now: datetime | date | None) -> Query:
    return query if isinstance(query, Query) else parse_query(query, now=now)


def sync_cjk(db: Any, *, batch: int = 2000, limit: int | None = None) -> int:
    """Compute bigram columns for items listed in ``cjk_dirty``; return how many were checked.

    Called before every search (a no-op costing one indexed lookup when nothing changed) and
    after each import, so edits made anywhere (imports, new versions, notes) are found.
    ``limit`` stops after at most that many items (a batch at a time); None does them all.
    """
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        rows = db.execute(
            """SELECT d.item_id, it.headline, it.body, it.annotation_text, it.cjk_head, it.cjk_rest
               FROM cjk_dirty d LEFT JOIN items it ON it.id = d.item_id LIMIT ?""",
            [size],
        ).fetchall()
        if not rows:
            return done
        with db.atomic():
            for item_id, headline, body, notes, old_head, old_rest in rows:
                if headline is not None:
                    head = cjk.grams(headline)
                    rest = cjk.grams(f"{body}\n{notes}")
                    if head != old_head or rest != old_rest:
                        db.execute(
                            "UPDATE items SET cjk_head = ?, cjk_rest = ? WHERE id = ?",
                            [head, rest, item_id],
                        )
            ids = [r[0] for r in rows]
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                db.execute(f"DELETE FROM cjk_dirty WHERE item_id IN ({','.join('?' * len(chunk))})", chunk)
        done += len(rows)
    return done


def cjk_pending(lib: Any) -> int:
    """How many items wait for their CJK bigrams (many only in a library upgraded from
    before they existed)."""
    with _db(lib) as db:
        return int(db.execute("SELECT count(*) FROM cjk_dirty").fetchone()[0])


def catch_up_cjk(lib: Any, batch: int = 500) -> int:
    """Compute the bigrams of up to ``batch`` waiting items (one transaction, under the
    library's lock, so safe from a worker thread); return how many still wait."""
    with _db(lib) as db:
        sync_cjk(db, batch=batch, limit=batch)
        return int(db.execute("SELECT count(*) FROM cjk_dirty").fetchone()[0])


def _cjk_waiting(db: Any) -> bool:
    """True when items wait for bigrams and searches may compute them now (not while a
    background catch-up has set ``search_sync_limit`` to 0)."""
    if getattr(db, "search_sync_limit", None) == 0:
        return False
    return db.execute("SELECT 1 FROM cjk_dirty LIMIT 1").fetchone() is not None


def _ensure_synced(db: Any) -> None:
    if _cjk_waiting(db):
        sync_cjk(db, limit=getattr(db, "search_sync_limit", None))


# -- items -------------------------------------------------------------------------------------
def _item_plan(q: Query, series_id: int | None) -> tuple[str | None, str, list[Any]]:
    """(FTS match or None, SQL conditions ("" for none), params)."""
    match, rest = split_top(q.root)
    compiler = Compiler("items")
    conds: list[str] = []
    params: list[Any] = []
    for node in rest:
        sql, p = compiler.where(node)
        conds.append(f"({sql})")
        params.extend(p)
    if series_id is not None:
        conds.append("i.series_id = ?")
        params.append(int(series_id))
    return match, " AND ".join(conds), params


def search(
    lib: Any,
    query: str | Query,
    *,
    limit: int | None = 50,
    offset: int = 0,
    now: datetime | date | None = None,
    marks: tuple[str, str] = ("[", "]"),
    series_id: int | None = None,
    with_snippets: bool = True,
    with_details: bool = True,
) -> SearchResults:
    """Run ``query`` (text or a parsed :class:`Query`) and return one page of hits.

    Items: by BM25 when the query has words (``sort:date`` / ``sort:oldest`` to change),
    else newest issue first. ``type:highlights``: highlights, newest issue first, in text
    order. ``limit=None`` returns everything. Raises :class:`QueryError` for a bad query.
    ``with_snippets=False`` skips snippets; ``with_details=False`` returns item hits holding
    only ``item_id`` and ``rank`` (fast id lists for export, rules, bulk actions).
    """
    q = _as_query(query, now)
    lim = -1 if limit is None else max(0, int(limit))
    with _db(lib, q.text) as db:
        if q.kind == "highlights":
            return SearchResults(q, "highlights", tuple(_highlights(db, q, lim, offset, series_id)))
        _ensure_synced(db)
        match, where, params = _item_plan(q, series_id)
        sort = q.sort or ("rank" if match else "date")
        if lim == 0:
            return SearchResults(q, "items", ())
        if match and sort == "rank":
            rows = _ranked(db, match, where, params, lim, int(offset))
            ranked = [(int(r[0]), float(r[1])) for r in rows]
        else:
            conds = [where] if where else []
            p: list[Any] = []
            if match:
                conds.insert(0, "it.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
                p.append(match)
            p.extend(params)
            order = OLDEST if sort == "oldest" else NEWEST
            direction = "ASC" if sort == "oldest" else ""
            rows = db.execute(
                f"""SELECT it.id FROM issues i CROSS JOIN items it ON it.issue_id = i.id
                    {"WHERE " + " AND ".join(conds) if conds else ""}
                    ORDER BY {order}, it.position {direction} LIMIT ? OFFSET ?""",
                [*p, lim, int(offset)],
            ).fetchall()
            ranked = [(int(r[0]), 0.0) for r in rows]
        if not with_details:
            return SearchResults(q, "items", tuple(_bare(i, r) for i, r in ranked))
        hits = _item_hits(db, ranked, match, q, marks, with_snippets)
    return SearchResults(q, "items", tuple(hits))


def _bare(item_id: int, rank: float) -> ItemHit:
    return ItemHit(item_id, 0, "", "", None, "", "", rank, False, False)


def _ranked(
    db: Any, match: str, where: str, params: list[Any], lim: int, offset: int
) -> list[tuple[int, float]]:
    """Best BM25 matches, planned so that no query ranks a huge match set.

    - Filters first: when they leave at most FILTER_SET items (the usual case: a tag, a
      series, a date range), their ids go into a temp table that the FTS scan joins
      (FTS outer loop; BM25 only for rows that pass).
    - Broad or no filters: when more than RANK_WINDOW items match, only the RANK_WINDOW most
      recently imported matches are ranked (found by a rowid cut-off, which FTS5 seeks to
      directly). Without this a term in most items took 100-200 ms; with it, ~20 ms.
    Deep pages (offset + limit beyond the window) rank everything.
    """
    want = lim if lim >= 0 else None
    deep = want is None or offset + want > RANK_WINDOW // 2
    if where:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS search_ids (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp.search_ids")
        db.execute(
            f"""INSERT INTO temp.search_ids
                SELECT it.id FROM items it JOIN issues i ON i.id = it.issue_id
                WHERE {where} LIMIT {FILTER_SET + 1}""",
            params,
        )
        n = int(db.execute("SELECT count(*) FROM temp.search_ids").fetchone()[0])
        try:
            if n == 0:
                return []
            if n <= FILTER_SET:
                rows = db.execute(
                    f"""SELECT f.rowid, {BM25} AS score FROM items_fts f
                        CROSS JOIN temp.search_ids t ON t.id = f.rowid
                        WHERE items_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?""",
                    [match, lim, offset],
                ).fetchall()
                return [(int(r[0]), float(r[1])) for r in rows]
        finally:
            db.execute("DELETE FROM temp.search_ids")
        # broad filters: rank the newest matches that pass them, widening when too few do
        window = None if deep else RANK_WINDOW
        rows = _ranked_join(db, match, where, params, lim, offset, window)
        if window is not None and len(rows) < (want or 0):
            rows = _ranked_join(db, match, where, params, lim, offset, None)
        return rows
    cut = None
    if not deep:
        row = db.execute(
            "SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [match, RANK_WINDOW],
        ).fetchone()
        cut = None if row is None else int(row[0])
    rows = db.execute(
        f"""SELECT rowid, {BM25} AS score FROM items_fts
            WHERE items_fts MATCH ? {"AND rowid > ?" if cut is not None else ""}
            ORDER BY score LIMIT ? OFFSET ?""",
        [match, *([cut] if cut is not None else []), lim, offset],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


def _ranked_join(
    db: Any, match: str, where: str, params: list[Any], lim: int, offset: int, window: int | None
) -> list[tuple[int, float]]:
    newest = f"ORDER BY f.rowid DESC LIMIT {int(window)}" if window else ""
    rows = db.execute(
        f"""SELECT rowid, score FROM (
                SELECT f.rowid AS rowid, {BM25} AS score FROM items_fts f
                CROSS JOIN items it ON it.id = f.rowid CROSS JOIN issues i ON i.id = it.issue_id
                WHERE items_fts MATCH ? AND {where} {newest})
            ORDER BY score LIMIT ? OFFSET ?""",
        [match, *params, lim, offset],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


def _item_hits(
    db: Any,
    ranked: list[tuple[int, float]],
    match: str | None,
    q: Query,
    marks: tuple[str, str],
    with_snippets: bool = True,
) -> list[ItemHit]:
    if not ranked:
        return []
    details: dict[int, tuple[Any, ...]] = {}
    snippets: dict[int, str] = {}
    ids = [i for i, _ in ranked]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        qm = ",".join("?" * len(chunk))
        for r in db.execute(
            f"""SELECT it.id, it.issue_id, s.name, i.label, i.date, it.headline, it.read,
                       it.starred, it.body, it.annotation_text
                FROM items it JOIN issues i ON i.id = it.issue_id JOIN series s ON s.id = i.series_id
                WHERE it.id IN ({qm})""",
            chunk,
        ).fetchall():
            details[int(r[0])] = r
        # FTS5 snippet() re-reads a prefix query's merged doclist for every row (~10 ms each):
        # prefix queries (``chip*``, one CJK character) get snippets built in Python instead
        if match and with_snippets and "*" not in match:
            n = _SNIPPET_TOKENS
            for r in db.execute(
                f"""SELECT rowid, snippet(items_fts, 1, ?, ?, '…', {n}),
                           snippet(items_fts, 2, ?, ?, '…', {n}),
                           snippet(items_fts, 0, ?, ?, '…', {n})
                    FROM items_fts WHERE items_fts MATCH ? AND rowid IN ({qm})""",
                [*marks, *marks, *marks, match, *chunk],
            ).fetchall():
                snippets[int(r[0])] = _pick_snippet(r[1:], marks)
    cjk_terms = [run for t in q.terms for run in cjk.CJK_RUN.findall(t)]
    hits: list[ItemHit] = []
    for item_id, rank in ranked:
        d = details.get(item_id)
        if d is None:
            continue
        snip = snippets.get(item_id)
        if (snip is None or marks[0] not in snip) and cjk_terms:
            snip = (
                cjk_snippet(f"{d[8]}", cjk_terms, marks)
                or cjk_snippet(f"{d[5]}\n{d[9]}", cjk_terms, marks)
                or snip
            )
        if snip is None and with_snippets and q.terms:  # prefix queries (see above)
            snip = word_snippet(f"{d[8]}", q, marks) or word_snippet(f"{d[9]}", q, marks)
        if snip is None:
            snip = _lead(d[8])
        hits.append(
            ItemHit(
                item_id=item_id,
                issue_id=int(d[1]),
                series=d[2],
                label=d[3],
                date=d[4],
                headline=d[5],
                snippet=snip,
                rank=rank,
                read=bool(d[6]),
                starred=bool(d[7]),
            )
        )
    return hits


def _positive_terms(q: Query) -> list[Term]:
    out: list[Term] = []

    def walk(node: Any, negated: bool) -> None:
        if isinstance(node, Term):
            if not negated:
                out.append(node)
        elif isinstance(node, Not):
            walk(node.child, not negated)
        elif isinstance(node, (And, Or)):
            for child in node.children:
                walk(child, negated)

    if q.root is not None:
        walk(q.root, False)
    return out


_TOKEN = re.compile(r"[^\W_]+")


def word_snippet(text: str, q: Query, marks: tuple[str, str], width: int = _SNIPPET_TOKENS) -> str | None:
    """A snippet of ``text`` around the first query word, every query word marked (words
    compared like the index does: case and accents ignored; ``chip*`` marks ``chips``)."""
    from reader.core.entities.names import normalise_name

    exact: set[str] = set()
    prefixes: list[str] = []
    for term in _positive_terms(q):
        words = [normalise_name(w) for w in _TOKEN.findall(term.text)]
        if term.prefix and words:
            prefixes.append(words.pop())
        exact.update(w for w in words if w)
    if not exact and not prefixes:
        return None
    tokens = list(_TOKEN.finditer(text or ""))
    hits = []
    for k, m in enumerate(tokens):
        folded = normalise_name(m.group())
        if folded in exact or any(folded.startswith(p) for p in prefixes):
            hits.append(k)
    if not hits:
        return None
    first = max(0, min(hits[0] - width // 4, len(tokens) - width))
    last = min(len(tokens), first + width)
    chosen = set(hits)
    out: list[str] = []
    pos = tokens[first].start()
    for k in range(first, last):
        m = tokens[k]
        out.append(text[pos : m.start()])
        out.append(f"{marks[0]}{m.group()}{marks[1]}" if k in chosen else m.group())
        pos = m.end()
    body = " ".join("".join(out).split())
    return ("…" if first > 0 else "") + body + ("…" if last < len(tokens) else "")


def _pick_snippet(candidates: tuple[str, ...], marks: tuple[str, str]) -> str:
    """Body snippet if it has a match, else the notes', else the headline's, else the body's."""
    for snip in candidates:
        if snip and marks[0] and marks[0] in snip:
            return snip
    return candidates[0] or ""


def _lead(body: str, words: int = 24) -> str:
    parts = (body or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def cjk_snippet(text: str, runs: list[str], marks: tuple[str, str], width: int = 40) -> str | None:
    """A window of ``text`` around the first of ``runs`` with every run marked, or None."""
    found = [(text.find(r), r) for r in runs if r and text.find(r) >= 0]
    if not found:
        return None
    first = min(pos for pos, _ in found)
    start, end = max(0, first - width), min(len(text), first + width)
    window = text[start:end]
    pattern = re.compile("|".join(re.escape(r) for r in sorted(set(runs), key=len, reverse=True)))
    marked = pattern.sub(lambda m: f"{marks[0]}{m.group()}{marks[1]}", window)
    marked = " ".join(marked.split())
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text) else "")


# -- highlights --------------------------------------------------------------------------------
def _highlight_plan(q: Query, series_id: int | None) -> tuple[str, list[Any]]:
    conds = ["a.kind = 'highlight'"]
    params: list[Any] = []
    if q.root is not None:
        sql, p = Compiler("highlights").where(q.root)
        conds.append(f"({sql})")
        params.extend(p)
    if series_id is not None:
        conds.append("i.series_id = ?")
        params.append(int(series_id))
    return " AND ".join(conds), params


def _highlights(db: Any, q: Query, lim: int, offset: int, series_id: int | None) -> list[HighlightHit]:
    where, params = _highlight_plan(q, series_id)
    order = OLDEST if q.sort == "oldest" else NEWEST
    rows = db.execute(
        f"""SELECT a.id, it.id, i.id, s.name, i.label, i.date, it.headline, a.color, a.exact,
                   a.comment
            FROM annotations a JOIN items it ON it.id = a.item_id
            JOIN issues i ON i.id = it.issue_id JOIN series s ON s.id = i.series_id
            WHERE {where}
            ORDER BY {order}, it.position, coalesce(a.pos_start, 0), a.id LIMIT ? OFFSET ?""",
        [*params, lim, int(offset)],
    ).fetchall()
    return [
        HighlightHit(
            annotation_id=int(r[0]),
            item_id=int(r[1]),
            issue_id=int(r[2]),
            series=r[3],
            label=r[4],
            date=r[5],
            headline=r[6],
            color=r[7] or "",
            exact=r[8] or "",
            comment=r[9] or "",
        )
        for r in rows
    ]


# -- counts and ids ----------------------------------------------------------------------------
def count(lib: Any, query: str | Query, *, now: datetime | date | None = None) -> int:
    """How many items (or highlights, for ``type:highlights``) match; cheap enough for a sidebar."""
    q = _as_query(query, now)
    with _db(lib, q.text) as db:
        return _count(db, q)


def _count(db: Any, q: Query) -> int:
    if q.kind == "highlights":
        where, params = _highlight_plan(q, None)
        return int(
            db.execute(
                f"""SELECT count(*) FROM annotations a JOIN items it ON it.id = a.item_id
                    JOIN issues i ON i.id = it.issue_id WHERE {where}""",
                params,
            ).fetchone()[0]
        )
    _ensure_synced(db)
    match, where, params = _item_plan(q, None)
    if match and not where:
        return int(
            db.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH ?", [match]).fetchone()[0]
        )
    if match and where:  # filters first when they leave few items (see _ranked)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS search_ids (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp.search_ids")
        try:
            db.execute(
                f"""INSERT INTO temp.search_ids
                    SELECT it.id FROM items it JOIN issues i ON i.id = it.issue_id
                    WHERE {where} LIMIT {FILTER_SET + 1}""",
                params,
            )
            n = int(db.execute("SELECT count(*) FROM temp.search_ids").fetchone()[0])
            if n <= FILTER_SET:
                if n == 0:
                    return 0
                return int(
                    db.execute(
                        """SELECT count(*) FROM items_fts f CROSS JOIN temp.search_ids t
                           ON t.id = f.rowid WHERE items_fts MATCH ?""",
                        [match],
                    ).fetchone()[0]
                )
        finally:
            db.execute("DELETE FROM temp.search_ids")
    conds = [where] if where else []
    p: list[Any] = []
    if match:
        conds.insert(0, "it.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        p.append(match)
    join = " JOIN issues i ON i.id = it.issue_id" if re.search(r"\bi\.", where) else ""
    sql = f"SELECT count(*) FROM items it{join} {'WHERE ' + ' AND '.join(conds) if conds else ''}"
    return int(db.execute(sql, [*p, *params]).fetchone()[0])


def id_subquery(db: Any, q: Query) -> tuple[str, list[Any]]:
    """An unordered ``SELECT ... AS id`` of the items matching ``q`` (to join against, e.g.
    facet counts of a search result), with its parameters. Call under the library lock."""
    if q.kind == "highlights":
        where, params = _highlight_plan(q, None)
        return (
            f"""SELECT DISTINCT a.item_id AS id FROM annotations a JOIN items it ON it.id = a.item_id
                JOIN issues i ON i.id = it.issue_id WHERE {where}""",
            params,
        )
    _ensure_synced(db)
    match, where, params = _item_plan(q, None)
    conds: list[str] = []
    p: list[Any] = []
    if match:
        conds.append("it.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        p.append(match)
    if match and not where:
        return "SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?", [match]
    if where:
        conds.append(where)
        p.extend(params)
    sql = "SELECT it.id AS id FROM items it"
    if re.search(r"\bi\.", where):
        sql += " JOIN issues i ON i.id = it.issue_id"
    return sql + (" WHERE " + " AND ".join(conds) if conds else ""), p


def counts(lib: Any, queries: dict[Any, str], *, now: datetime | date | None = None) -> dict[Any, int | None]:
    """Counts for many queries at once (sidebar); a query that no longer parses counts None."""
    out: dict[Any, int | None] = {}
    for key, text in queries.items():
        try:
            out[key] = count(lib, text, now=now)
        except QueryError:
            out[key] = None
    return out


def item_ids(
    lib: Any,
    query: str | Query,
    *,
    now: datetime | date | None = None,
    limit: int | None = None,
    series_id: int | None = None,
) -> list[int]:
    """Ids of every matching item in result order (for export --query, rules, bulk actions).

    For ``type:highlights`` these are the items holding the matching highlights.
    """
    res = search(lib, query, limit=limit, now=now, series_id=series_id, with_details=False)
    return res.item_ids


def matches(lib: Any, query: str | Query, ids: list[int], *, now: datetime | date | None = None) -> list[int]:
    """Which of ``ids`` match ``query`` (items); used by rules on freshly imported items."""
    q = _as_query(query, now)
    if not ids:
        return []
    with _db(lib, q.text) as db:
        _ensure_synced(db)
        match, where, params = _item_plan(q, None)
        found: list[int] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = [int(i) for i in ids[start : start + _CHUNK]]
            conds = [f"it.id IN ({','.join('?' * len(chunk))})"]
            p: list[Any] = list(chunk)
            if match:
                conds.append("it.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
                p.append(match)
            if where:
                conds.append(where)
                p.extend(params)
            rows = db.execute(
                f"""SELECT it.id FROM items it JOIN issues i ON i.id = it.issue_id
                    WHERE {" AND ".join(conds)} ORDER BY it.id""",
                p,
            ).fetchall()
            found.extend(int(r[0]) for r in rows)
        return found
