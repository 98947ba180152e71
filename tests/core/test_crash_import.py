"""SIGKILL in the middle of a bulk import and of flag writes (subprocesses, as a crash would).

After the kill: integrity_check passes, no issue is half-imported (each has all its items and
its PDF), no PDF sits in files/ without a row once the library is opened again (only
``.*.tmp`` copies, which Library.open removes once stale; a PDF renamed in just before the kill
is moved to lost+found/), every write acknowledged before the kill is there, and running the same
import again finishes the rest (earlier files come back as duplicates).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.maintenance import open_library
from tests.cli.conftest import entry_point
from tests.core.test_backup_support import make_library, make_pdfs

FILES = 60


def count_issues(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM issues").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its fork server and its workers
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def assert_no_half_import(folder: Path) -> int:
    con = sqlite3.connect(folder / "library.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute(
            "SELECT i.id, i.sha256, i.item_count, (SELECT count(*) FROM items WHERE issue_id = i.id)"
            " FROM issues i"
        ).fetchall()
        shas = {r[0] for r in con.execute("SELECT sha256 FROM files")}
    finally:
        con.close()
    for issue_id, sha, item_count, items in rows:
        assert items == item_count and items > 0, f"issue {issue_id} is half-imported"
        assert (folder / "files" / f"{sha}.pdf").is_file(), f"issue {issue_id} has no PDF"
    on_disk = {p.stem for p in (folder / "files").glob("*.pdf")}
    assert on_disk == shas, "a PDF in files/ has no row (or a row has no PDF)"
    assert all(
        p.name.startswith(".") and p.suffix == ".tmp"
        for p in (folder / "files").iterdir()
        if p.suffix != ".pdf"
    )
    return len(rows)


def test_sigkill_during_bulk_import(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_pdfs(src, FILES)
    lib = tmp_path / "lib"
    cmd = [
        entry_point(),
        "--library",
        str(lib),
        "import",
        "--jobs",
        "2",
        "--keep-backups",
        "0",
        "--json",
        str(src),
    ]
    env = {k: v for k, v in os.environ.items() if k != "DIGEST_READER_DEBUG"}
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while count_issues(lib / "library.sqlite") < 5:
            assert proc.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.01)
    finally:
        kill_group(proc)
    # the next open (CLI and window use open_library) moves a PDF renamed into files/ just
    # before the kill, whose rows never committed, to lost+found/
    with open_library(lib) as opened:
        assert opened.integrity_check() == "ok"
    before = assert_no_half_import(lib)
    assert 5 <= before < FILES, f"killed too late to prove anything ({before} of {FILES})"
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)
    assert again.returncode == 0, again.stderr
    outcomes = json.loads(again.stdout)
    kinds = [o["outcome"] for o in outcomes]
    assert kinds.count("duplicate") == before
    assert kinds.count("imported") == FILES - before
    assert assert_no_half_import(lib) == FILES


WRITER = r"""
import sys
from reader.core.library import Library
from reader.core.maintenance import open_library
lib = Library.open(sys.argv[1])
ids = lib.item_ids("all")
for n in range(100000):
    item = ids[n % len(ids)]
    lib.set_read([item], n < len(ids))  # first pass marks read, later passes rewrite the same
    lib.set_starred([item], True)
    print(item, flush=True)  # acknowledged: both writes committed
"""


def test_sigkill_during_flag_writes_keeps_every_acknowledged_write(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    make_library(lib, tmp_path / "pdfs", count=3)
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(lib)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    acked = []
    try:
        for line in proc.stdout:
            acked.append(int(line))
            if len(acked) >= 200:
                break
    finally:
        kill_group(proc)
        proc.stdout.close()
    assert len(acked) >= 200
    with Library.open(lib) as opened:
        assert opened.integrity_check() == "ok"
        for i in set(acked):
            item = opened.get_item(i)
            assert item.starred, f"acknowledged star on item {i} lost"
        assert opened.count_items("starred") >= len(set(acked))


if not hasattr(os, "killpg"):  # pragma: no cover
    pytestmark = pytest.mark.skip(reason="needs POSIX process groups")
