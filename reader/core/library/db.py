"""Opening the SQLite connection with the pragmas every library connection needs.

WAL lets readers carry on while the single writer commits; foreign keys keep items tied to
issues; the busy timeout makes a second process wait briefly for the lock instead of failing.
``enable_wal()`` refuses to run inside a transaction, so pragmas are set right after connecting.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from reader.core.errors import LibraryError

BUSY_TIMEOUT_MS = 5000


class Database(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost ``atomic()`` starts with ``BEGIN IMMEDIATE``.

    With a plain (deferred) ``BEGIN`` a transaction that reads before it writes fails at once
    with "database is locked" when another process committed in between (WAL cannot upgrade a
    stale read snapshot, and the busy timeout does not apply). Taking the write lock at BEGIN
    makes a second writer wait its turn instead. Nested blocks still use savepoints.
    """

    search_sync_limit: int | None = None
    """How many items still waiting for CJK bigrams a search brings up to date first (None: all
    of them, so results are complete; 0: none). The window lowers it while it catches a large
    backlog up in the background, so a search never freezes it (see Library.search_sync_limit)."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def connect(db_path: Path) -> sqlite_utils.Database:
    """Open (or create) ``db_path`` with WAL, foreign keys and a 5 s busy timeout.

    The connection may be used from another thread than the one that opened it (the window
    imports from a worker thread); :class:`~reader.core.library.service.Library` serialises
    access with a lock. Raises :class:`LibraryError` if the file is not a usable database.
    """
    try:
        conn = sqlite3.connect(
            str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open library database {db_path}: {exc}") from None
    try:
        db = Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _enable_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        # Touch the schema so a file that is not a database fails here, not later.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"cannot use library database {db_path}: {describe(exc)}") from None
    return db


def _enable_wal(db: sqlite_utils.Database) -> None:
    """Switch the file to WAL (a persistent setting), waiting out other openers for up to the busy timeout.

    Several programs may open one brand-new library at once (the window and a CLI import).
    Switching a file to WAL needs an exclusive lock, and SQLite reports "database is locked"
    at once instead of calling the busy handler when another connection is reading the schema
    or switching it too; so the switch is retried until the file is in WAL or the time is up.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _is_lock_error(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def describe(exc: sqlite3.Error) -> str:
    """A short human phrase for a sqlite3 error (first line only)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "not a database" in text:
        return "the file is not a Digest Reader library (not a SQLite database or corrupt)"
    if "readonly" in text or "read-only" in text:
        return "the library is read-only"
    if _is_lock_error(exc):
        return "the library is in use by another program (database is locked)"
    if "disk" in text and "full" in text:
        return "the disk is full"
    return text
