"""Schema migrations: fresh creation, upgrade from an older database, newer-schema refusal."""

from __future__ import annotations

import hashlib
import inspect
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.library import migrations as mig
from tests.core.test_library_support import make_pdf


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def test_fresh_library_has_every_migration(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        applied = [m.name for m in mig.migrations.applied(lib._db)]
        assert applied == mig.known_names()
        assert mig.migrations.pending(lib._db) == []
        sql = lib._db.execute("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").fetchone()[0]
        assert "unicode61 remove_diacritics 2" in sql and "content='items'" in sql
        indexes = {r[0] for r in lib._db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"idx_items_issue_position", "idx_issues_newest", "idx_issues_series_newest",
                "idx_items_unread", "idx_items_starred"} <= indexes
    assert {"series", "files", "issues", "items", "items_fts", "_sqlite_migrations"} <= _tables(
        tmp_path / "lib" / "library.sqlite")


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    Library.open(tmp_path / "lib").close()
    with Library.open(tmp_path / "lib") as lib:
        rows = lib._db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert rows == len(mig.known_names())


def test_upgrade_from_first_migration_keeps_data(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "files").mkdir(parents=True)
    db_path = folder / "library.sqlite"
    pdf, sha = make_pdf(folder / "files" / "tmp.pdf")
    pdf.rename(folder / "files" / f"{sha}.pdf")

    db = sqlite_utils.Database(db_path)
    applied = mig.apply(db, stop_before="0002_reading_state")
    assert applied == ["0001_core"]
    with db.atomic():
        db.execute("INSERT INTO series (id, name, created_at) VALUES (1, 'Old Brief', 'then')")
        db.execute("INSERT INTO files VALUES (?, 10, 'old.pdf', 'then')", [sha])
        db.execute(
            """INSERT INTO issues (id, series_id, label, volume, number, date, title, pages,
                   sha256, imported_at, warnings)
               VALUES (7, 1, 'Vol 1.2', 1, 2, '2020-01-01', 'Old', 1, ?, 'then', '[]')""",
            [sha],
        )
        for pos, (head, body) in enumerate([("Harbour dredging", "Ships wait."),
                                            ("Tariff review", "Customs revise duties.")], 1):
            db.execute(
                "INSERT INTO items (issue_id, position, headline, body, pages, rects)"
                " VALUES (7, ?, ?, ?, ?, ?)",
                [pos, head, body, json.dumps([1]), json.dumps([[1, 1.0, 2.0, 3.0, 4.0]])],
            )
    db.close()
    assert "read" not in _columns(db_path, "items")

    with Library.open(folder, create=False) as lib:
        assert [m.name for m in mig.migrations.applied(lib._db)] == mig.known_names()
        issue = lib.get_issue(7)
        assert (issue.series, issue.label, issue.item_count, issue.unread_count) == (
            "Old Brief", "Vol 1.2", 2, 2)
        items = lib.items(7)
        assert [i.headline for i in items] == ["Harbour dredging", "Tariff review"]
        assert items[0].rects[0].rect == (1.0, 2.0, 3.0, 4.0) and not items[0].read
        assert lib.search("dredging")[0].issue_id == 7
        lib.set_read([items[0].id], True)
        assert lib.get_issue(7).unread_count == 1
        assert lib.item_ids("unread") == [items[1].id]
        assert lib.issue_pdf_path(7).is_file()
    assert {"read", "starred"} <= _columns(db_path, "items")
    assert {"item_count", "unread_count"} <= _columns(db_path, "issues")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Library.open(tmp_path / "lib").close()
    db = sqlite_utils.Database(tmp_path / "lib" / "library.sqlite")
    db["_sqlite_migrations"].insert(
        {"migration_set": mig.MIGRATION_SET, "name": "9999_from_the_future", "applied_at": "later"}
    )
    db.close()
    with pytest.raises(LibraryError, match="library was made by a newer Digest Reader"):
        Library.open(tmp_path / "lib")


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration that raises leaves no trace and stays pending."""
    db = sqlite_utils.Database(tmp_path / "x.sqlite")
    mig.apply(db, stop_before="0002_reading_state")
    broken = sqlite_utils.migrations.Migrations(mig.MIGRATION_SET)
    broken(name="0001_core")(lambda db: None)

    @broken(name="0002_reading_state")
    def fail(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE items ADD COLUMN read INTEGER")
        raise RuntimeError("half way")

    with pytest.raises(RuntimeError):
        broken.apply(db)
    assert "read" not in {c.name for c in db["items"].columns}
    assert [m.name for m in mig.migrations.pending(db)] == mig.known_names()[1:]


# Shipped migrations are never edited: a change to one of these fingerprints is a bug.
# A new migration adds a line here.
SHIPPED = {
    "0001_core": "4b01f2787a385b40",
    "0002_reading_state": "524fd475281b872e",
    "0003_annotations": "bc8207d64296e32f",
    "0004_annotations_fts": "4ca5fd002ef7d94c",
    "0005_search": "baa05ad62657ab03",
}


def _fingerprint(fn: object) -> str:
    return hashlib.sha256(inspect.getsource(fn).encode()).hexdigest()[:16]


def test_shipped_migrations_are_unchanged() -> None:
    current = {m.name: _fingerprint(m.fn) for m in mig.migrations._migrations}
    assert list(current) == mig.known_names()
    for name, fingerprint in SHIPPED.items():
        assert current[name] == fingerprint, f"shipped migration {name} was edited"


def test_two_connections_creating_one_library_take_turns(tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "shared"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def opener() -> None:
        try:
            barrier.wait()
            Library.open(folder).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Library.open(folder) as lib:
        assert [m.name for m in mig.migrations.applied(lib._db)] == mig.known_names()
