"""Environment faults: read-only library folder, full disk, non-ASCII paths, a PDF deleted from
files/. Each gets a clear one-line message and loses nothing.

Read-only and full disk use real mounts (a read-only bind mount, a 2 MB tmpfs) when the test
runs with the right to mount (root in CI); otherwise the read-only case falls back to chmod for
a normal user and skips with a reason for root without mount rights, and the full-disk case is
still covered by ``PRAGMA max_page_count`` (SQLite's own "database or disk is full").
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.errors import BadPdfError, LibraryError
from reader.core.importer import import_paths
from reader.core.library import Library, file_sha256
from reader.core.maintenance import backup_library, check_library, list_backups, open_library
from reader.core.parse import parse
from reader.core.pdf import open_document
from tests.cli.conftest import run_cli
from tests.core.test_backup_support import make_library, make_pdfs, store


def _mount(*args: str) -> bool:
    if shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True)


@pytest.fixture
def read_only_library(tmp_path: Path) -> Iterator[Path]:
    src = tmp_path / "src"
    make_library(src, tmp_path / "pdfs", count=2)
    view = tmp_path / "ro"
    view.mkdir()
    if _mount("--bind", str(src), str(view)):
        if _mount("-o", "remount,bind,ro", str(view)):
            yield view
            _umount(view)
            return
        _umount(view)
    if os.geteuid() == 0:
        pytest.skip("running as root without the right to mount: chmod cannot make a folder read-only")
    for p in [src, src / "files", *src.rglob("*")]:
        p.chmod(p.stat().st_mode & ~0o222)
    yield src
    for p in [src, *src.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)


def test_read_only_library_gets_a_clear_message_and_stays_readable(read_only_library: Path) -> None:
    before = (read_only_library / "library.sqlite").read_bytes()
    with pytest.raises(LibraryError) as err:
        open_library(read_only_library)
    message = str(err.value)
    assert "read-only" in message and "\n" not in message
    result = run_cli("--library", str(read_only_library), "list")
    assert result.returncode == 1 and "read-only" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert check_library(read_only_library).ok  # checking needs no writes
    with pytest.raises(LibraryError, match="read-only"):
        check_library(read_only_library, repair=True)
    with pytest.raises(LibraryError):
        backup_library(read_only_library)
    assert (read_only_library / "library.sqlite").read_bytes() == before


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    mnt.mkdir()
    # Room for a fresh library (its WAL holds every migration until the first checkpoint) and one
    # small import; the test then fills the rest.
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)):
        pytest.skip("cannot mount a small tmpfs here (needs root); max_page_count test covers SQLite")
    yield mnt
    _umount(mnt)


def test_full_disk_fails_imports_and_backups_cleanly(tiny_disk: Path, tmp_path: Path) -> None:
    pdfs = make_pdfs(tmp_path / "in", 3)
    with Library.open(tiny_disk / "lib") as lib:
        [first] = import_paths(lib, pdfs[:1], jobs=1)
        assert first.outcome == "imported"
        item = lib.items(first.issue_id)[0].id
        with open(tiny_disk / "filler", "wb", buffering=0) as fh:  # fill the disk to the last block
            try:
                while True:
                    fh.write(b"\1" * 4096)
            except OSError:
                pass
        outcomes = import_paths(lib, pdfs[1:], jobs=1)
        for o in outcomes:
            assert o.outcome == "failed" and "No space left" in o.reason and "\n" not in o.reason
        with pytest.raises(LibraryError, match="disk is full"):
            lib.set_starred(lib.item_ids("all"), True)
        with pytest.raises(LibraryError, match="disk is full"):
            backup_library(lib)
        assert list_backups(lib) == []
        assert not [p for p in (tiny_disk / "lib").rglob("*") if p.name.startswith(".")]
        (tiny_disk / "filler").unlink()  # space again: everything is still there and works
        assert lib.integrity_check() == "ok"
        assert lib.count_issues() == 1
        assert lib.set_starred([item], True) == 1
    assert check_library(tiny_disk / "lib").ok


def test_database_full_rolls_back_the_whole_issue(tmp_path: Path) -> None:
    pdfs = make_pdfs(tmp_path / "in", 2)
    with Library.open(tmp_path / "lib") as lib:
        store(lib, pdfs[0])
        pages = lib._db.execute("PRAGMA page_count").fetchone()[0]
        lib._db.execute(f"PRAGMA max_page_count = {pages}")  # this connection: no room to grow
        parsed = parse(pdfs[1])
        first = parsed.items[0]
        bulky = replace(  # 200 KB of text: needs new pages
            parsed, items=[replace(first, position=i + 1, body="words " * 350) for i in range(100)]
        )
        with pytest.raises(LibraryError, match="disk is full") as err:
            lib.store_issue(bulky, pdfs[1], file_sha256(pdfs[1]), original_name=pdfs[1].name)
        assert "\n" not in str(err.value)
        assert lib.count_issues() == 1 and lib.integrity_check() == "ok"
    assert check_library(tmp_path / "lib").ok  # no stray PDF left in files/


def test_non_ascii_library_path_works_end_to_end(tmp_path: Path) -> None:
    lib = tmp_path / "Bibliothèque — 図書館 Ünïcødé"
    pdfs = make_pdfs(tmp_path / "entrée 資料", 2)
    ok = run_cli("--library", str(lib), "import", "--jobs", "1", *map(str, pdfs))
    assert ok.returncode == 0, ok.stderr
    assert len(list_backups(lib)) == 1  # the at-start backup (made before the import)
    assert run_cli("--library", str(lib), "backup").returncode == 0
    assert run_cli("--library", str(lib), "check").returncode == 0
    newest = list_backups(lib)[0].path
    restored = run_cli("--library", str(lib), "restore", str(newest))
    assert restored.returncode == 0, restored.stderr
    shown = run_cli("--library", str(lib), "show", "1")
    assert shown.returncode == 0 and "Quayside" in shown.stdout


def test_pdf_deleted_from_files_keeps_everything_else(tmp_path: Path) -> None:
    lib_dir = tmp_path / "lib"
    make_library(lib_dir, tmp_path / "pdfs", count=2)
    with Library.open(lib_dir) as lib:
        pdf = lib.issue_pdf_path(1)
        lib.set_starred([lib.items(1)[0].id], True)
    pdf.unlink()
    with pytest.raises(BadPdfError, match="file not found"):
        open_document(pdf)
    report = check_library(lib_dir)
    assert not report.ok and any("1 missing" in f.detail for f in report.findings)
    result = run_cli("--library", str(lib_dir), "check")
    assert result.returncode == 1 and "missing from files/" in result.stdout
    shown = run_cli("--library", str(lib_dir), "show", "1")
    assert shown.returncode == 0 and "Harbour board" in shown.stdout
    with Library.open(lib_dir) as lib:
        assert lib.count_items("starred") == 1
    con = sqlite3.connect(lib_dir / "library.sqlite")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
