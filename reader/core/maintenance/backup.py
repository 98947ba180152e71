"""Rotating, verified backups of ``library.sqlite`` with SQLite's online backup API.

Why the backup API and not a file copy: it reads a consistent snapshot while the window or an
import keeps writing (WAL), and it includes what is still in the ``-wal`` file. Each backup is
written under a temporary name, switched to rollback-journal mode so it is one self-contained
file, checked with ``PRAGMA integrity_check`` and only then renamed into place; old backups are
removed only after a new one has been verified, so a damaged database can never push the last
good backups out.

Backups live in ``<library>/backups/library-<UTC timestamp>.sqlite`` so they travel with the
library folder. PDFs are not copied: they never change once imported (``files/<sha256>.pdf``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from reader.core.errors import LibraryError
from reader.core.library.db import BUSY_TIMEOUT_MS, describe
from reader.core.library.service import DB_NAME
from reader.core.maintenance.sqlite_files import timestamp, verify_database

BACKUP_DIR = "backups"
DEFAULT_KEEP = 7
"""How many automatic backups to keep unless the settings say otherwise."""
BACKUP_INTERVAL = timedelta(days=1)
"""Automatic backups are made at most this often."""

_NAME = re.compile(r"^library-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and when it was made (UTC, from its name)."""

    path: Path
    made_at: datetime

    @property
    def label(self) -> str:
        return self.made_at.strftime("%Y-%m-%d %H:%M UTC")


def _folder_of(library: Any) -> Path:
    """Accept a :class:`Library` or a folder path."""
    return Path(getattr(library, "folder", library)).expanduser()


def backups_dir(library: Any) -> Path:
    return _folder_of(library) / BACKUP_DIR


def list_backups(library: Any) -> list[BackupInfo]:
    """The library's automatic backups, newest first (files not named by us are ignored)."""
    folder = backups_dir(library)
    found: list[tuple[datetime, int, BackupInfo]] = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m and path.is_file():
            made = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append((made, int(m.group(2) or 1), BackupInfo(path, made)))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [t[2] for t in found]


def write_backup(db_path: Path, target: Path) -> Path:
    """Copy the database at ``db_path`` to ``target`` (a new file) and verify the copy.

    Uses its own read connection so the caller's connection (maybe mid-transaction) is never
    involved. Raises :class:`LibraryError` (and leaves no file) if anything fails.
    """
    db_path = Path(db_path)
    target = Path(target)
    if not db_path.is_file():
        raise LibraryError(f"no library database at {db_path}")
    if target.exists():
        raise LibraryError(f"{target} already exists; choose another name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                # One self-contained file (the source is in WAL mode and the header says so).
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        problem = verify_database(tmp)
        if problem is not None:
            raise LibraryError(f"the backup did not verify ({problem}); the library may be damaged")
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        _remove(tmp)
        raise LibraryError(f"backup failed: {describe(exc)}") from None
    except OSError as exc:
        _remove(tmp)
        raise LibraryError(f"backup failed: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def backup_library(library: Any, *, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    """Write a verified backup into ``<library>/backups/`` and keep only the newest ``keep``.

    ``library`` is a :class:`Library` or its folder. Returns the new backup's path.
    """
    folder = _folder_of(library)
    stamp = timestamp(now)
    target = backups_dir(folder) / f"library-{stamp}.sqlite"
    n = 1
    while target.exists():  # two backups in one second: library-<stamp>-2.sqlite, ...
        n += 1
        target = target.with_name(f"library-{stamp}-{n}.sqlite")
    path = write_backup(folder / DB_NAME, target)
    prune_backups(folder, keep=max(1, keep))
    return path


def prune_backups(library: Any, *, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; return what was deleted.

    Also clears ``.*.partial`` files older than an hour (left by a backup that was killed).
    """
    removed = []
    cutoff = time.time() - 3600
    folder = backups_dir(library)
    for partial in folder.glob(".*.partial") if folder.is_dir() else ():
        try:
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
        except OSError:
            pass
    for info in list_backups(library)[max(0, keep) :]:
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass
    return removed


def maybe_backup(
    library: Any,
    keep: int = DEFAULT_KEEP,
    *,
    interval: timedelta = BACKUP_INTERVAL,
    now: datetime | None = None,
) -> Path | None:
    """The at-start backup: back up when the newest backup is older than ``interval``.

    Returns the new backup's path, or ``None`` when none was due, ``keep`` is 0 (automatic
    backups off) or the library has no database yet. Raises :class:`LibraryError` when a
    backup was due but failed (disk full, damaged database): callers show it as a warning and
    carry on. Takes ~1.5 s for a 140 MB database: the window should call it off the GUI thread.
    """
    if keep <= 0:
        return None
    folder = _folder_of(library)
    if not (folder / DB_NAME).is_file():
        return None
    current = (now or datetime.now(UTC)).astimezone(UTC)
    existing = list_backups(folder)
    if existing and current - existing[0].made_at < interval and existing[0].made_at <= current:
        return None
    return backup_library(folder, keep=keep, now=current)
