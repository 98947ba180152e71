"""``digest-reader export`` and ``import-annotations`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_export_support import annotate_samples, sample_library


@pytest.fixture
def libs(tmp_path: Path) -> tuple[Path, Path]:
    source = sample_library(tmp_path / "a")
    annotate_samples(source)
    source.close()
    sample_library(tmp_path / "b").close()
    return tmp_path / "a", tmp_path / "b"


def test_export_every_format_and_import(cli, libs, tmp_path: Path) -> None:
    a, b = libs
    out = tmp_path / "vault"
    done = cli("--library", str(a), "export", "--format", "md", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stdout and len(list(out.glob("*.md"))) == 2
    again = cli("--library", str(a), "export", "-o", str(out))
    assert again.returncode == 0 and "2 updated" in again.stdout and len(list(out.glob("*.md"))) == 2
    brief = cli(
        "--library",
        str(a),
        "export",
        "--briefing",
        "--since",
        "2020-01-01",
        "--tag",
        "energy",
        "-o",
        str(tmp_path / "brief.md"),
    )
    assert brief.returncode == 0, brief.stderr and (tmp_path / "brief.md").exists()
    for fmt, target in (("csv", "items.csv"), ("pdf", "pdfs"), ("json", "notes.jsonld")):
        done = cli("--library", str(a), "export", "--format", fmt, "-o", str(tmp_path / target))
        assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "pdfs").glob("*.pdf"))) == 2
    total = json.loads((tmp_path / "notes.jsonld").read_text("utf-8"))["total"]
    first = cli("--library", str(b), "import-annotations", str(tmp_path / "notes.jsonld"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"{total} annotation(s) read: {total} added")
    second = cli("--library", str(b), "import-annotations", str(tmp_path / "notes.jsonld"))
    assert f"0 added, 0 merged, {total} already there" in second.stdout


@pytest.mark.parametrize(
    "args, words",
    [
        (["--issue", "Vol 99.99"], "no issue matches"),
        (["--since", "yesterday"], "not a date"),
        (["--query", "zzzznothing"], "nothing to export"),
        (["--template", "TEMPLATE"], "line 2: undefined"),
        (["--format", "csv", "--template", "TEMPLATE"], "Markdown export only"),
    ],
)
def test_export_errors_are_one_line(cli, libs, tmp_path: Path, args: list[str], words: str) -> None:
    a, _ = libs
    template = tmp_path / "t.md.j2"
    template.write_text("ok\n{{ item.nope }}\n", encoding="utf-8")
    args = [str(template) if x == "TEMPLATE" else x for x in args]
    done = cli("--library", str(a), "export", *args, "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("digest-reader: error: ") and words in lines[0], (
        done.stderr
    )


def test_import_annotations_bad_file(cli, libs, tmp_path: Path) -> None:
    _, b = libs
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    done = cli("--library", str(b), "import-annotations", str(bad))
    assert done.returncode == 1 and "is not a JSON file" in done.stderr and len(done.stderr.splitlines()) == 1
