"""Small helpers shared by backup, restore, check and recovery: naming and checking SQLite files.

A library database is ``library.sqlite`` plus, in WAL mode, ``library.sqlite-wal`` and
``library.sqlite-shm``. Moving a database aside must move its WAL too (committed data may live
only there), so :func:`move_database` renames the three together.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import LibraryError
from reader.core.library import migrations
from reader.core.library.db import describe

SIDECARS = ("-wal", "-shm", "-journal")
LOST_AND_FOUND = "lost+found"
CORRUPT_PHRASES = ("malformed", "not a database", "corrupt", "disk image", "file is encrypted")


def timestamp(now: datetime | None = None) -> str:
    """A sortable UTC timestamp for file names: ``20261125-194551``."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def unique_path(path: Path) -> Path:
    """``path``, or ``path`` with ``-2``, ``-3``... appended when it already exists."""
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.name}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def move_database(db_path: Path, target: Path) -> Path:
    """Rename ``db_path`` and its WAL/SHM/journal files to ``target`` (+ the same suffixes)."""
    os.replace(db_path, target)
    for suffix in SIDECARS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def looks_corrupt(message: str) -> bool:
    """True when an sqlite error text means the file is damaged (not merely busy or read-only)."""
    text = message.lower()
    return any(p in text for p in CORRUPT_PHRASES)


def verify_database(path: Path, *, quick: bool = False) -> str | None:
    """Open ``path`` read-only and check it; ``None`` when it is a healthy Digest Reader library.

    Otherwise a short reason: not a database, integrity check failed, not a library, made by a
    newer version. Never writes to ``path`` (opened with ``mode=ro``).
    """
    if not path.is_file():
        return f"{path.name} does not exist"
    if path.stat().st_size == 0:
        return f"{path.name} is empty"
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=5)
    except sqlite3.Error as exc:
        return f"cannot open {path.name}: {describe(exc)}"
    try:
        rows = con.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}").fetchall()
        result = "; ".join(str(r[0]) for r in rows)
        if result != "ok":
            return f"integrity check failed: {result[:200]}"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "_sqlite_migrations" not in tables:
            return "not a Digest Reader library (no schema records)"
        applied = [
            r[0]
            for r in con.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                [migrations.MIGRATION_SET],
            )
        ]
        if not applied:
            return "not a Digest Reader library (no schema records)"
        unknown = set(applied) - set(migrations.known_names())
        if unknown:
            return "made by a newer Digest Reader (update to use it)"
    except sqlite3.Error as exc:
        return f"cannot check {path.name}: {describe(exc)}"
    finally:
        con.close()
    return None


def require_healthy(path: Path, what: str) -> None:
    """Raise :class:`LibraryError` naming ``what`` when :func:`verify_database` finds a problem."""
    problem = verify_database(path)
    if problem is not None:
        raise LibraryError(f"{what} {path} is not usable: {problem}")


def folder_writable(folder: Path) -> bool:
    """Can we create files in ``folder``? (Tried for real: root ignores modes, mounts may be ro.)"""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def read_only_message(folder: Path) -> str:
    return (
        f"the library folder {folder} is read-only: Digest Reader needs to write there"
        " (copy the folder somewhere writable, or make it writable)"
    )
