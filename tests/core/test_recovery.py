"""A library found damaged at start is moved aside (never deleted); the newest good backup is offered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.maintenance import (
    CorruptLibraryError,
    backup_library,
    diagnose,
    open_library,
    restore_backup,
)
from tests.core.test_backup_support import corrupt_file, make_library

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "lib", tmp_path / "pdfs", count=2)
    return tmp_path / "lib"


def test_healthy_library_opens(lib_dir: Path) -> None:
    assert diagnose(lib_dir) is None
    with open_library(lib_dir) as lib:
        assert lib.count_issues() == 2


@pytest.mark.parametrize("damage", ["pages", "header"])
def test_damaged_db_is_moved_aside_and_newest_good_backup_offered(lib_dir: Path, damage: str) -> None:
    older = backup_library(lib_dir, now=T0)
    newest = backup_library(lib_dir, now=T0 + timedelta(days=1))
    corrupt_file(newest)  # the newest backup is bad too: the older one must be offered
    db = lib_dir / "library.sqlite"
    if damage == "header":
        db.write_bytes(b"\x00" * 100 + db.read_bytes()[100:])
    else:
        corrupt_file(db)
    damaged_bytes = db.read_bytes()
    with pytest.raises(CorruptLibraryError) as err:
        open_library(lib_dir)
    rec = err.value.recovery
    assert rec.moved_to.name.startswith("library.sqlite.corrupt-")
    assert rec.moved_to.read_bytes() == damaged_bytes  # kept, byte for byte
    assert not db.exists()
    assert rec.backup is not None and rec.backup.path == older
    message = str(err.value)
    assert "\n" not in message and "digest-reader restore" in message and str(older) in message
    restore_backup(lib_dir, rec.backup.path)
    with open_library(lib_dir) as lib:
        assert lib.count_issues() == 2


def test_damage_without_backups_says_so_and_starts_empty(lib_dir: Path) -> None:
    corrupt_file(lib_dir / "library.sqlite")
    with pytest.raises(CorruptLibraryError, match="no good backup"):
        open_library(lib_dir)
    with Library.open(lib_dir) as lib:  # a fresh database; the damaged one stays aside
        assert lib.count_issues() == 0
    aside = [p for p in lib_dir.glob("library.sqlite.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1


def test_other_sqlite_files_or_newer_libraries_are_never_moved(tmp_path: Path) -> None:
    folder = tmp_path / "not-ours"
    folder.mkdir()
    import sqlite3

    con = sqlite3.connect(folder / "library.sqlite")
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    with pytest.raises(LibraryError) as err:
        open_library(folder)
    assert not isinstance(err.value, CorruptLibraryError)
    assert (folder / "library.sqlite").exists()


def test_open_moves_pdfs_without_rows_to_lost_and_found(lib_dir: Path) -> None:
    """A PDF renamed into files/ whose rows never committed (a crash) is rescued, not deleted."""
    stray = lib_dir / "files" / ("ef" * 32 + ".pdf")
    stray.write_bytes(b"%PDF-1.4 committed never")
    with open_library(lib_dir) as lib:
        assert lib.count_issues() == 2
    assert not stray.exists()
    assert (lib_dir / "lost+found" / stray.name).read_bytes() == b"%PDF-1.4 committed never"


def test_rescue_waits_for_no_one(lib_dir: Path) -> None:
    """While another writer holds the lock nothing is moved (its PDF may be about to commit)."""
    import sqlite3

    from reader.core.maintenance.recovery import rescue_orphan_pdfs

    stray = lib_dir / "files" / ("0a" * 32 + ".pdf")
    stray.write_bytes(b"%PDF in flight")
    writer = sqlite3.connect(lib_dir / "library.sqlite", isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        assert rescue_orphan_pdfs(lib_dir) == [] and stray.exists()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert len(rescue_orphan_pdfs(lib_dir)) == 1 and not stray.exists()
