"""Annotation subcommands through the installed ``digest-reader`` entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli import pdf_factory as pf
from tests.cli.conftest import entry_point, run_cli

JSON_KEYS = {
    "id",
    "item_id",
    "issue_id",
    "kind",
    "color",
    "quote",
    "comment",
    "tag",
    "note",
    "orphan",
    "created",
    "modified",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("cli-ann")
    pdf = pf.digest_pdf(base / "quayside.pdf")
    lib = base / "lib"
    proc = run_cli("--library", str(lib), "import", str(pdf), "--json")
    assert proc.returncode == 0, proc.stderr
    issue_id = json.loads(proc.stdout)[0]["issue_id"]
    show = json.loads(run_cli("--library", str(lib), "show", str(issue_id), "--json").stdout)
    return {"dir": str(lib), "issue": issue_id, "items": [i["id"] for i in show["items"]]}


def cli(library: dict, *args: str) -> subprocess.CompletedProcess:
    return run_cli("--library", library["dir"], *args)


def assert_clean_error(proc: subprocess.CompletedProcess, text: str) -> None:
    assert proc.returncode == 1, proc.stdout
    assert proc.stderr.startswith("digest-reader: error: ") and text in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_annotate_every_kind_and_list_as_json(library: dict) -> None:
    one, two, three = (str(i) for i in library["items"])
    assert cli(library, "tag", one, "energy", "region / north").stdout.startswith(
        f"item {one}: tagged energy, region/north"
    )
    assert cli(library, "untag", one, "energy").returncode == 0
    hl = cli(library, "highlight", two, "--quote", "840 tonnes", "--color", "green", "--comment", "record")
    assert hl.returncode == 0 and "'840 tonnes'" in hl.stdout
    assert "whole item" in cli(library, "highlight", three).stdout
    proc = subprocess.run(
        [entry_point(), "--library", library["dir"], "note", one, "-"],
        input="Ask about the *ferry*\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert cli(library, "star", one).stdout == "starred 1 item\n"
    assert cli(library, "star", two).returncode == 0
    assert cli(library, "unstar", two).stdout == "unstarred 1 item\n"

    listed = json.loads(cli(library, "annotations", "--json").stdout)
    assert all(JSON_KEYS <= set(a) for a in listed)
    by_kind = {a["kind"]: a for a in listed}
    assert set(by_kind) == {"tag", "highlight", "note", "star"}
    assert by_kind["tag"]["tag"] == "region/north" and by_kind["tag"]["item_id"] == int(one)
    green = next(a for a in listed if a["kind"] == "highlight" and a["color"] == "green")
    assert (green["quote"], green["comment"], green["orphan"]) == ("840 tonnes", "record", False)
    assert green["issue_id"] == library["issue"] and green["created"] and green["modified"]
    assert by_kind["note"]["note"] == "Ask about the *ferry*\n"
    assert by_kind["star"]["item_id"] == int(one) and len([a for a in listed if a["kind"] == "star"]) == 1
    same = json.loads(cli(library, "annotations", "--issue", str(library["issue"]), "--json").stdout)
    assert same == listed
    text = cli(library, "annotations").stdout
    assert "highlight item" in text and "record" in text
    tags = json.loads(cli(library, "tags", "--json").stdout)
    assert tags == [{"name": "region/north", "items": 1, "issues": 0}]
    assert "ferry" in cli(library, "search", "ferry").stdout


def test_annotation_errors_are_one_line(library: dict) -> None:
    one = str(library["items"][0])
    assert_clean_error(cli(library, "highlight", one, "--color", "orange"), "unknown colour 'orange'")
    assert_clean_error(cli(library, "highlight", one, "--quote", "no such words"), "does not occur in item")
    assert_clean_error(cli(library, "tag", "424242", "x"), "no item with id 424242")
    assert_clean_error(cli(library, "tag", "abc", "x"), "no item with id 'abc'")
    assert_clean_error(cli(library, "tag", one, "  "), "empty tag")
    assert_clean_error(cli(library, "note", "424242", "x"), "no item with id")
    assert_clean_error(cli(library, "star", "424242"), "no item with id")
    assert_clean_error(cli(library, "annotations", "--issue", "999"), "no issue")
    usage = cli(library, "tag", one)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_new_version_is_reported_on_import(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    first = pf.digest_pdf(tmp_path / "v1.pdf")
    assert run_cli("--library", lib, "import", str(first)).returncode == 0
    assert run_cli("--library", lib, "highlight", "1", "--quote", "Two extra crossings").returncode == 0
    second = pf.digest_pdf(tmp_path / "v2.pdf", salt="(corrected)")
    proc = run_cli("--library", lib, "import", str(second))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("1 imported")
    assert "new version of issue 1" in proc.stdout and "1 annotation(s) re-anchored" in proc.stdout
    listed = json.loads(run_cli("--library", lib, "annotations", "--json").stdout)
    assert [(a["quote"], a["orphan"]) for a in listed] == [("Two extra crossings", False)]
    assert "1 issue" in run_cli("--library", lib, "list").stdout
