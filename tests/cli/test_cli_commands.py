"""import, list, show, search and stats through the installed entry point, text and --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import pdf_factory as pf
from tests.cli.conftest import run_cli

LIST_KEYS = {"id", "series", "label", "volume", "number", "date", "item_count"}
SHOW_KEYS = {"id", "series", "volume", "number", "label", "date", "title", "pages", "items"}
ITEM_KEYS = {"id", "position", "headline", "body", "pages"}
HIT_KEYS = {"item_id", "issue_id", "series", "label", "headline", "snippet", "rank"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A library with two digests, imported once for the read-only tests of this module."""
    base = tmp_path_factory.mktemp("cli-lib")
    older = pf.digest_pdf(
        base / "quayside-2-10.pdf", series="Quayside Bulletin", label="Vol 2.10", date="14 March 2025"
    )
    newer = pf.digest_pdf(
        base / "tessaly-17.pdf",
        series="Tessaly Weekly",
        label="Issue 17",
        date="2 April 2025",
        salt="kingfisher",
    )
    lib = base / "lib"
    proc = run_cli("--library", str(lib), "import", str(older), str(newer), "--json")
    assert proc.returncode == 0, proc.stderr
    ids = {Path(o["path"]).name: o["issue_id"] for o in json.loads(proc.stdout)}
    return {"dir": str(lib), "ids": ids, "base": base}


def cli(library: dict, *args: str):
    return run_cli("--library", library["dir"], *args)


def assert_clean_error(proc, code: int = 1) -> None:
    assert proc.returncode == code
    assert proc.stderr.startswith("digest-reader: error: ")
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


# -- import --------------------------------------------------------------------------------------
def test_import_prints_summary_and_reports_duplicates(tmp_path: Path) -> None:
    a = pf.digest_pdf(tmp_path / "a.pdf", salt="a")
    b = pf.digest_pdf(tmp_path / "b.pdf", salt="b")
    first = run_cli("import", str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == "2 imported, 0 duplicates, 0 failed"
    again = run_cli("import", str(a), str(b))
    assert again.returncode == 0
    assert again.stdout.splitlines()[0] == "0 imported, 2 duplicates, 0 failed"
    assert "\r" not in again.stderr  # no progress bar when not on a terminal


def test_import_with_failures_exits_1_and_names_each(tmp_path: Path) -> None:
    good = pf.digest_pdf(tmp_path / "good.pdf")
    empty = pf.empty_pdf(tmp_path / "empty.pdf")
    junk = pf.garbage_pdf(tmp_path / "junk.pdf")
    scan = pf.image_only_pdf(tmp_path / "scan.pdf")
    proc = run_cli("import", str(good), str(empty), str(junk), str(scan), str(tmp_path / "nope.pdf"))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == "2 imported, 0 duplicates, 3 failed"
    assert f"failed: {empty}: empty file: not a PDF" in lines
    assert any(line.startswith(f"failed: {junk}: ") for line in lines)
    assert any(
        line.startswith(f"failed: {tmp_path / 'nope.pdf'}: ") and "not found" in line for line in lines
    )
    assert f"warning: {scan}: no text layer" in lines
    assert "Traceback" not in proc.stderr


def test_import_json_shape(tmp_path: Path) -> None:
    good = pf.digest_pdf(tmp_path / "good.pdf")
    bad = pf.garbage_pdf(tmp_path / "bad.pdf")
    proc = run_cli("import", "--json", str(good), str(bad), str(good.with_name("good.pdf")))
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data[0].keys() == {"path", "outcome", "issue_id"} and data[0]["outcome"] == "imported"
    assert isinstance(data[0]["issue_id"], int)
    assert data[1].keys() == {"path", "outcome", "reason"} and data[1]["outcome"] == "failed"
    assert len(data) == 2  # the same file named twice is imported once
    again = json.loads(run_cli("import", "--json", str(good)).stdout)
    assert again == [{"path": str(good), "outcome": "duplicate", "issue_id": data[0]["issue_id"]}]


def test_import_encrypted_needs_password(tmp_path: Path) -> None:
    locked = pf.digest_pdf(tmp_path / "locked.pdf", password="open-sesame")
    proc = run_cli("import", "--json", str(locked))
    assert proc.returncode == 1
    [o] = json.loads(proc.stdout)
    assert o["outcome"] == "failed" and "password" in o["reason"]
    proc = run_cli("import", "--json", "--password", "open-sesame", str(locked))
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)[0]["outcome"] == "imported"


def test_import_options_jobs_and_timeout(tmp_path: Path) -> None:
    files = [str(pf.digest_pdf(tmp_path / f"j{i}.pdf", salt=str(i))) for i in range(3)]
    proc = run_cli("import", "--jobs", "1", "--timeout", "30", *files)
    assert proc.returncode == 0
    assert proc.stdout.startswith("3 imported")


