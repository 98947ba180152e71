"""check_library: integrity, foreign keys, FTS consistency, missing and unknown PDFs; repair."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.maintenance import LOST_AND_FOUND, backup_library, check_library
from tests.core.test_backup_support import corrupt_file, make_library


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "lib", tmp_path / "pdfs", count=2)
    return tmp_path / "lib"


def problems(report) -> list[str]:
    return [f.check for f in report.findings if not f.fine]


def test_healthy_library_reports_ok(lib_dir: Path) -> None:
    report = check_library(lib_dir)
    assert report.ok, report.lines()
    checks = [f.check for f in report.findings]
    assert checks[:2] == ["database integrity", "foreign keys"]
    assert "search index items_fts" in checks  # and every other FTS5 table (annotations_fts...)
    assert all("\n" not in line for line in report.lines())


def test_fts_out_of_step_is_found_and_rebuilt(lib_dir: Path) -> None:
    con = sqlite3.connect(lib_dir / "library.sqlite")
    con.execute("DROP TRIGGER items_fts_au")  # simulate a bug: edits no longer reach the index
    con.execute("UPDATE items SET headline = 'zanzibar quokka' WHERE id = 1")
    con.commit()
    con.close()
    report = check_library(lib_dir)
    assert problems(report) == ["search index items_fts"] and not report.ok
    repaired = check_library(lib_dir, repair=True)
    assert repaired.ok and any(f.repaired for f in repaired.findings)
    with Library.open(lib_dir) as lib:
        assert [h.item_id for h in lib.search("quokka")] == [1]
    assert check_library(lib_dir).ok


def test_missing_pdf_is_reported_not_repairable(lib_dir: Path) -> None:
    with Library.open(lib_dir) as lib:
        pdf = lib.issue_pdf_path(1)
        display = lib.get_issue(1).display_name
    pdf.unlink()
    for repair in (False, True):
        report = check_library(lib_dir, repair=repair)
        assert problems(report) == ["issue PDFs"]
        detail = next(f.detail for f in report.findings if f.check == "issue PDFs")
        assert "1 missing" in detail and display in detail
    with Library.open(lib_dir) as lib:  # nothing else lost: text still there
        assert lib.items(1)


def test_unknown_pdfs_move_to_lost_and_found(lib_dir: Path) -> None:
    stray = lib_dir / "files" / ("ab" * 32 + ".pdf")
    stray.write_bytes(b"%PDF-1.4 left by a crash")
    report = check_library(lib_dir, repair=True)  # too recent: an import may be running
    assert problems(report) == ["unknown PDFs"] and stray.exists()
    os.utime(stray, (1_000_000_000, 1_000_000_000))
    assert problems(check_library(lib_dir)) == ["unknown PDFs"]
    report = check_library(lib_dir, repair=True)
    assert report.ok, report.lines()
    assert not stray.exists()
    assert (lib_dir / LOST_AND_FOUND / stray.name).read_bytes() == b"%PDF-1.4 left by a crash"


def test_foreign_key_violation_is_reported(lib_dir: Path) -> None:
    con = sqlite3.connect(lib_dir / "library.sqlite")
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("INSERT INTO items (issue_id, position, headline) VALUES (999, 1, 'stray')")
    con.commit()
    con.close()
    report = check_library(lib_dir, repair=True)
    assert "foreign keys" in problems(report) and not report.ok


def test_damaged_database_points_at_a_backup(lib_dir: Path) -> None:
    good = backup_library(lib_dir)
    corrupt_file(lib_dir / "library.sqlite")
    report = check_library(lib_dir)
    assert not report.ok
    assert problems(report) == ["database integrity"]
    assert f"digest-reader restore {good}" in report.findings[0].detail
