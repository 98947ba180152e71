"""Two processes writing one library at once: both succeed (WAL, 5 s busy timeout, one writer at
a time) and no write is lost; the database stays whole.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.maintenance import check_library
from tests.cli.conftest import entry_point
from tests.core.test_backup_support import make_library, make_pdfs

PER_SIDE = 8


def test_two_imports_at_once(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    Library.open(lib).close()
    env = {k: v for k, v in os.environ.items() if k != "DIGEST_READER_DEBUG"}
    procs = []
    for side in (1, 2):
        src = tmp_path / f"in{side}"
        make_pdfs(src, PER_SIDE, prefix=f"side{side}", volume=side)
        procs.append(
            subprocess.Popen(
                [
                    entry_point(),
                    "--library",
                    str(lib),
                    "import",
                    "--jobs",
                    "1",
                    "--json",
                    "--keep-backups",
                    "0",
                    str(src),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        )
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert [o["outcome"] for o in json.loads(out)] == ["imported"] * PER_SIDE
    with Library.open(lib) as opened:
        assert opened.count_issues() == 2 * PER_SIDE
    assert check_library(lib).ok


WRITER = r"""
import sys
from reader.core.library import Library
lib = Library.open(sys.argv[1])
side = int(sys.argv[2])
mine = [i for i in lib.item_ids("all") if i % 2 == side % 2]
for rnd in range(15):
    for item in mine:
        lib.set_starred([item], True)
        lib.set_read([item], rnd % 2 == 0)
        lib.annotations.tag_items([item], f"side{side}-r{rnd}")
        lib.annotations.set_note(item, f"note from side {side}, round {rnd}")
print("done", flush=True)
"""


def test_two_processes_writing_flags_and_annotations(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    make_library(lib, tmp_path / "pdfs", count=2)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(lib), str(side)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in (1, 2)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "done", err
    with Library.open(lib) as opened:
        assert opened.integrity_check() == "ok"
        ids = opened.item_ids("all")
        for item in ids:
            side = 1 if item % 2 == 1 else 2
            row = opened.get_item(item)
            assert row.starred and row.read  # last round (14) sets read
            tags = opened.annotations.item_tags(item)
            assert tags == sorted(f"side{side}-r{r}" for r in range(15)), (item, tags)
            assert opened.annotations.note(item) == f"note from side {side}, round 14"
    assert check_library(lib).ok


def test_a_writer_that_cannot_get_the_lock_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the busy timeout (5 s; 0.2 s here) the second writer gets one clear line, no damage."""
    from reader.core.library import db as dbmod

    lib_dir = tmp_path / "lib"
    make_library(lib_dir, tmp_path / "pdfs", count=1)
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    blocker = sqlite3.connect(lib_dir / "library.sqlite", isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        with Library.open(lib_dir) as lib:
            item = lib.item_ids("all")[0]
            assert lib.get_item(item).starred is False  # reading still works (WAL)
            with pytest.raises(LibraryError, match="in use by another program") as err:
                lib.set_starred([item], True)
            assert "\n" not in str(err.value)
            blocker.execute("ROLLBACK")
            assert lib.set_starred([item], True) == 1  # lock free again: the retry works
    finally:
        blocker.close()
    assert check_library(lib_dir).ok
