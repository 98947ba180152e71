"""``digest-reader backup / restore / check``, the damaged-library message, backups on import,
and passwords never reaching the disk: run as a user would, in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import paths
from reader.core.library import Library
from reader.core.maintenance import list_backups
from tests.cli.pdf_factory import digest_pdf
from tests.core.test_backup_support import corrupt_file, make_library


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "lib", tmp_path / "pdfs", count=2)
    return tmp_path / "lib"


def test_backup_restore_roundtrip(cli, lib_dir: Path, tmp_path: Path) -> None:
    made = cli("--library", str(lib_dir), "backup")
    assert made.returncode == 0 and "verified" in made.stdout
    [backup] = list_backups(lib_dir)
    out_file = cli("--library", str(lib_dir), "backup", "-o", str(tmp_path / "copy.sqlite"))
    assert out_file.returncode == 0 and (tmp_path / "copy.sqlite").is_file()
    again = cli("--library", str(lib_dir), "backup", "-o", str(tmp_path / "copy.sqlite"))
    assert again.returncode == 1 and "already exists" in again.stderr
    into_dir = cli("--library", str(lib_dir), "backup", "-o", str(tmp_path))
    assert into_dir.returncode == 0 and len(list(tmp_path.glob("library-*.sqlite"))) == 1
    assert cli("--library", str(lib_dir), "star", "1").returncode == 0
    restored = cli("--library", str(lib_dir), "restore", str(backup.path))
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert len(list(lib_dir.glob("library.sqlite.before-restore-*"))) == 1
    with Library.open(lib_dir) as lib:  # the star made after the backup is gone with it
        assert lib.count_items("starred") == 0 and lib.count_issues() == 2


def test_restore_refuses_a_bad_file_and_while_in_use(cli, lib_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"nope" * 100)
    result = cli("--library", str(lib_dir), "restore", str(bad))
    assert result.returncode == 1 and "not usable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    cli("--library", str(lib_dir), "backup")
    [backup] = list_backups(lib_dir)
    holder = subprocess.Popen(  # another "window" keeps the library open
        [
            sys.executable,
            "-c",
            "import sys; from reader.core.library import Library; l = Library.open(sys.argv[1]);"
            " l.count_issues(); print('open', flush=True); sys.stdin.read()",
            str(lib_dir),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        busy = cli("--library", str(lib_dir), "restore", str(backup.path))
        assert busy.returncode == 1 and "open in another" in busy.stderr
    finally:
        holder.communicate("", timeout=30)
    assert cli("--library", str(lib_dir), "restore", str(backup.path)).returncode == 0


def test_check_exit_codes_and_repair(cli, lib_dir: Path) -> None:
    fine = cli("--library", str(lib_dir), "check")
    assert fine.returncode == 0 and "the library is fine" in fine.stdout
    stray = lib_dir / "files" / ("cd" * 32 + ".pdf")
    stray.write_bytes(b"%PDF-1.4 stray")
    os.utime(stray, (1_000_000_000, 1_000_000_000))
    found = cli("--library", str(lib_dir), "check", "--json")
    assert found.returncode == 1
    report = json.loads(found.stdout)
    assert report["ok"] is False
    assert [f["check"] for f in report["findings"] if not f["ok"]] == ["unknown PDFs"]
    repaired = cli("--library", str(lib_dir), "check", "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert "repaired" in repaired.stdout and (lib_dir / "lost+found" / stray.name).exists()
    missing = cli("--library", str(tmp_path_missing := lib_dir.parent / "nowhere"), "check")
    assert missing.returncode == 1 and "no library" in missing.stderr
    assert not tmp_path_missing.exists()


def test_damaged_library_at_start_is_moved_aside_with_a_restore_hint(cli, lib_dir: Path) -> None:
    cli("--library", str(lib_dir), "backup")
    [backup] = list_backups(lib_dir)
    (lib_dir / "library.sqlite").write_bytes(b"garbage " * 1000)
    result = cli("--library", str(lib_dir), "list")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "moved aside" in lines[0]
    assert f"digest-reader restore {backup.path}" in lines[0]
    assert len([p for p in lib_dir.glob("library.sqlite.corrupt-*") if "-wal" not in p.name]) == 1
    assert cli("--library", str(lib_dir), "restore", str(backup.path)).returncode == 0
    listed = cli("--library", str(lib_dir), "list", "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2


def test_damaged_pages_are_caught_by_check(cli, lib_dir: Path) -> None:
    corrupt_file(lib_dir / "library.sqlite")
    result = cli("--library", str(lib_dir), "check")
    assert result.returncode == 1 and "damaged" in result.stdout


def test_import_backs_up_at_most_daily_and_can_be_told_not_to(cli, tmp_path: Path) -> None:
    a = digest_pdf(tmp_path / "a.pdf", label="Vol 1.1", salt="a")
    b = digest_pdf(tmp_path / "b.pdf", label="Vol 1.2", salt="b")
    lib = tmp_path / "lib"
    assert cli("--library", str(lib), "import", "--keep-backups", "0", str(a)).returncode == 0
    assert list_backups(lib) == []
    assert cli("--library", str(lib), "import", str(b)).returncode == 0
    assert len(list_backups(lib)) == 1
    assert cli("--library", str(lib), "import", str(a)).returncode == 0  # duplicate; no new backup
    assert len(list_backups(lib)) == 1


PASSWORD = "Tr0ub4dor&3-zebra-quilt"


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_password_is_never_written_to_disk(cli, tmp_path: Path) -> None:
    pdf = digest_pdf(tmp_path / "locked.pdf", password=PASSWORD)
    lib = tmp_path / "lib"
    wrong = cli("--library", str(lib), "import", "--password", PASSWORD + "x", str(pdf))
    assert wrong.returncode == 1 and "wrong password" in wrong.stdout
    ok = cli("--library", str(lib), "import", "--password", PASSWORD, str(pdf))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert cli("--library", str(lib), "backup").returncode == 0
    needles = [PASSWORD.encode(), PASSWORD.encode("utf-16-le"), (PASSWORD + "x").encode()]
    places = [lib, paths.config_dir(), paths.log_dir()]
    leaks = [
        str(path)
        for place in places
        for path, data in _all_bytes(place)
        for needle in needles
        if needle in data
    ]
    assert leaks == []
    assert any(lib.rglob("*.pdf"))  # the encrypted PDF itself is stored as it came
