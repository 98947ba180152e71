"""The worker pool under stress: hangs, crashes, memory blow-ups and recycling.

Faults are injected through DIGEST_READER_TEST_FAULT (read by the pool, honoured by workers):
``kind=marker`` makes a worker misbehave on files whose name contains ``marker``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.importer import import_paths
from reader.core.importer.workers import WorkerPool
from reader.core.library import Library
from tests.cli import pdf_factory as pf

FAULT = "DIGEST_READER_TEST_FAULT"


@pytest.fixture
def lib(tmp_path: Path):
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


def outcomes_by_name(outcomes):
    return {Path(o.path).name: o for o in outcomes}


def files(tmp_path: Path, *names: str) -> list[Path]:
    # Distinct issue numbers: same-numbered PDFs of one series are versions of one issue.
    return [
        pf.digest_pdf(tmp_path / name, salt=name, label=f"Vol 2.{10 + n}") for n, name in enumerate(names)
    ]


def test_hanging_parse_is_killed_at_the_deadline(lib, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(FAULT, "hang=HANG")
    paths = files(tmp_path, "1.pdf", "2-HANG.pdf", "3.pdf", "4.pdf")
    got = outcomes_by_name(import_paths(lib, paths, jobs=2, timeout=2))
    assert got["2-HANG.pdf"].outcome == "failed"
    assert got["2-HANG.pdf"].reason == "timed out after 2 s while parsing"
    assert [got[n].outcome for n in ("1.pdf", "3.pdf", "4.pdf")] == ["imported"] * 3
    assert lib.count_issues() == 3


def test_segfault_fails_only_that_file(lib, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(FAULT, "crash=CRASH")
    paths = files(tmp_path, "a.pdf", "b-CRASH.pdf", "c.pdf")
    got = outcomes_by_name(import_paths(lib, paths, jobs=1))
    assert got["b-CRASH.pdf"].outcome == "failed"
    assert got["b-CRASH.pdf"].reason == "the PDF crashed the parser (signal 11)"
    assert got["a.pdf"].outcome == got["c.pdf"].outcome == "imported"


def test_worker_that_exits_is_replaced(lib, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(FAULT, "exit=BYE")
    paths = files(tmp_path, "a-BYE.pdf", "b.pdf")
    got = outcomes_by_name(import_paths(lib, paths, jobs=1))
    assert got["a-BYE.pdf"].reason == "the parser process exited unexpectedly (exit code 3)"
    assert got["b.pdf"].outcome == "imported"


def test_memory_limit_turns_into_a_failure_reason(lib, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(FAULT, "memory=HOG")
    paths = files(tmp_path, "a-HOG.pdf", "b.pdf")
    got = outcomes_by_name(import_paths(lib, paths, jobs=1, memory_limit=768 << 20))
    assert got["a-HOG.pdf"].outcome == "failed"
    assert got["a-HOG.pdf"].reason.startswith("ran out of memory while parsing (limit 768 MB)")
    assert got["b.pdf"].outcome == "imported"


def test_failures_leave_the_library_consistent(lib, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(FAULT, "crash=CRASH;hang=HANG")
    paths = files(tmp_path, "x-CRASH.pdf", "y-HANG.pdf")
    got = import_paths(lib, paths, jobs=2, timeout=2)
    assert [o.outcome for o in got] == ["failed", "failed"]
    assert lib.count_issues() == 0
    assert list(lib.files_dir.iterdir()) == []
    con = sqlite3.connect(lib.db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_workers_are_recycled_after_max_tasks(tmp_path) -> None:
    paths = files(tmp_path, "r1.pdf", "r2.pdf", "r3.pdf")
    results = []
    with WorkerPool(1, timeout=60, max_tasks=1) as pool:
        for key, path in enumerate(paths):
            pool.submit(key, str(path))
            while not results or len(results) <= key:
                results.extend(pool.wait())
        assert pool.workers_started == 3
        assert pool.peak_worker_rss_kb > 0
    assert all(r.ok for r in results)
    assert [r.key for r in results] == [0, 1, 2]


def test_recycling_inside_an_import_keeps_every_file(lib, tmp_path) -> None:
    paths = files(tmp_path, *(f"k{i}.pdf" for i in range(5)))
    stats: dict = {}
    got = import_paths(lib, paths, jobs=2, max_tasks_per_worker=1, stats=stats)
    assert [o.outcome for o in got] == ["imported"] * 5
    assert stats["workers_started"] == 5
