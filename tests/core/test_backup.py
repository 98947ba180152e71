"""Backups: online backup API, verified, rotating, at most daily; restore keeps the old db aside."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.maintenance import (
    backup_library,
    list_backups,
    maybe_backup,
    restore_backup,
    write_backup,
)
from tests.core.test_backup_support import corrupt_file, integrity, make_library

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "lib", tmp_path / "pdfs", count=2)
    return tmp_path / "lib"


def test_backup_is_a_verified_self_contained_copy(lib_dir: Path) -> None:
    with Library.open(lib_dir) as lib:  # open while backing up: the online API copes
        lib.set_starred([lib.items(1)[0].id], True)
        path = backup_library(lib)
    assert path.parent == lib_dir / "backups"
    assert integrity(path) == "ok"
    assert not Path(str(path) + "-wal").exists()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("SELECT count(*) FROM issues").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM items WHERE starred = 1").fetchone()[0] == 1
    finally:
        con.close()


def test_rotation_keeps_the_newest_n(lib_dir: Path) -> None:
    for day in range(5):
        backup_library(lib_dir, keep=3, now=T0 + timedelta(days=day))
    kept = list_backups(lib_dir)
    assert [b.made_at for b in kept] == [T0 + timedelta(days=d) for d in (4, 3, 2)]


def test_maybe_backup_is_at_most_daily_and_can_be_off(lib_dir: Path) -> None:
    assert maybe_backup(lib_dir, keep=0, now=T0) is None
    first = maybe_backup(lib_dir, keep=5, now=T0)
    assert first is not None
    assert maybe_backup(lib_dir, keep=5, now=T0 + timedelta(hours=23)) is None
    second = maybe_backup(lib_dir, keep=5, now=T0 + timedelta(hours=25))
    assert second is not None and second != first
    assert len(list_backups(lib_dir)) == 2


def test_maybe_backup_without_a_database_does_nothing(tmp_path: Path) -> None:
    assert maybe_backup(tmp_path / "nothing-here") is None


def test_a_damaged_database_never_pushes_out_good_backups(lib_dir: Path) -> None:
    backup_library(lib_dir, keep=2, now=T0)
    backup_library(lib_dir, keep=2, now=T0 + timedelta(days=1))
    before = [b.path for b in list_backups(lib_dir)]
    corrupt_file(lib_dir / "library.sqlite")
    with pytest.raises(LibraryError) as err:
        backup_library(lib_dir, keep=2, now=T0 + timedelta(days=2))
    assert "\n" not in str(err.value)
    assert [b.path for b in list_backups(lib_dir)] == before
    assert not [p for p in (lib_dir / "backups").iterdir() if p.name.startswith(".")]


def test_backup_to_a_chosen_path_refuses_to_overwrite(lib_dir: Path, tmp_path: Path) -> None:
    out = write_backup(lib_dir / "library.sqlite", tmp_path / "out" / "copy.sqlite")
    assert integrity(out) == "ok"
    with pytest.raises(LibraryError, match="already exists"):
        write_backup(lib_dir / "library.sqlite", out)


def test_restore_brings_back_the_backup_and_keeps_the_current_db(lib_dir: Path) -> None:
    path = backup_library(lib_dir)
    with Library.open(lib_dir) as lib:
        item = lib.items(1)[0].id
        lib.set_starred([item], True)
    result = restore_backup(lib_dir, path)
    assert result.previous is not None and result.previous.name.startswith("library.sqlite.before-restore-")
    assert integrity(result.previous) == "ok"
    with Library.open(lib_dir) as lib:
        assert lib.get_item(item).starred is False  # the backup's state
        assert lib.count_issues() == 2
    con = sqlite3.connect(result.previous)  # the replaced state is kept, complete (WAL folded in)
    try:
        assert con.execute("SELECT starred FROM items WHERE id = ?", [item]).fetchone()[0] == 1
    finally:
        con.close()


def test_restore_refuses_a_bad_backup_and_changes_nothing(lib_dir: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = (lib_dir / "library.sqlite").read_bytes()
    for bad, phrase in (
        (garbage, "not usable"),
        (other, "not a Digest Reader library"),
        (tmp_path / "missing.sqlite", "does not exist"),
    ):
        with pytest.raises(LibraryError, match=phrase):
            restore_backup(lib_dir, bad)
    assert (lib_dir / "library.sqlite").read_bytes() == before
    assert not list(lib_dir.glob("library.sqlite.before-restore-*"))


def test_restore_refuses_while_the_library_is_open(lib_dir: Path) -> None:
    path = backup_library(lib_dir)
    with Library.open(lib_dir) as lib:
        with pytest.raises(LibraryError, match="close the library"):
            restore_backup(lib, path)
        with pytest.raises(LibraryError, match="open in another"):
            restore_backup(lib_dir, path)  # another connection has it open
        assert lib.count_issues() == 2
    assert not list(lib_dir.glob("library.sqlite.before-restore-*"))
    restore_backup(lib_dir, path)  # closed: now it works


def test_backups_in_the_same_second_get_distinct_names_in_order(lib_dir: Path) -> None:
    paths = [backup_library(lib_dir, keep=2, now=T0) for _ in range(3)]
    assert len(set(paths)) == 3
    assert [b.path for b in list_backups(lib_dir)] == [paths[2], paths[1]]


def test_pdfs_imported_after_the_backup_survive_a_restore(lib_dir: Path, tmp_path: Path) -> None:
    """Restore rolls the database back; the newer PDF goes to lost+found and can be re-imported."""
    import os

    from reader.core.importer import import_paths
    from reader.core.maintenance import LOST_AND_FOUND, check_library
    from tests.core.test_backup_support import make_pdfs

    backup = backup_library(lib_dir)
    [late] = make_pdfs(tmp_path / "late", 1, prefix="late", volume=9)
    with Library.open(lib_dir) as lib:
        [o] = import_paths(lib, [late], jobs=1)
        assert o.outcome == "imported"
    restore_backup(lib_dir, backup)
    for pdf in (lib_dir / "files").glob("*.pdf"):
        os.utime(pdf, (1_000_000_000, 1_000_000_000))
    report = check_library(lib_dir, repair=True)
    assert report.ok, report.lines()
    [kept] = (lib_dir / LOST_AND_FOUND).glob("*.pdf")
    with Library.open(lib_dir) as lib:
        assert lib.count_issues() == 2
        [again] = import_paths(lib, [kept], jobs=1)
        assert again.outcome == "imported" and lib.count_issues() == 3
    stale = lib_dir / "backups" / ".library-killed.sqlite.partial"
    stale.write_bytes(b"half a backup")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    backup_library(lib_dir)
    assert not stale.exists()
