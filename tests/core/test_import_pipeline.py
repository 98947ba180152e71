"""import_paths end to end: good files, duplicates, bad files, progress, cancel, threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.core.importer import ImportOutcome, import_paths
from reader.core.library import Library
from tests.cli import pdf_factory as pf


@pytest.fixture
def lib(tmp_path: Path):
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


def snapshot(library: Library) -> tuple:
    """Everything a failed import must leave untouched: row counts and stored files."""
    con = sqlite3.connect(library.db_path)
    try:
        counts = tuple(
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("series", "issues", "items", "files")
        )
    finally:
        con.close()
    files = sorted(p.name for p in library.files_dir.iterdir())
    return counts, files


def by_name(outcomes: list[ImportOutcome]) -> dict[str, ImportOutcome]:
    return {Path(o.path).name: o for o in outcomes}


def test_imports_a_digest_then_reports_it_as_duplicate(lib: Library, tmp_path: Path) -> None:
    pdf = pf.digest_pdf(tmp_path / "quayside.pdf")
    [first] = import_paths(lib, [pdf])
    assert first.outcome == "imported" and first.issue_id is not None and first.reason is None
    issue = lib.get_issue(first.issue_id)
    assert issue.original_name == "quayside.pdf"
    assert len(lib.items(first.issue_id)) >= 1
    before = snapshot(lib)
    [again] = import_paths(lib, [pdf])
    assert again.outcome == "duplicate" and again.issue_id == first.issue_id
    assert snapshot(lib) == before


def test_same_bytes_twice_in_one_run_gives_one_issue(lib: Library, tmp_path: Path) -> None:
    a = pf.digest_pdf(tmp_path / "a.pdf")
    b = tmp_path / "copy-of-a.pdf"
    b.write_bytes(a.read_bytes())
    outcomes = import_paths(lib, [a, b], jobs=2)
    assert [o.outcome for o in outcomes] == ["imported", "duplicate"]
    assert outcomes[0].issue_id == outcomes[1].issue_id
    assert lib.count_issues() == 1


def test_every_bad_file_fails_with_a_reason_and_changes_nothing(lib: Library, tmp_path: Path) -> None:
    good = pf.digest_pdf(tmp_path / "source.pdf")
    import_paths(lib, [good])
    before = snapshot(lib)
    bad = tmp_path / "bad"
    bad.mkdir()
    pf.empty_pdf(bad / "empty.pdf")
    pf.garbage_pdf(bad / "garbage.pdf")
    pf.digest_pdf(bad / "locked.pdf", password="s3cret", salt="locked")
    (bad / "notes.pdf").write_bytes(b"%PDF-1.7\n%garbage after a header\n")
    outcomes = by_name(import_paths(lib, [bad, tmp_path / "missing.pdf"]))
    assert set(outcomes) == {"empty.pdf", "garbage.pdf", "locked.pdf", "notes.pdf", "missing.pdf"}
    for name, outcome in outcomes.items():
        assert outcome.outcome == "failed", name
        assert outcome.reason and "\n" not in outcome.reason, name
        assert outcome.issue_id is None
    assert "empty" in outcomes["empty.pdf"].reason
    assert "password" in outcomes["locked.pdf"].reason
    assert "not found" in outcomes["missing.pdf"].reason
    assert snapshot(lib) == before


def test_truncated_pdf_is_repaired_or_fails_clearly(lib: Library, tmp_path: Path) -> None:
    source = pf.digest_pdf(tmp_path / "whole.pdf")
    cut_short = pf.truncated_pdf(tmp_path / "cut.pdf", source)
    stub = tmp_path / "stub.pdf"
    stub.write_bytes(source.read_bytes()[:300])
    for path in (cut_short, stub):
        [o] = import_paths(lib, [path])
        if o.outcome == "imported":
            assert any("repair" in w for w in o.warnings)
        else:
            assert o.outcome == "failed" and o.reason


def test_encrypted_pdf_imports_with_its_password(lib: Library, tmp_path: Path) -> None:
    locked = pf.digest_pdf(tmp_path / "locked.pdf", password="s3cret")
    [wrong] = import_paths(lib, [locked], password="nope")
    assert wrong.outcome == "failed" and "password" in wrong.reason
    [right] = import_paths(lib, [locked], password="s3cret")
    assert right.outcome == "imported"
    assert lib.count_issues() == 1


def test_image_only_scan_imports_with_no_text_layer_warning(lib: Library, tmp_path: Path) -> None:
    [o] = import_paths(lib, [pf.image_only_pdf(tmp_path / "scan.pdf")])
    assert o.outcome == "imported"
    assert "no text layer" in o.warnings
    assert lib.items(o.issue_id) == []
    assert lib.get_issue(o.issue_id).has_text_layer is False


def test_folders_are_searched_recursively(lib: Library, tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    (root / "2025" / "march").mkdir(parents=True)
    pf.digest_pdf(root / "one.pdf", salt="one")
    pf.digest_pdf(root / "2025" / "march" / "two.PDF", salt="two")
    (root / "readme.txt").write_text("not a pdf")
    outcomes = import_paths(lib, [root])
    assert sorted(Path(o.path).name for o in outcomes) == ["one.pdf", "two.PDF"]
    assert all(o.outcome == "imported" for o in outcomes)


def test_progress_reports_each_file_once(lib: Library, tmp_path: Path) -> None:
    files = [pf.digest_pdf(tmp_path / f"d{i}.pdf", salt=str(i)) for i in range(4)]
    files.append(pf.garbage_pdf(tmp_path / "junk.pdf"))
    seen: list[tuple[int, int, str]] = []
    outcomes = import_paths(lib, files, jobs=2, progress=lambda d, t, o: seen.append((d, t, o.path)))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5]
    assert {t for _, t, _ in seen} == {5}
    assert sorted(p for _, _, p in seen) == sorted(str(f) for f in files)
    assert [o.path for o in outcomes] == [str(f) for f in files]  # discovery order


def test_runs_from_a_non_main_thread(lib: Library, tmp_path: Path) -> None:
    files = [pf.digest_pdf(tmp_path / f"t{i}.pdf", salt=str(i)) for i in range(3)]
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(import_paths(lib, files, jobs=2)))
    worker.start()
    worker.join(120)
    assert not worker.is_alive()
    assert [o.outcome for o in result] == ["imported"] * 3


def test_cancel_before_start_cancels_everything(lib: Library, tmp_path: Path) -> None:
    files = [pf.digest_pdf(tmp_path / f"c{i}.pdf", salt=str(i)) for i in range(3)]
    cancel = threading.Event()
    cancel.set()
    outcomes = import_paths(lib, files, cancel=cancel)
    assert [o.outcome for o in outcomes] == ["cancelled"] * 3
    assert lib.count_issues() == 0


def test_cancel_stops_a_hanging_import(lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_READER_TEST_FAULT", "hang=HANG")
    good = pf.digest_pdf(tmp_path / "a-good.pdf")
    stuck = pf.digest_pdf(tmp_path / "b-HANG.pdf", salt="hang")
    later = pf.digest_pdf(tmp_path / "c-later.pdf", salt="later")
    cancel = threading.Event()

    def progress(done: int, total: int, outcome: ImportOutcome) -> None:
        if outcome.outcome == "imported":
            cancel.set()

    outcomes = by_name(
        import_paths(lib, [good, stuck, later], jobs=1, timeout=600, progress=progress, cancel=cancel)
    )
    assert outcomes["a-good.pdf"].outcome == "imported"
    assert outcomes["b-HANG.pdf"].outcome == "cancelled"
    assert outcomes["c-later.pdf"].outcome == "cancelled"
    assert lib.count_issues() == 1


def test_empty_input_gives_no_outcomes(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    assert import_paths(lib, [tmp_path / "nothing"]) == []


def test_outcome_json_shape() -> None:
    assert ImportOutcome("a.pdf", "imported", issue_id=3).to_json() == {
        "path": "a.pdf",
        "outcome": "imported",
        "issue_id": 3,
    }
    assert ImportOutcome("b.pdf", "failed", reason="empty file").to_json() == {
        "path": "b.pdf",
        "outcome": "failed",
        "reason": "empty file",
    }


def test_special_files_fail_instead_of_hanging(lib: Library, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    [o] = import_paths(lib, [fifo])
    assert o.outcome == "failed" and "not a regular file" in o.reason
