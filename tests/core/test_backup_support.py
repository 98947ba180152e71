"""Helpers for the reliability tests (backup, restore, check, recovery, faults): no tests here.

Libraries are filled in-process (parse + store_issue) where the importer's worker processes
are not the point, which keeps these tests fast.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.library import Library, file_sha256
from reader.core.parse import parse
from tests.cli.pdf_factory import digest_pdf


def make_pdfs(folder: Path, count: int, *, prefix: str = "issue", volume: int = 1) -> list[Path]:
    """``count`` distinct one-page digests (different bytes and labels "Vol <volume>.<n>")."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        digest_pdf(folder / f"{prefix}-{i:03d}.pdf", label=f"Vol {volume}.{i + 1}", salt=f"{prefix}{i}")
        for i in range(count)
    ]


def store(lib: Library, pdf: Path) -> int:
    return lib.store_issue(parse(pdf), pdf, file_sha256(pdf), original_name=pdf.name)


def make_library(folder: Path, pdf_dir: Path, count: int = 2) -> list[int]:
    """A library at ``folder`` with ``count`` issues; returns their ids."""
    with Library.open(folder) as lib:
        return [store(lib, p) for p in make_pdfs(pdf_dir, count)]


def integrity(db_path: Path) -> str:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def corrupt_file(db_path: Path) -> None:
    """Overwrite the middle of the database with garbage (header kept: it still 'opens')."""
    data = bytearray(db_path.read_bytes())
    for i in range(1024, min(len(data), 1024 + 3 * 4096)):
        data[i] = 0x5A
    db_path.write_bytes(bytes(data))
