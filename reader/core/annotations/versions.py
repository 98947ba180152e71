"""Issue versions: a corrected PDF of an issue replaces the old one and annotations follow.

When ``Library.store_issue`` receives a PDF whose series (case-insensitive), volume and number
equal those of an issue already in the library, but whose bytes differ, the PDF becomes the
**new version** of that issue instead of a second issue:

- The issue keeps its id (issue-level tags and notes stay put); its row now describes the new
  PDF (file, label, date, parser version...). The old PDF stays in ``files/`` and is recorded in
  ``issue_versions`` (with a JSON snapshot of its items and the re-anchoring report), so it is
  superseded but not lost; being no issue row, it appears in no list and no search.
- Items are paired old -> new by text similarity (:func:`anchoring.match_items`). A paired item
  keeps its id, so its tags, note, star and read state stay with it; its text is updated.
  New items are inserted; old items with no partner are deleted.
- Every highlight is re-anchored by its quote: exact match in its own (paired) item first, then
  exactly in another item, then fuzzily in its own item, then fuzzily elsewhere. Whole-item
  highlights follow their paired item. What cannot be placed, and every tag/note/star of a
  deleted item, becomes an orphan (``item_id`` NULL, ``context`` = the old headline) — never
  silently dropped.

Issues with no series name ("Unsorted") or no number are never treated as versions: nothing
identifies them reliably. Nor is a PDF whose printed date differs, or whose items share
nothing with the issue's (a mislabelled different issue must not replace one). The last PDF
imported wins, even if it is the older printing.
Runs inside the caller's transaction (``store_issue``'s ``db.atomic()``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from reader.core.annotations.anchoring import Quote, item_text, locate, match_items, quote_at
from reader.core.annotations.records import VersionReport
from reader.core.model import ParsedIssue

UNSORTED = "Unsorted"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def prior_version(db: Any, parsed: ParsedIssue) -> int | None:
    """The issue ``parsed`` is a new version of (same series, volume, number), or None."""
    name = " ".join((parsed.series or "").split())
    if not name or name.lower() == UNSORTED.lower() or parsed.number is None:
        return None
    rows = db.execute(
        """SELECT i.id, i.date FROM issues i JOIN series s ON s.id = i.series_id
           WHERE s.name = ? AND i.number = ? AND i.volume IS ? ORDER BY i.id DESC LIMIT 20""",
        [name, int(parsed.number), parsed.volume],
    ).fetchall()
    new_texts = [item_text(it.headline, it.body) for it in parsed.items]
    for issue_id, date in rows:
        # Guard against a mislabelled different issue replacing this one: a version has the
        # same date (when both print one) and shares at least one item (when both have items).
        if date and parsed.date and date != parsed.date:
            continue
        old_texts = [
            item_text(h, b)
            for h, b in db.execute(
                "SELECT headline, body FROM items WHERE issue_id = ? ORDER BY position", [int(issue_id)]
            ).fetchall()
        ]
        if old_texts and new_texts and not match_items(old_texts, new_texts):
            continue
        return int(issue_id)
    return None


def store_new_version(
    db: Any, issue_id: int, parsed: ParsedIssue, sha: str, size: int, original_name: str
) -> VersionReport:
    """Make ``parsed`` (bytes ``sha``, already copied into files/) the new version of ``issue_id``."""
    now = _now()
    old = db.execute(
        "SELECT sha256, label, date, parser_version, imported_at FROM issues WHERE id = ?",
        [issue_id],
    ).fetchone()
    old_items = [
        (int(r[0]), r[1], r[2], r[3], r[4])
        for r in db.execute(
            "SELECT id, position, headline, body, pages FROM items WHERE issue_id = ? ORDER BY position",
            [issue_id],
        ).fetchall()
    ]
    db.execute(
        "INSERT INTO files (sha256, size, original_name, imported_at) VALUES (?, ?, ?, ?)",
        [sha, size, original_name, now],
    )
    old_texts = [item_text(h, b) for (_, _, h, b, _) in old_items]
    new_texts = [item_text(it.headline, it.body) for it in parsed.items]
    pairs = match_items(old_texts, new_texts)

    db.execute("UPDATE items SET position = -id WHERE issue_id = ?", [issue_id])
    item_for_new: dict[int, int] = {}
    for old_index, new_index in pairs.items():
        item_id = old_items[old_index][0]
        it = parsed.items[new_index]
        db.execute(
            "UPDATE items SET position = ?, headline = ?, body = ?, pages = ?, rects = ? WHERE id = ?",
            [it.position, it.headline, it.body, *_geometry(it), item_id],
        )
        item_for_new[new_index] = item_id
    for new_index, it in enumerate(parsed.items):
        if new_index not in item_for_new:
            cursor = db.execute(
                "INSERT INTO items (issue_id, position, headline, body, pages, rects)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [issue_id, it.position, it.headline, it.body, *_geometry(it)],
            )
            item_for_new[new_index] = int(cursor.lastrowid)

    kept = {old_items[i][0] for i in pairs}
    removed = [row for row in old_items if row[0] not in kept]
    new_text = {item_for_new[j]: new_texts[j] for j in range(len(parsed.items))}
    new_pages = {item_for_new[j]: json.dumps(list(it.pages)) for j, it in enumerate(parsed.items)}
    old_headline = {row[0]: row[2] or row[3][:80] for row in old_items}
    counts = {"reanchored": 0, "fuzzy": 0, "orphaned": 0}

    anns = db.execute(
        """SELECT a.id, a.kind, a.item_id, a.exact, a.prefix, a.suffix, a.pos_start, a.pos_end,
                  a.whole FROM annotations a JOIN items it ON it.id = a.item_id
           WHERE it.issue_id = ? ORDER BY a.id""",
        [issue_id],
    ).fetchall()
    order = list(new_text)
    for ann_id, kind, item_id, exact, prefix, suffix, start, end, whole in anns:
        if kind != "highlight":
            if item_id in kept:
                counts["reanchored"] += 1
            else:
                _orphan(db, ann_id, old_headline.get(item_id, ""))
                counts["orphaned"] += 1
            continue
        if whole:
            if item_id in kept:
                text = new_text[item_id]
                _place(db, ann_id, item_id, quote_at(text, 0, len(text)), new_pages[item_id], True)
                counts["reanchored"] += 1
            else:
                _orphan(db, ann_id, old_headline.get(item_id, ""))
                counts["orphaned"] += 1
            continue
        quote = Quote(exact, prefix, suffix, int(start or 0), int(end or 0))
        found = _relocate(quote, item_id if item_id in kept else None, order, new_text)
        if found is None:
            _orphan(db, ann_id, old_headline.get(item_id, ""))
            counts["orphaned"] += 1
            continue
        target, placement = found
        text = new_text[target]
        _place(db, ann_id, target, quote_at(text, placement.start, placement.end), new_pages[target], False)
        counts["reanchored"] += 1
        counts["fuzzy"] += int(placement.fuzzy)

    for row in removed:  # their remaining (tag/note/star) annotations become orphans via FK
        db.execute("DELETE FROM items WHERE id = ?", [row[0]])
    db.execute(
        """UPDATE issues SET label = ?, date = ?, title = ?, pages = ?, has_text_layer = ?,
               parser_version = ?, sha256 = ?, imported_at = ?, warnings = ? WHERE id = ?""",
        [
            parsed.label,
            parsed.date or None,
            parsed.title,
            parsed.pages,
            int(parsed.has_text_layer),
            parsed.parser_version,
            sha,
            now,
            json.dumps(list(parsed.warnings), ensure_ascii=False),
            issue_id,
        ],
    )
    report = VersionReport(
        issue_id=issue_id,
        old_sha256=old[0],
        new_sha256=sha,
        items_kept=len(pairs),
        items_added=len(parsed.items) - len(pairs),
        items_removed=len(removed),
        **counts,
    )
    snapshot = [
        {"id": i, "position": p, "headline": h, "body": b, "pages": json.loads(pg or "[]")}
        for (i, p, h, b, pg) in old_items
    ]
    db.execute(
        """INSERT INTO issue_versions (issue_id, sha256, superseded_by, label, date,
               parser_version, imported_at, superseded_at, items, report)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            issue_id,
            old[0],
            sha,
            old[1],
            old[2],
            old[3],
            old[4],
            now,
            json.dumps(snapshot, ensure_ascii=False),
            json.dumps(report.to_dict()),
        ],
    )
    return report


