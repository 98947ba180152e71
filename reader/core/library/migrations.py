"""The library schema, built by sqlite-utils ``Migrations``: ordered, named, applied once.

A shipped migration is never edited; a change to the schema is a NEW function appended at the
end. Each migration runs in its own transaction together with its record in
``_sqlite_migrations``. A database that records a migration this code does not know was made
by a newer Digest Reader and is refused (see :func:`check_not_newer`).

Layout:
- ``series``: one row per digest title (case-insensitive unique name).
- ``files``: each imported PDF once, by SHA-256; the bytes live at ``files/<sha256>.pdf``
  relative to the library folder (no absolute paths anywhere, so the folder can move).
- ``issues``: one row per imported issue, pointing at its series and its file.
- ``items``: headline + body pairs of an issue, with pages/rects as JSON.
- ``items_fts``: FTS5 external-content index over items(headline, body), kept by triggers;
  0003 adds ``annotation_text`` (notes and highlight comments) as a third column.
- ``tags``, ``annotations``, ``issue_versions``: issue 4 (see ``m0003_annotations``);
  ``annotations_fts`` (0004) indexes notes, comments and highlighted text.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.errors import LibraryError

MIGRATION_SET = "digest_reader"

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_core")
def m0001_core(db: Database) -> None:
    """Series, files, issues, items and the FTS5 index on items (issue 2)."""
    db.execute(
        """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            original_name TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES series(id),
            label TEXT NOT NULL DEFAULT '',
            volume INTEGER,
            number INTEGER,
            date TEXT,
            title TEXT NOT NULL DEFAULT '',
            pages INTEGER NOT NULL DEFAULT 0,
            has_text_layer INTEGER NOT NULL DEFAULT 1,
            parser_version INTEGER NOT NULL DEFAULT 0,
            sha256 TEXT NOT NULL UNIQUE REFERENCES files(sha256),
            imported_at TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(
        """
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            headline TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            pages TEXT NOT NULL DEFAULT '[]',
            rects TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute("CREATE UNIQUE INDEX idx_items_issue_position ON items(issue_id, position)")
    db.execute("CREATE INDEX idx_issues_series ON issues(series_id)")
    db.execute("CREATE INDEX idx_issues_volume_number ON issues(volume, number)")
    db.execute("CREATE INDEX idx_issues_number ON issues(number)")
    db.execute("CREATE INDEX idx_issues_label ON issues(label COLLATE NOCASE)")
    db.execute(
        """
        CREATE VIRTUAL TABLE items_fts USING fts5(
            headline, body,
            content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    db.execute(
        """
        CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, headline, body)
            VALUES (new.id, new.headline, new.body);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, headline, body)
            VALUES ('delete', old.id, old.headline, old.body);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_fts_au AFTER UPDATE OF headline, body ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, headline, body)
            VALUES ('delete', old.id, old.headline, old.body);
            INSERT INTO items_fts(rowid, headline, body)
            VALUES (new.id, new.headline, new.body);
        END"""
    )


@migrations(name="0002_reading_state")
def m0002_reading_state(db: Database) -> None:
    """Read/starred per item, per-issue counts kept by triggers, indexes for the views (issue 3).

    ``issues.item_count`` and ``issues.unread_count`` are maintained by triggers so the sidebar
    can show unread counts for 10,000 issues without counting 100,000 items each time.
    The expression indexes serve "newest first, undated last" without sorting.
    """
    db.execute("ALTER TABLE items ADD COLUMN read INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE items ADD COLUMN starred INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE items ADD COLUMN read_at TEXT")
    db.execute("ALTER TABLE items ADD COLUMN starred_at TEXT")
    db.execute("ALTER TABLE issues ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE issues ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        UPDATE issues SET
            item_count = (SELECT count(*) FROM items WHERE items.issue_id = issues.id),
            unread_count = (SELECT count(*) FROM items
                            WHERE items.issue_id = issues.id AND items.read = 0)"""
    )
    db.execute(
        """
        CREATE TRIGGER items_counts_ai AFTER INSERT ON items BEGIN
            UPDATE issues SET item_count = item_count + 1,
                              unread_count = unread_count + (new.read = 0)
            WHERE id = new.issue_id;
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_counts_ad AFTER DELETE ON items BEGIN
            UPDATE issues SET item_count = item_count - 1,
                              unread_count = unread_count - (old.read = 0)
            WHERE id = old.issue_id;
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_counts_au AFTER UPDATE OF read ON items
        WHEN (old.read = 0) != (new.read = 0) BEGIN
            UPDATE issues SET unread_count = unread_count + (new.read = 0) - (old.read = 0)
            WHERE id = new.issue_id;
        END"""
    )
    # "Newest first": date desc with undated last, then volume, number, id (all desc).
    db.execute(
        """
        CREATE INDEX idx_issues_newest ON issues(
            (date IS NULL), date DESC, volume DESC, number DESC, id DESC)"""
    )
    db.execute(
        """
        CREATE INDEX idx_issues_series_newest ON issues(
            series_id, (date IS NULL), date DESC, volume DESC, number DESC, id DESC)"""
    )
    db.execute("CREATE INDEX idx_items_unread ON items(issue_id, position) WHERE read = 0")
    db.execute("CREATE INDEX idx_items_starred ON items(issue_id, position) WHERE starred = 1")


@migrations(name="0003_annotations")
def m0003_annotations(db: Database) -> None:
    """Tags, annotations (highlight/tag/note/star), issue versions; notes searchable (issue 4).

    - ``annotations`` holds every kind in one table so ids are unique across kinds. An item
      annotation whose item disappears keeps its row with ``item_id`` NULL: an orphan.
    - Stars stay in ``items.starred``; triggers mirror them as ``kind='star'`` rows.
    - ``items.annotation_text`` (item notes + highlight comments, kept by triggers) becomes a
      third column of ``items_fts``, so search finds items by their notes and comments.
    - ``issue_versions`` records each superseded PDF of an issue (the issue row itself always
      points at the newest version; see reader.core.annotations.versions).
    """
    db.execute(
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('highlight', 'tag', 'note', 'star')),
            target TEXT NOT NULL DEFAULT 'item' CHECK (target IN ('item', 'issue')),
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            issue_id INTEGER REFERENCES issues(id) ON DELETE CASCADE,
            tag_id INTEGER REFERENCES tags(id),
            color TEXT,
            comment TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            exact TEXT NOT NULL DEFAULT '',
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            pos_start INTEGER,
            pos_end INTEGER,
            whole INTEGER NOT NULL DEFAULT 0,
            pages TEXT NOT NULL DEFAULT '[]',
            context TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_annotations_item ON annotations(item_id, kind)")
    db.execute("CREATE INDEX idx_annotations_issue ON annotations(issue_id, kind)")
    db.execute("CREATE INDEX idx_annotations_tag ON annotations(tag_id)")
    db.execute(
        "CREATE UNIQUE INDEX idx_annotations_item_tag ON annotations(item_id, tag_id)"
        " WHERE kind = 'tag' AND target = 'item'"
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_annotations_issue_tag ON annotations(issue_id, tag_id)"
        " WHERE kind = 'tag' AND target = 'issue'"
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_annotations_item_note ON annotations(item_id)"
        " WHERE kind = 'note' AND target = 'item'"
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_annotations_issue_note ON annotations(issue_id)"
        " WHERE kind = 'note' AND target = 'issue'"
    )
    db.execute("CREATE UNIQUE INDEX idx_annotations_star ON annotations(item_id) WHERE kind = 'star'")
    db.execute(
        """
        CREATE TABLE issue_versions (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            superseded_by TEXT NOT NULL REFERENCES files(sha256),
            label TEXT NOT NULL DEFAULT '',
            date TEXT,
            parser_version INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            superseded_at TEXT NOT NULL,
            items TEXT NOT NULL DEFAULT '[]',
            report TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE INDEX idx_issue_versions_issue ON issue_versions(issue_id)")
    db.execute("CREATE UNIQUE INDEX idx_issue_versions_sha ON issue_versions(sha256)")
    db.execute("CREATE INDEX idx_issue_versions_by ON issue_versions(superseded_by)")
    # Stars mirrored as annotation rows (created = when starred).
    now = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"
    db.execute(
        f"""
        INSERT INTO annotations (kind, target, item_id, issue_id, created, modified)
        SELECT 'star', 'item', id, issue_id, coalesce(starred_at, {now}), coalesce(starred_at, {now})
        FROM items WHERE starred = 1"""
    )
    star_insert = f"""
            INSERT INTO annotations (kind, target, item_id, issue_id, created, modified)
            SELECT 'star', 'item', new.id, new.issue_id, coalesce(new.starred_at, {now}),
                   coalesce(new.starred_at, {now})
            WHERE new.starred = 1 AND NOT EXISTS (
                SELECT 1 FROM annotations WHERE kind = 'star' AND item_id = new.id);"""
    db.execute(
        f"""
        CREATE TRIGGER items_star_ai AFTER INSERT ON items WHEN new.starred = 1 BEGIN
            {star_insert}
        END"""
    )
    db.execute(
        f"""
        CREATE TRIGGER items_star_au AFTER UPDATE OF starred ON items
        WHEN (old.starred = 0) != (new.starred = 0) BEGIN
            {star_insert}
            DELETE FROM annotations WHERE kind = 'star' AND item_id = new.id AND new.starred = 0;
        END"""
    )
    # Notes and highlight comments searchable: a third FTS column fed by triggers.
    db.execute("ALTER TABLE items ADD COLUMN annotation_text TEXT NOT NULL DEFAULT ''")
    for name in ("items_fts_ai", "items_fts_ad", "items_fts_au"):
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE items_fts")
    db.execute(
        """
        CREATE VIRTUAL TABLE items_fts USING fts5(
            headline, body, annotation_text,
            content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    db.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    db.execute(
        """
        CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, headline, body, annotation_text)
            VALUES (new.id, new.headline, new.body, new.annotation_text);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, headline, body, annotation_text)
            VALUES ('delete', old.id, old.headline, old.body, old.annotation_text);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_fts_au AFTER UPDATE OF headline, body, annotation_text ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, headline, body, annotation_text)
            VALUES ('delete', old.id, old.headline, old.body, old.annotation_text);
            INSERT INTO items_fts(rowid, headline, body, annotation_text)
            VALUES (new.id, new.headline, new.body, new.annotation_text);
        END"""
    )
    annotation_text = """
        UPDATE items SET annotation_text = coalesce((
            SELECT group_concat(t, ' ') FROM (
                SELECT CASE kind WHEN 'note' THEN note ELSE comment END AS t
                FROM annotations
                WHERE item_id = {ref} AND kind IN ('note', 'highlight') ORDER BY id)
            WHERE t != ''), '')
        WHERE id = {ref};"""
    text_kinds = "kind IN ('note', 'highlight')"
    db.execute(
        f"""
        CREATE TRIGGER annotations_text_ai AFTER INSERT ON annotations
        WHEN new.item_id IS NOT NULL AND new.{text_kinds} BEGIN
            {annotation_text.format(ref="new.item_id")}
        END"""
    )
    db.execute(
        f"""
        CREATE TRIGGER annotations_text_ad AFTER DELETE ON annotations
        WHEN old.item_id IS NOT NULL AND old.{text_kinds} BEGIN
            {annotation_text.format(ref="old.item_id")}
        END"""
    )
    db.execute(
        f"""
        CREATE TRIGGER annotations_text_au AFTER UPDATE ON annotations
        WHEN (old.{text_kinds} OR new.{text_kinds}) BEGIN
            {annotation_text.format(ref="old.item_id")}
            {annotation_text.format(ref="new.item_id")}
        END"""
    )


@migrations(name="0004_annotations_fts")
def m0004_annotations_fts(db: Database) -> None:
    """FTS5 index over annotations (note, comment, highlighted text), kept by triggers (issue 4).

    Item notes and highlight comments are already found through ``items_fts``; this index also
    finds issue notes and returns the annotations themselves (search "in my notes").
    """
    db.execute(
        """
        CREATE VIRTUAL TABLE annotations_fts USING fts5(
            note, comment, exact,
            content='annotations', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    db.execute("INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild')")
    db.execute(
        """
        CREATE TRIGGER annotations_fts_ai AFTER INSERT ON annotations BEGIN
            INSERT INTO annotations_fts(rowid, note, comment, exact)
            VALUES (new.id, new.note, new.comment, new.exact);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER annotations_fts_ad AFTER DELETE ON annotations BEGIN
            INSERT INTO annotations_fts(annotations_fts, rowid, note, comment, exact)
            VALUES ('delete', old.id, old.note, old.comment, old.exact);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER annotations_fts_au AFTER UPDATE OF note, comment, exact ON annotations BEGIN
            INSERT INTO annotations_fts(annotations_fts, rowid, note, comment, exact)
            VALUES ('delete', old.id, old.note, old.comment, old.exact);
            INSERT INTO annotations_fts(rowid, note, comment, exact)
            VALUES (new.id, new.note, new.comment, new.exact);
        END"""
    )


@migrations(name="0005_search")
def m0005_search(db: Database) -> None:
    """Query language, saved searches, rules, entities, CJK substring search (issue 6).

    - ``items.cjk_head`` / ``items.cjk_rest``: CJK runs of the headline / of body + notes as
      overlapping bigrams (see reader.core.search.cjk), written by code, not SQL; they become
      two more ``items_fts`` columns, so two-character Japanese names are found. ``cjk_dirty``
      lists items whose bigrams must be (re)computed; triggers fill it and the search package
      empties it before searching.
    - ``items_fts`` is rebuilt with five columns and BM25 weights as its ``rank``
      (headline 10, body 1, notes 2, CJK headline 10, CJK rest 1): ``ORDER BY rank LIMIT``.
    - ``entities`` (kind + normalised name, item_count kept by triggers) and ``item_entities``
      (which items mention which entity); ``entity_dirty`` lists items to (re)extract.
    - ``saved_searches`` (name, query, position, followed, seen_at) and ``rules``.
    """
    db.execute("ALTER TABLE items ADD COLUMN cjk_head TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE items ADD COLUMN cjk_rest TEXT NOT NULL DEFAULT ''")
    for name in ("items_fts_ai", "items_fts_ad", "items_fts_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE items_fts")
    db.execute(
        """
        CREATE VIRTUAL TABLE items_fts USING fts5(
            headline, body, annotation_text, cjk_head, cjk_rest,
            content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    db.execute(
        "INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 10.0, 1.0)')"
    )
    db.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    cols = "headline, body, annotation_text, cjk_head, cjk_rest"
    new_vals = "new.headline, new.body, new.annotation_text, new.cjk_head, new.cjk_rest"
    old_vals = "old.headline, old.body, old.annotation_text, old.cjk_head, old.cjk_rest"
    db.execute(
        f"""
        CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, {cols}) VALUES (new.id, {new_vals});
        END"""
    )
    db.execute(
        f"""
        CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, {cols}) VALUES ('delete', old.id, {old_vals});
        END"""
    )
    db.execute(
        f"""
        CREATE TRIGGER items_fts_au AFTER UPDATE OF {cols} ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, {cols}) VALUES ('delete', old.id, {old_vals});
            INSERT INTO items_fts(rowid, {cols}) VALUES (new.id, {new_vals});
        END"""
    )
    db.execute("CREATE TABLE cjk_dirty (item_id INTEGER PRIMARY KEY)")
    db.execute("CREATE TABLE entity_dirty (item_id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO cjk_dirty (item_id) SELECT id FROM items")
    db.execute("INSERT INTO entity_dirty (item_id) SELECT id FROM items")
    db.execute(
        """
        CREATE TRIGGER items_search_dirty_ai AFTER INSERT ON items BEGIN
            INSERT OR IGNORE INTO cjk_dirty (item_id) VALUES (new.id);
            INSERT OR IGNORE INTO entity_dirty (item_id) VALUES (new.id);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_search_dirty_text AFTER UPDATE OF headline, body ON items BEGIN
            INSERT OR IGNORE INTO cjk_dirty (item_id) VALUES (new.id);
            INSERT OR IGNORE INTO entity_dirty (item_id) VALUES (new.id);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_search_dirty_notes AFTER UPDATE OF annotation_text ON items BEGIN
            INSERT OR IGNORE INTO cjk_dirty (item_id) VALUES (new.id);
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_search_dirty_ad AFTER DELETE ON items BEGIN
            DELETE FROM cjk_dirty WHERE item_id = old.id;
            DELETE FROM entity_dirty WHERE item_id = old.id;
            DELETE FROM item_entities WHERE item_id = old.id;
        END"""
    )
    db.execute(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            norm TEXT NOT NULL,
            item_count INTEGER NOT NULL DEFAULT 0,
            UNIQUE (kind, norm)
        )"""
    )
    db.execute("CREATE INDEX idx_entities_norm ON entities(norm)")
    db.execute("CREATE INDEX idx_entities_kind_count ON entities(kind, item_count DESC)")
    db.execute(
        """
        CREATE TABLE item_entities (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            mentions INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (entity_id, item_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX idx_item_entities_item ON item_entities(item_id, entity_id)")
    db.execute(
        """
        CREATE TRIGGER item_entities_count_ai AFTER INSERT ON item_entities BEGIN
            UPDATE entities SET item_count = item_count + 1 WHERE id = new.entity_id;
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER item_entities_count_ad AFTER DELETE ON item_entities BEGIN
            UPDATE entities SET item_count = item_count - 1 WHERE id = old.entity_id;
        END"""
    )
    db.execute(
        """
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            query TEXT NOT NULL,
            position INTEGER NOT NULL,
            followed INTEGER NOT NULL DEFAULT 0,
            seen_at TEXT,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE rules (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            query TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('tag', 'star', 'read')),
            argument TEXT NOT NULL DEFAULT '',
            enabled INTEGER NOT NULL DEFAULT 1,
            created TEXT NOT NULL
        )"""
    )


def known_names() -> list[str]:
    """Names of every migration this version of the code knows, in order."""
    return [m.name for m in migrations._migrations]


def check_not_newer(db: Database) -> None:
    """Refuse a database that records migrations this code does not know (a newer app made it)."""
    known = set(known_names())
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise LibraryError(
            "library was made by a newer Digest Reader (unknown schema change "
            f"{unknown[-1]!r}); update Digest Reader to open it"
        )


def apply(db: Database, *, stop_before: str | None = None) -> list[str]:
    """Check the schema is not newer, then apply pending migrations; return the names applied.

    Runs under ``BEGIN IMMEDIATE`` so two processes opening the same new library at once
    (the window and the CLI) take turns: the second waits (busy timeout), then finds nothing
    pending. Each migration still gets its own savepoint.
    """
    check_not_newer(db)
    if not _pending_names(db, stop_before):
        return []
    db.execute("BEGIN IMMEDIATE")
    try:
        check_not_newer(db)
        names = _pending_names(db, stop_before)
        migrations.apply(db, stop_before=stop_before)
    except BaseException:
        db.rollback()
        raise
    db.commit()
    return names


def _pending_names(db: Database, stop_before: str | None) -> list[str]:
    pending = [m.name for m in migrations.pending(db)]
    if stop_before is not None and stop_before in pending:
        pending = pending[: pending.index(stop_before)]
    return pending
