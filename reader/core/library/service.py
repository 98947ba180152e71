"""The Library: named reads and writes over one library folder. No SQL leaves this module.

A library folder holds ``library.sqlite`` and ``files/<sha256>.pdf``. Only relative locations
are derived (never stored as absolute paths), so a copied folder works where it lands.
One connection per Library; a lock serialises calls so the window's import thread and its
main thread can share it. Each write is one transaction (``db.atomic()``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, TypeVar

from reader.core.errors import (
    BugError,
    LibraryError,
    NotFoundError,
    UserError,
)
from reader.core.library import db as dbmod
from reader.core.library import migrations
from reader.core.library.errors import AmbiguousError, DuplicateError
from reader.core.library.refs import parse_ref
from reader.core.library.rows import IssueRow, ItemRow, SearchHit, SeriesRow
from reader.core.model import ItemRect, ParsedIssue

DB_NAME = "library.sqlite"
FILES_DIR = "files"
UNSORTED_SERIES = "Unsorted"
VIEWS = ("all", "unread", "starred")
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_STALE_TMP_SECONDS = 3600

_NEWEST = "(i.date IS NULL), i.date DESC, i.volume DESC, i.number DESC, i.id DESC"
_ISSUE_SELECT = """
    SELECT i.id, i.series_id, s.name AS series, i.label, i.volume, i.number, i.date, i.title,
           i.pages, i.item_count, i.unread_count, i.has_text_layer, i.sha256,
           f.original_name, i.parser_version, i.imported_at, i.warnings
    FROM issues i JOIN series s ON s.id = i.series_id JOIN files f ON f.sha256 = i.sha256
