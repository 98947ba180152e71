"""Put a backup back in place of ``library.sqlite``, keeping the current database aside.

Order of work, so that a failure at any step leaves a usable library: verify the backup; copy it
next to the database under a temporary name; take the database for ourselves (switching it out
of WAL mode needs every other connection closed, which is how a window or a CLI still using the
library is detected, and it folds the WAL into the file so the copy kept aside is complete);
hard-link the current database as ``library.sqlite.before-restore-<timestamp>``; rename the copy
over ``library.sqlite`` (atomic, so a crash leaves the old or the new database, never none).
Nothing is deleted. PDFs in ``files/`` are left alone: ``digest-reader check`` reports PDFs the
restored database does not know (imported after the backup) and can move them to ``lost+found/``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import LibraryError
from reader.core.library.db import describe
from reader.core.library.service import DB_NAME
from reader.core.maintenance.sqlite_files import (
    SIDECARS,
    looks_corrupt,
    require_healthy,
    timestamp,
    unique_path,
)

IN_USE = "the library is open in another Digest Reader window or command; close it and try again"


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # where the replaced database was kept (None if there was none)

    def message(self) -> str:
        kept = f"; the previous database was kept as {self.previous}" if self.previous else ""
        return f"restored the library from {self.restored_from}{kept}"


def restore_backup(library: Any, backup: str | os.PathLike[str]) -> RestoreResult:
    """Replace the library's database with the verified backup at ``backup``.

    ``library`` is the library folder (or a closed :class:`Library`). Raises
    :class:`LibraryError` when the backup is not a healthy library database or the library is
    in use by another connection (any process, this one included).
    """
    if getattr(library, "closed", True) is False:
        raise LibraryError("close the library before restoring a backup")
    folder = Path(getattr(library, "folder", library)).expanduser()
    source = Path(backup).expanduser()
    require_healthy(source, "backup")
    db_path = folder / DB_NAME
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise LibraryError("that is the library's own database, not a backup")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "files").mkdir(exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"cannot create library folder {folder}: {exc.strerror}") from None
    incoming = folder / f".{DB_NAME}.restoring"
    try:
        incoming.unlink(missing_ok=True)
        shutil.copyfile(source, incoming)
        with open(incoming, "rb+") as fh:
            os.fsync(fh.fileno())
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise LibraryError(f"cannot copy the backup into {folder}: {exc.strerror or exc}") from None
    guard = None
    try:
        previous = None
        if db_path.exists():
            guard = _take_exclusive(db_path)
            previous = unique_path(folder / f"{DB_NAME}.before-restore-{timestamp()}")
            _keep_aside(db_path, previous)
        os.replace(incoming, db_path)  # atomic: library.sqlite is always the old or the new one
    except OSError as exc:
        raise LibraryError(f"cannot restore: {exc.strerror or exc}") from None
    finally:
        if guard is not None:
            guard.close()
        incoming.unlink(missing_ok=True)
    return RestoreResult(source, previous)


def _keep_aside(db_path: Path, previous: Path) -> None:
    """Keep the current database as ``previous`` without ever leaving ``db_path`` missing.

    A hard link (a copy where links are not possible) keeps the old bytes under the new name;
    WAL/SHM files (present only if the database could not be taken out of WAL mode) move with
    it, so a stale WAL is never applied to the restored database.
    """
    try:
        os.link(db_path, previous)
    except OSError:
        shutil.copy2(db_path, previous)
    for suffix in SIDECARS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, previous.with_name(previous.name + suffix))


def _take_exclusive(db_path: Path) -> sqlite3.Connection | None:
    """Lock ``db_path`` against every other connection, or raise LibraryError(IN_USE).

    Leaving WAL mode fails with "database is locked" while anyone else has the database open;
    afterwards ``BEGIN EXCLUSIVE`` keeps newcomers out until the swap is done. A database too
    damaged to lock is returned as ``None`` (it is moved aside as it is).
    """
    con = sqlite3.connect(str(db_path), timeout=0.5, isolation_level=None)
    try:
        mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() == "wal":
            raise LibraryError(IN_USE)
        con.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        con.close()
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise LibraryError(IN_USE) from None
        if looks_corrupt(text):
            return None
        raise LibraryError(f"cannot restore: {describe(exc)}") from None
    except sqlite3.DatabaseError as exc:
        con.close()
        if looks_corrupt(str(exc)):
            return None
        raise LibraryError(f"cannot restore: {describe(exc)}") from None
    except BaseException:
        con.close()
        raise
    return con
