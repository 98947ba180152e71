"""``digest-reader check [--repair]``: is the library whole, and mend what can be mended safely.

Checks, in order: SQLite's ``integrity_check``; ``foreign_key_check``; every FTS5 index against
its content table (FTS5 ``integrity-check`` with rank 1); each PDF the database knows is in
``files/`` with the recorded size; no PDF in ``files/`` is unknown to the database.
Repair rebuilds FTS indexes and moves unknown PDFs to ``lost+found/`` (never deletes them);
damage SQLite reports and PDFs that are gone cannot be repaired here: the report says how to
restore a backup or put the PDF back. Uses its own connection, so it works on a library that
``Library.open`` would refuse, and never migrates.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import LibraryError
from reader.core.library.db import BUSY_TIMEOUT_MS, describe
from reader.core.library.service import DB_NAME, FILES_DIR
from reader.core.maintenance.recovery import newest_good_backup
from reader.core.maintenance.sqlite_files import (
    LOST_AND_FOUND,
    folder_writable,
    looks_corrupt,
    read_only_message,
    unique_path,
)

ORPHAN_GRACE_SECONDS = 600
"""A PDF in files/ younger than this may belong to an import still running: left alone."""


@dataclass
class Finding:
    """The result of one check. ``ok``: nothing wrong; ``repaired``: it was wrong and is fixed."""

    check: str
    ok: bool
    detail: str
    repaired: bool = False

    @property
    def fine(self) -> bool:
        return self.ok or self.repaired

    def line(self) -> str:
        status = "ok" if self.ok else ("repaired" if self.repaired else "PROBLEM")
        return f"{self.check}: {status}: {self.detail}"


@dataclass
class CheckReport:
    folder: Path
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong any more (all fine or all repaired)."""
        return all(f.fine for f in self.findings)

    def lines(self) -> list[str]:
        return [f.line() for f in self.findings]

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "ok": self.ok,
            "findings": [
                {"check": f.check, "ok": f.ok, "repaired": f.repaired, "detail": f.detail}
                for f in self.findings
            ],
        }


def check_library(
    library: Any, *, repair: bool = False, orphan_grace: float = ORPHAN_GRACE_SECONDS
) -> CheckReport:
    """Check the library folder (or :class:`Library`'s folder); repair what is safe if asked."""
    folder = Path(getattr(library, "folder", library)).expanduser()
    db_path = folder / DB_NAME
    if not db_path.is_file():
        raise LibraryError(f"no library at {folder}")
    report = CheckReport(folder)
    writable = folder_writable(folder)
    if repair and not writable:
        raise LibraryError(read_only_message(folder))
    # a read-only folder (or mount) can still be checked: opened immutable, nothing written
    target = str(db_path) if writable else f"{db_path.resolve().as_uri()}?immutable=1"
    try:
        con = sqlite3.connect(target, uri=not writable, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open library database {db_path}: {describe(exc)}") from None
    try:
        healthy = _integrity(con, report, folder)
        if healthy:
            _foreign_keys(con, report)
            if writable:
                _fts(con, report, repair)
            else:  # FTS5's integrity-check is an INSERT command: impossible read-only
                report.findings.append(
                    Finding("search index", True, "not checked: the library folder is read-only")
                )
            _files(con, report, folder, repair, orphan_grace)
    finally:
        con.close()
    return report


def _integrity(con: sqlite3.Connection, report: CheckReport, folder: Path) -> bool:
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        result = "; ".join(str(r[0]) for r in rows)
    except sqlite3.Error as exc:
        if not looks_corrupt(str(exc)):  # busy, unreadable...: not damage, say what it is
            raise LibraryError(f"cannot check {folder}: {describe(exc)}") from None
        result = describe(exc)
    if result == "ok":
        report.findings.append(Finding("database integrity", True, "SQLite integrity check passed"))
        return True
    backup = newest_good_backup(folder)
    advice = (
        f"restore the newest good backup ({backup.label}): digest-reader restore {backup.path}"
        if backup
        else "no good backup found in backups/"
    )
    report.findings.append(Finding("database integrity", False, f"damaged ({result[:200]}); {advice}"))
    return False


def _foreign_keys(con: sqlite3.Connection, report: CheckReport) -> None:
    rows = con.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        report.findings.append(Finding("foreign keys", True, "every row points at an existing row"))
        return
    per_table: dict[str, int] = {}
    for r in rows:
        per_table[r[0]] = per_table.get(r[0], 0) + 1
    shown = ", ".join(f"{t}: {n}" for t, n in sorted(per_table.items()))
    report.findings.append(
        Finding(
            "foreign keys",
            False,
            f"{len(rows)} rows point at missing rows ({shown}); not repaired automatically,"
            " restore a backup if data is missing",
        )
    )


def fts_tables(con: sqlite3.Connection) -> list[str]:
    """Names of the FTS5 tables in the database (items_fts, and any added later)."""
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        " AND lower(sql) LIKE '%using fts5%'"
    ).fetchall()
    return sorted(r[0] for r in rows)