def test_import_hanging_file_times_out(tmp_path: Path) -> None:
    stuck = pf.digest_pdf(tmp_path / "stuck-HANG.pdf")
    proc = run_cli(
        "import", "--json", "--timeout", "1.5", str(stuck), env={"DIGEST_READER_TEST_FAULT": "hang=HANG"}
    )
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == [
        {"path": str(stuck), "outcome": "failed", "reason": "timed out after 1.5 s while parsing"}
    ]


def test_import_of_a_folder_without_pdfs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    assert_clean_error(run_cli("import", str(tmp_path / "empty-folder")))


# -- list ------------------------------------------------------------------------------------------
def test_list_text_shows_series_then_issues(library: dict) -> None:
    proc = cli(library, "list")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("Series") < out.index("Issues")
    assert "Quayside Bulletin" in out and "Tessaly Weekly" in out


def test_list_json_shape_newest_first(library: dict) -> None:
    proc = cli(library, "list", "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert len(data) == 2
    assert all(row.keys() == LIST_KEYS for row in data)
    assert {row["id"] for row in data} == set(library["ids"].values())
    dates = [row["date"] for row in data]
    if all(dates):
        assert dates == sorted(dates, reverse=True)


def test_empty_library_lists_nothing() -> None:
    proc = run_cli("list")
    assert proc.returncode == 0 and "empty" in proc.stdout
    assert run_cli("list", "--json").stdout.strip() == "[]"


# -- show ------------------------------------------------------------------------------------------
def test_show_by_id_text(library: dict) -> None:
    issue_id = library["ids"]["quayside-2-10.pdf"]
    proc = cli(library, "show", str(issue_id))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"#{issue_id} ")
    assert "ferry" in proc.stdout


def test_show_json_shape(library: dict) -> None:
    issue_id = library["ids"]["quayside-2-10.pdf"]
    data = json.loads(cli(library, "show", str(issue_id), "--json").stdout)
    assert data.keys() == SHOW_KEYS
    assert data["id"] == issue_id and data["pages"] == 1
    assert data["items"] and all(item.keys() == ITEM_KEYS for item in data["items"])
    assert [item["position"] for item in data["items"]] == list(range(1, len(data["items"]) + 1))


def test_show_by_label(library: dict) -> None:
    data = json.loads(cli(library, "show", str(library["ids"]["tessaly-17.pdf"]), "--json").stdout)
    if not data["label"]:
        pytest.skip("the parser did not read a label from the masthead")
    by_label = cli(library, "show", data["label"], "--json")
    assert by_label.returncode == 0, by_label.stderr
    assert json.loads(by_label.stdout)["id"] == data["id"]


@pytest.mark.parametrize("ref", ["9999", "Vol 99.99", "no such issue", ""])
def test_show_unknown_issue_is_a_clean_error(library: dict, ref: str) -> None:
    assert_clean_error(cli(library, "show", ref))


# -- search ----------------------------------------------------------------------------------------
def test_search_text_marks_the_match(library: dict) -> None:
    proc = cli(library, "search", "kingfisher")
    assert proc.returncode == 0, proc.stderr
    assert "[kingfisher]" in proc.stdout.lower()
    assert "\x1b[" not in proc.stdout  # no terminal escapes when piped


def test_search_json_shape_best_first(library: dict) -> None:
    proc = cli(library, "search", "ferry", "--json")
    assert proc.returncode == 0
    hits = json.loads(proc.stdout)
    assert hits and all(h.keys() == HIT_KEYS for h in hits)
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
    assert any("[" in h["snippet"] and "]" in h["snippet"] for h in hits)
    assert set(h["issue_id"] for h in hits) <= set(library["ids"].values())


def test_search_limit(library: dict) -> None:
    hits = json.loads(cli(library, "search", "the", "--limit", "1", "--json").stdout)
    assert len(hits) <= 1


@pytest.mark.parametrize(
    "query", ['"', "*", "AND", "(", "#x", "-", "ferry AND", "OR OR", '"unbalanced', "NEAR(", "a:b", "^", "  "]
)
def test_awkward_queries_never_crash(library: dict, query: str) -> None:
    proc = cli(library, "search", query, "--json")
    assert "Traceback" not in proc.stderr
    if proc.returncode == 0:
        assert isinstance(json.loads(proc.stdout), list)
    else:
        assert_clean_error(proc)


def test_search_with_no_hits(library: dict) -> None:
    proc = cli(library, "search", "zyzzyvaquux")
    assert proc.returncode == 0 and "no items match" in proc.stdout
    assert cli(library, "search", "zyzzyvaquux", "--json").stdout.strip() == "[]"


# -- stats -----------------------------------------------------------------------------------------
def test_stats(library: dict) -> None:
    proc = cli(library, "stats")
    assert proc.returncode == 0, proc.stderr
    assert "issues: 2" in proc.stdout
    assert "series: 2" in proc.stdout