def _geometry(it: Any) -> list[str]:
    return [
        json.dumps(list(it.pages)),
        json.dumps([[r.page, *(round(v, 2) for v in r.rect)] for r in it.rects]),
    ]


def _relocate(
    quote: Quote, own: int | None, order: list[int], texts: dict[int, str]
) -> tuple[int, Any] | None:
    """Exact in own item, exact elsewhere, fuzzy in own item, fuzzy elsewhere (first wins)."""
    others = [i for i in order if i != own]
    for item_id, hint in ([(own, True)] if own is not None else []) + [(i, False) for i in others]:
        text = texts[item_id]
        if quote.exact and quote.exact in text:
            return item_id, locate(text, quote, use_hint=hint)
    for item_id, hint in ([(own, True)] if own is not None else []) + [(i, False) for i in others]:
        placement = locate(texts[item_id], quote, use_hint=hint)
        if placement is not None:
            return item_id, placement
    return None


def _place(db: Any, ann_id: int, item_id: int, quote: Quote, pages: str, whole: bool) -> None:
    db.execute(
        """UPDATE annotations SET item_id = ?, exact = ?, prefix = ?, suffix = ?, pos_start = ?,
               pos_end = ?, whole = ?, pages = ? WHERE id = ?""",
        [item_id, quote.exact, quote.prefix, quote.suffix, quote.start, quote.end, int(whole), pages, ann_id],
    )


def _orphan(db: Any, ann_id: int, context: str) -> None:
    db.execute("UPDATE annotations SET item_id = NULL, context = ? WHERE id = ?", [context, ann_id])