def _fts_problem(con: sqlite3.Connection, table: str) -> str | None:
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        con.execute(f"INSERT INTO {quoted}({quoted}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.Error as exc:
        return describe(exc)
    return None


def _fts(con: sqlite3.Connection, report: CheckReport, repair: bool) -> None:
    for table in fts_tables(con):
        problem = _fts_problem(con, table)
        name = f"search index {table}"
        if problem is None:
            report.findings.append(Finding(name, True, "matches its content"))
            continue
        if not repair:
            report.findings.append(
                Finding(name, False, f"out of step with its content ({problem}); run check --repair")
            )
            continue
        quoted = '"' + table.replace('"', '""') + '"'
        try:
            con.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('rebuild')")
            after = _fts_problem(con, table)
        except sqlite3.Error as exc:
            after = describe(exc)
        if after is None:
            report.findings.append(Finding(name, False, "was out of step; rebuilt", repaired=True))
        else:
            report.findings.append(Finding(name, False, f"rebuild failed: {after}"))


def _files(con: sqlite3.Connection, report: CheckReport, folder: Path, repair: bool, grace: float) -> None:
    files_dir = folder / FILES_DIR
    known: dict[str, int] = {
        r[0]: int(r[1]) for r in con.execute("SELECT sha256, size FROM files").fetchall()
    }
    names = {
        r[0]: " ".join(x for x in (r[1], r[2]) if x) or r[3]
        for r in con.execute(
            """SELECT f.sha256, s.name, i.label, f.original_name FROM files f
               LEFT JOIN issues i ON i.sha256 = f.sha256 LEFT JOIN series s ON s.id = i.series_id"""
        ).fetchall()
    }
    missing, wrong_size = [], []
    for sha, size in known.items():
        path = files_dir / f"{sha}.pdf"
        try:
            actual = path.stat().st_size
        except OSError:
            missing.append(sha)
            continue
        if actual != size:
            wrong_size.append(sha)
    if not missing and not wrong_size:
        report.findings.append(Finding("issue PDFs", True, f"all {len(known)} present in files/"))
    else:
        parts = []
        if missing:
            shown = "; ".join(f"{names.get(s, s)} ({s[:12]}…)" for s in missing[:5])
            parts.append(f"{len(missing)} missing from files/: {shown}{' …' if len(missing) > 5 else ''}")
        if wrong_size:
            shown = "; ".join(f"{names.get(s, s)} ({s[:12]}…)" for s in wrong_size[:5])
            parts.append(f"{len(wrong_size)} changed on disk (size differs): {shown}")
        parts.append(
            "text, marks and notes are intact; copy the original PDF back to files/<sha256>.pdf"
            " to see its pages again"
        )
        report.findings.append(Finding("issue PDFs", False, "; ".join(parts)))

    cutoff = time.time() - grace
    orphans = sorted(p for p in files_dir.glob("*.pdf") if p.stem not in known) if files_dir.is_dir() else []
    if not orphans:
        report.findings.append(Finding("unknown PDFs", True, "none in files/"))
        return
    old = [p for p in orphans if _mtime(p) < cutoff]
    recent = len(orphans) - len(old)
    note = f" ({recent} recent, left alone: an import may be running)" if recent else ""
    if not repair or not old:
        report.findings.append(
            Finding(
                "unknown PDFs",
                False,
                f"{len(orphans)} PDFs in files/ that no issue uses{note}; check --repair moves them"
                f" to {LOST_AND_FOUND}/",
            )
        )
        return
    target_dir = folder / LOST_AND_FOUND
    moved, failed = 0, 0
    try:
        target_dir.mkdir(exist_ok=True)
        for p in old:
            try:
                shutil.move(str(p), str(unique_path(target_dir / p.name)))
                moved += 1
            except OSError:
                failed += 1
    except OSError:
        failed = len(old)
    fixed = failed == 0 and recent == 0
    detail = f"moved {moved} PDFs that no issue uses to {target_dir}{note}"
    if failed:
        detail += f"; {failed} could not be moved"
    report.findings.append(Finding("unknown PDFs", False, detail, repaired=fixed))


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0