"""
_VIEW_WHERE = {"all": "", "unread": "WHERE it.read = 0", "starred": "WHERE it.starred = 1"}

F = TypeVar("F", bound=Callable[..., Any])


def _locked(method: F) -> F:
    """Run ``method`` holding the library's lock, mapping stray sqlite errors to LibraryError."""

    @functools.wraps(method)
    def wrapper(self: Library, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self._db is None:
                raise LibraryError("the library is closed")
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise LibraryError(f"library database error: {dbmod.describe(exc)}") from exc

    return wrapper  # type: ignore[return-value]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes, lower-case hex (the library's key for a PDF)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def series_name(raw: str) -> str:
    """The series name an issue is filed under: whitespace collapsed, "" -> "Unsorted"."""
    name = " ".join((raw or "").split())
    return name or UNSORTED_SERIES


class Library:
    """One open library folder. Create with :meth:`Library.open`; close when done."""

    def __init__(self, folder: Path, db: Any) -> None:
        self.folder = folder
        self.db_path = folder / DB_NAME
        self.files_dir = folder / FILES_DIR
        self._db = db
        self._lock = threading.RLock()

    # ----------------------------------------------------------------- open / close
    @classmethod
    def open(cls, folder: str | os.PathLike[str], *, create: bool = True) -> Library:
        """Open the library in ``folder``, creating folder, files/ and database when missing.

        Migrates the schema to this version. Raises :class:`LibraryError` with a one-line
        message when the folder or database cannot be used (missing and ``create=False``,
        not a directory, read-only, not a library, corrupt, made by a newer version).
        """
        path = Path(folder).expanduser()
        db_path = path / DB_NAME
        if path.exists() and not path.is_dir():
            raise LibraryError(f"library folder {path} is a file, not a folder")
        if not create and not db_path.exists():
            raise LibraryError(f"no library at {path}")
        try:
            (path / FILES_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create library folder {path}: {exc.strerror}") from None
        db = dbmod.connect(db_path)
        try:
            _check_is_library(db, path)
            migrations.apply(db)
        except LibraryError:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise LibraryError(f"cannot use library {path}: {dbmod.describe(exc)}") from None
        lib = cls(path, db)
        lib._remove_stale_temp_files()
        return lib

    def close(self) -> None:
        """Close the database connection (idempotent)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Library {self.folder}>"

    @property
    def closed(self) -> bool:
        return self._db is None

    @property
    def search_sync_limit(self) -> int | None:
        """How many items waiting for CJK bigrams each search brings up to date first: None
        (the default) for all, so every result is complete; 0 for none, while a background
        catch-up (:func:`reader.core.search.catch_up_cjk`) works through a large backlog."""
        with self._lock:
            return None if self._db is None else self._db.search_sync_limit

    @search_sync_limit.setter
    def search_sync_limit(self, limit: int | None) -> None:
        with self._lock:
            if self._db is not None:
                self._db.search_sync_limit = None if limit is None else max(0, int(limit))

    @functools.cached_property
    def annotations(self) -> Any:
        """The :class:`~reader.core.annotations.AnnotationService` of this library (issue 4)."""
        from reader.core.annotations import AnnotationService

        return AnnotationService(self)

    def _remove_stale_temp_files(self) -> None:
        cutoff = time.time() - _STALE_TMP_SECONDS
        for tmp in self.files_dir.glob(".*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
            except OSError:
                pass

    # ----------------------------------------------------------------- writes
    @_locked
    def issue_id_for_sha256(self, sha256: str) -> int | None:
        """The issue imported from these bytes, or ``None`` (the duplicate check)."""
        row = self._db.execute(
            "SELECT id FROM issues WHERE sha256 = ?", [sha256.lower()]
        ).fetchone()
        if row is None:  # an earlier version of an issue, superseded by a corrected PDF
            row = self._db.execute(
                "SELECT issue_id FROM issue_versions WHERE sha256 = ?", [sha256.lower()]
            ).fetchone()
        return None if row is None else int(row[0])

    @_locked
    def store_issue(
        self, parsed: ParsedIssue, pdf_path: str | os.PathLike[str], sha256: str, *,
        original_name: str, prepared: Sequence[tuple[str, str, str, str, Any]] | None = None,
    ) -> int:
        """Store a parsed issue and its PDF; return the new issue id.

        The PDF is copied to ``files/<sha256>.pdf`` (temp file + rename, hash checked while
        copying), then file, series, issue and items are written in ONE transaction. On any
        failure the new file is removed and the database is left as it was. Raises
        :class:`DuplicateError` if these bytes are already in the library.

        ``prepared`` (from the import worker, one per item): (pages JSON, rects JSON, CJK
        bigrams of the headline, of the body, entities), so this single writer only runs
        INSERTs: the items' search data goes in the same transaction
        (:func:`reader.core.search.hooks.write_prepared`). Ignored for a new version.
        """
        sha = sha256.lower()
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise BugError(f"store_issue needs a SHA-256 hex digest, got {sha256!r}")
        # one statement: issue, earlier version of an issue, or a file row
        issue, version, has_file = self._db.conn.execute(_DUPLICATE_SQL, (sha,)).fetchone()
        existing = issue if issue is not None else version
        if existing is not None or has_file:
            where = f" as issue {existing}" if existing is not None else ""
            raise DuplicateError(f"already in the library{where}", issue_id=existing)
        target = self.files_dir / f"{sha}.pdf"
        staged = self.files_dir / f".{sha}.{uuid.uuid4().hex}.staged.tmp"
        size = self._copy_in(Path(pdf_path), staged, sha)
        try:
            with self._db.atomic():
                # Same series, volume and number as an issue here: a corrected PDF, stored as
                # that issue's new version with its annotations re-anchored (issue 4).
                from reader.core.annotations import versions

                prior = versions.prior_version(self._db, parsed)
                if prior is not None:
                    issue_id = versions.store_new_version(
                        self._db, prior, parsed, sha, size, original_name
                    ).issue_id
                else:
                    issue_id = self._insert_issue(parsed, sha, size, original_name)
                    if prepared is not None and len(prepared) == len(parsed.items):
                        self._insert_prepared_items(issue_id, parsed, prepared)
                    else:
                        self._insert_items(issue_id, parsed)
                # Rename last, holding the write lock until COMMIT: a files/<sha>.pdf without
                # a row then only exists after a crash (see maintenance.recovery).
                try:
                    os.replace(staged, target)
                except OSError as exc:
                    raise LibraryError(f"cannot store the PDF: {exc.strerror or exc}") from None
        except BaseException:
            staged.unlink(missing_ok=True)
            try:
                target.unlink()
            except OSError:
                pass
            raise
        return issue_id

    def _copy_in(self, source: Path, target: Path, sha: str) -> int:
        """Copy ``source`` to ``target`` (a unique temp name), checking its SHA-256; return its
        size. ``target`` is removed again on failure."""
        digest = hashlib.sha256()
        size = 0
        try:
            with open(source, "rb") as src, open(target, "wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    dst.write(block)
                    size += len(block)
            # No fsync per file (it cost more than the whole SQL of an issue). The database runs
            # WAL with synchronous=NORMAL, which does not fsync each commit either. A killed
            # process loses nothing (the page cache survives it); a power cut may lose the
            # last imports, but never leaves a row pointing at a file that was not renamed
            # into place: the rename into files/ is the last step before COMMIT.
            if digest.hexdigest() != sha:
                raise LibraryError(f"{source.name} changed while it was being imported")
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise LibraryError(
                f"cannot copy {source.name} into the library: {exc.strerror or exc}"
            ) from None
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return size

    def _series_id(self, name: str) -> int:
        # one statement when the series exists (nearly always), two when it is new
        row = self._db.execute("SELECT id FROM series WHERE name = ?", [name]).fetchone()
        if row is None:
            return int(
                self._db.execute(
                    "INSERT INTO series (name, created_at) VALUES (?, ?)", [name, _now()]
                ).lastrowid
            )
        return int(row[0])

    def _insert_issue(self, parsed: ParsedIssue, sha: str, size: int, original_name: str) -> int:
        now = _now()
        self._db.execute(
            "INSERT INTO files (sha256, size, original_name, imported_at) VALUES (?, ?, ?, ?)",
            [sha, size, original_name, now],
        )
        series_id = self._series_id(series_name(parsed.series))
        cursor = self._db.execute(
            """INSERT INTO issues (series_id, label, volume, number, date, title, pages,
                   has_text_layer, parser_version, sha256, imported_at, warnings)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                series_id, parsed.label, parsed.volume, parsed.number, parsed.date or None,
                parsed.title, parsed.pages, int(parsed.has_text_layer), parsed.parser_version,
                sha, now, json.dumps(list(parsed.warnings), ensure_ascii=False),
            ],
        )
        return int(cursor.lastrowid)

    def _insert_items(self, issue_id: int, parsed: ParsedIssue) -> None:
        rows = [
            (
                issue_id, item.position, item.headline, item.body,
                json.dumps(list(item.pages)),
                json.dumps([[r.page, *(round(v, 2) for v in r.rect)] for r in item.rects]),
            )
            for item in parsed.items
        ]
        self._db.conn.executemany(
            "INSERT INTO items (issue_id, position, headline, body, pages, rects)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _insert_prepared_items(
        self, issue_id: int, parsed: ParsedIssue, prepared: Sequence[tuple[str, str, str, str, Any]]
    ) -> None:
        from reader.core.search.hooks import write_prepared

        execute = self._db.conn.execute
        ids = [
            execute(
                _INSERT_ITEM_PREPARED,
                (issue_id, item.position, item.headline, item.body, pages, rects, head, rest),
            ).lastrowid
            for item, (pages, rects, head, rest, _entities) in zip(parsed.items, prepared, strict=True)
        ]
        try:  # the issue stays stored if this fails: its items stay listed as pending
            with self._db.atomic():
                write_prepared(self._db, issue_id, ids, prepared)
        except sqlite3.Error as exc:
            import logging

            logging.getLogger(__name__).warning("entities of issue %s: %s", issue_id, exc)

    @_locked
    def set_read(self, item_ids: Iterable[int], read: bool) -> int:
        """Mark items read or unread; return how many changed. Unknown ids are ignored."""
        return self._set_flag("read", item_ids, read)

    @_locked
    def set_starred(self, item_ids: Iterable[int], starred: bool) -> int:
        """Star or unstar items; return how many changed. Unknown ids are ignored."""
        return self._set_flag("starred", item_ids, starred)

    def _set_flag(self, column: str, item_ids: Iterable[int], value: bool) -> int:
        ids = [int(i) for i in item_ids]
        flag = int(bool(value))
        stamp = _now() if flag else None
        changed = 0
        with self._db.atomic():
            for chunk in _chunks(ids):
                cursor = self._db.execute(
                    f"UPDATE items SET {column} = ?, {column}_at = ?"
                    f" WHERE {column} != ? AND id IN ({_marks(len(chunk))})",
                    [flag, stamp, flag, *chunk],
                )
                changed += cursor.rowcount
        return changed

    # ----------------------------------------------------------------- reads: issues
    @_locked
    def list_series(self) -> list[SeriesRow]:
        """Every series with its issue and unread counts, by name ("Unsorted" last)."""
        rows = self._db.execute(
            """SELECT s.id, s.name, count(i.id), coalesce(sum(i.unread_count), 0)
               FROM series s LEFT JOIN issues i ON i.series_id = s.id
               GROUP BY s.id ORDER BY s.name = ?, s.name COLLATE NOCASE""",
            [UNSORTED_SERIES],
        ).fetchall()
        return [SeriesRow(int(r[0]), r[1], int(r[2]), int(r[3])) for r in rows]

    @_locked
    def list_issues(
        self, series_id: int | None = None, *, offset: int = 0, limit: int | None = None
    ) -> list[IssueRow]:
        """Issues newest first: date desc (undated last), volume, number, id desc."""
        where, params = ("WHERE i.series_id = ?", [series_id]) if series_id is not None else ("", [])
        rows = self._db.execute(
            f"{_ISSUE_SELECT} {where} ORDER BY {_NEWEST} LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else int(limit), int(offset)],
        ).fetchall()
        return [_issue_row(r) for r in rows]

    @_locked
    def count_issues(self, series_id: int | None = None) -> int:
        """How many issues (in one series, or all)."""
        if series_id is None:
            return int(self._db.execute("SELECT count(*) FROM issues").fetchone()[0])
        return int(
            self._db.execute(
                "SELECT count(*) FROM issues WHERE series_id = ?", [series_id]
            ).fetchone()[0]
        )

    @_locked
    def get_issue(self, issue_id: int) -> IssueRow:
        """One issue by id; :class:`NotFoundError` if there is none."""
        row = self._db.execute(f"{_ISSUE_SELECT} WHERE i.id = ?", [int(issue_id)]).fetchone()
        if row is None:
            raise NotFoundError(f"no issue with id {issue_id}")
        return _issue_row(row)

    @_locked
    def find_issue(self, ref: str) -> IssueRow:
        """The one issue ``ref`` names: an id ("12") or a label ("Vol 2.10", "3.4", "Issue 17").

        A plain number is an issue id when such an issue exists, else an issue number. A label
        may follow a series name ("Energy Brief 2.10"). Raises :class:`NotFoundError` when
        nothing matches and :class:`AmbiguousError` (a UserError listing the candidates) when
        several do.
        """
        text = " ".join(str(ref).split())
        if not text:
            raise NotFoundError("no issue given: use an issue id or a label such as 'Vol 2.10'")
        parsed = parse_ref(text)
        if parsed.id is not None:
            row = self._db.execute(f"{_ISSUE_SELECT} WHERE i.id = ?", [parsed.id]).fetchone()
            if row is not None:
                return _issue_row(row)
        # The label exactly as printed (optionally after the series name) wins.
        rows = self._db.execute(
            f"{_ISSUE_SELECT} WHERE i.label = ? COLLATE NOCASE ORDER BY {_NEWEST} LIMIT 11",
            [text],
        ).fetchall()
        if not rows and " " in text:
            rows = self._db.execute(
                f"""{_ISSUE_SELECT} WHERE (s.name || ' ' || i.label) = ? COLLATE NOCASE
                    ORDER BY {_NEWEST} LIMIT 11""",
                [text],
            ).fetchall()
        if not rows and parsed.number is not None:
            clauses = ["i.number = ?"]
            params: list[str | int] = [parsed.number]
            if parsed.volume is not None:
                clauses.append("i.volume = ?")
                params.append(parsed.volume)
            if parsed.series:
                clauses.append("s.name LIKE ? ESCAPE '\\'")
                params.append("%" + _like_escape(parsed.series) + "%")
            rows = self._db.execute(
                f"{_ISSUE_SELECT} WHERE {' AND '.join(clauses)} ORDER BY {_NEWEST} LIMIT 11",
                params,
            ).fetchall()
        found = [_issue_row(r) for r in rows]
        if not found:
            raise NotFoundError(
                f"no issue matches {text!r} (give an issue id or a label such as 'Vol 2.10')"
            )
        if len(found) > 1:
            shown = "; ".join(f"{r.display_name} (id {r.id})" for r in found[:10])
            more = ", ..." if len(found) > 10 else ""
            count = f"{len(found)}+" if len(found) > 10 else str(len(found))
            raise AmbiguousError(
                f"ambiguous: {text!r} matches {count} issues: {shown}{more}; use the issue id",
                candidates=tuple(r.id for r in found[:10]),
            )
        return found[0]

    @_locked
    def issue_pdf_path(self, issue_id: int) -> Path:
        """Where the issue's PDF lives inside this library folder."""
        row = self._db.execute("SELECT sha256 FROM issues WHERE id = ?", [int(issue_id)]).fetchone()
        if row is None:
            raise NotFoundError(f"no issue with id {issue_id}")
        return self.files_dir / f"{row[0]}.pdf"

    # ----------------------------------------------------------------- reads: items
    @_locked
    def items(self, issue_id: int) -> list[ItemRow]:
        """The issue's items by position (NotFoundError for an unknown issue)."""
        rows = self._db.execute(
            f"SELECT {_ITEM_COLS} FROM items WHERE issue_id = ? ORDER BY position",
            [int(issue_id)],
        ).fetchall()
        if not rows and not self._db.execute(
            "SELECT 1 FROM issues WHERE id = ?", [int(issue_id)]
        ).fetchone():
            raise NotFoundError(f"no issue with id {issue_id}")
        return [_item_row(r) for r in rows]

    @_locked
    def get_item(self, item_id: int) -> ItemRow:
        """One item by id; :class:`NotFoundError` if there is none."""
        row = self._db.execute(
            f"SELECT {_ITEM_COLS} FROM items WHERE id = ?", [int(item_id)]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no item with id {item_id}")
        return _item_row(row)

    @_locked
    def items_by_ids(self, ids: Sequence[int]) -> list[ItemRow]:
        """Items for ``ids`` in the same order; ids that no longer exist are skipped."""
        wanted = [int(i) for i in ids]
        found: dict[int, ItemRow] = {}
        for chunk in _chunks(wanted):
            for r in self._db.execute(
                f"SELECT {_ITEM_COLS} FROM items WHERE id IN ({_marks(len(chunk))})", chunk
            ).fetchall():
                found[int(r[0])] = _item_row(r)
        return [found[i] for i in wanted if i in found]

    @_locked
    def item_ids(self, view: str, *, offset: int = 0, limit: int | None = None) -> list[int]:
        """Item ids of a view ("all", "unread", "starred"): newest issue first, then position."""
        where = _view_where(view)
        rows = self._db.execute(
            f"""SELECT it.id FROM issues i CROSS JOIN items it ON it.issue_id = i.id {where}
                ORDER BY {_NEWEST}, it.position LIMIT ? OFFSET ?""",
            [-1 if limit is None else int(limit), int(offset)],
        ).fetchall()
        return [int(r[0]) for r in rows]

    @_locked
    def count_items(self, view: str) -> int:
        """How many items a view holds."""
        where = _view_where(view)
        if view == "unread":  # the per-issue counters are kept by triggers: 10k rows, not 100k
            sql = "SELECT coalesce(sum(unread_count), 0) FROM issues"
        else:
            sql = f"SELECT count(*) FROM items it {where}"
        return int(self._db.execute(sql).fetchone()[0])

    # ----------------------------------------------------------------- search
    @_locked
    def search(
        self, query: str, *, limit: int = 20, series_id: int | None = None,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Items matching ``query``, best first (BM25, headline weighted 10x body).

        ``query`` is any user text in the query language (see :mod:`reader.core.search`,
        issue 6: words, phrases, AND/OR/NOT, ``tag:``, ``series:``, ``is:`` ...); a query with
        nothing searchable raises :class:`QueryError`. Each hit carries a snippet with the
        matched words wrapped in ``marks``. ``type:highlights`` gives one hit per highlight.
        """
        from reader.core.search import engine

        results = engine.search(
            self, query, limit=max(0, int(limit)), series_id=series_id, marks=marks
        )
        return [
            SearchHit(
                item_id=h.item_id, issue_id=h.issue_id, series=h.series, label=h.label,
                headline=h.headline,
                snippet=h.snippet if isinstance(h, engine.ItemHit) else h.exact,
                rank=h.rank if isinstance(h, engine.ItemHit) else 0.0,
            )
            for h in results.hits
        ]

    # ----------------------------------------------------------------- stats
    @_locked
    def stats(self) -> dict[str, Any]:
        """Counts and sizes for ``digest-reader stats`` and the About box."""
        q = self._db.execute
        files, size = q("SELECT count(*), coalesce(sum(size), 0) FROM files").fetchone()
        return {
            "folder": str(self.folder),
            "db_path": str(self.db_path),
            "series": int(q("SELECT count(*) FROM series").fetchone()[0]),
            "issues": int(q("SELECT count(*) FROM issues").fetchone()[0]),
            "items": int(q("SELECT count(*) FROM items").fetchone()[0]),
            "unread": int(q("SELECT count(*) FROM items WHERE read = 0").fetchone()[0]),
            "starred": int(q("SELECT count(*) FROM items WHERE starred = 1").fetchone()[0]),
            "files": int(files),
            "bytes": int(size),
            "db_bytes": self.db_path.stat().st_size if self.db_path.exists() else 0,
            "schema": migrations.known_names()[-1],
        }

    @_locked
    def orphan_files(self) -> list[Path]:
        """PDFs in ``files/`` that no database row knows (left by a crash mid-import)."""
        known = {r[0] for r in self._db.execute("SELECT sha256 FROM files").fetchall()}
        return sorted(p for p in self.files_dir.glob("*.pdf") if p.stem not in known)

    @_locked
    def remove_orphan_files(self) -> int:
        """Delete :meth:`orphan_files`; return how many went."""
        removed = 0
        for path in self.orphan_files():
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        return removed

    @_locked
    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` result ("ok" when healthy)."""
        rows = self._db.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(str(r[0]) for r in rows)


_DUPLICATE_SQL = """SELECT (SELECT id FROM issues WHERE sha256 = ?1),
    (SELECT issue_id FROM issue_versions WHERE sha256 = ?1),
    EXISTS (SELECT 1 FROM files WHERE sha256 = ?1)"""
_INSERT_ITEM_PREPARED = (
    "INSERT INTO items (issue_id, position, headline, body, pages, rects, cjk_head, cjk_rest)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_ITEM_COLS = "id, issue_id, position, headline, body, pages, rects, read, starred"


def _view_where(view: str) -> str:
    try:
        return _VIEW_WHERE[view]
    except KeyError:
        raise UserError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}") from None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _issue_row(r: Sequence[Any]) -> IssueRow:
    return IssueRow(
        id=int(r[0]), series_id=int(r[1]), series=r[2], label=r[3], volume=r[4], number=r[5],
        date=r[6], title=r[7], pages=int(r[8]), item_count=int(r[9]), unread_count=int(r[10]),
        has_text_layer=bool(r[11]), sha256=r[12], original_name=r[13],
        parser_version=int(r[14]), imported_at=r[15], warnings=tuple(json.loads(r[16] or "[]")),
    )


def _item_row(r: Sequence[Any]) -> ItemRow:
    return ItemRow(
        id=int(r[0]), issue_id=int(r[1]), position=int(r[2]), headline=r[3], body=r[4],
        pages=tuple(int(p) for p in json.loads(r[5] or "[]")),
        rects=tuple(
            ItemRect(int(v[0]), (float(v[1]), float(v[2]), float(v[3]), float(v[4])))
            for v in json.loads(r[6] or "[]")
        ),
        read=bool(r[7]), starred=bool(r[8]),
    )


def _check_is_library(db: Any, folder: Path) -> None:
    """Refuse a SQLite file that holds tables but is not a Digest Reader library."""
    tables = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    if tables - {migrations.migrations.migrations_table} and not migrations.migrations.applied(db):
        raise LibraryError(f"{folder / DB_NAME} is a SQLite database but not a Digest Reader library")
