"""Golden tests: every sample issue parses exactly to its expected JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.model import ParsedIssue
from reader.core.parse import PARSER_VERSION, parse

SAMPLES = Path(__file__).resolve().parents[2] / "sample_issues"
PDFS = sorted(SAMPLES.glob("*.pdf"))
KEYS = ("series", "label", "volume", "number", "date", "title", "pages")


def test_there_are_sample_issues() -> None:
    assert PDFS, f"no sample issues in {SAMPLES}"


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedIssue]:
    return {p.name: parse(p) for p in PDFS}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_sample_matches_expected(pdf: Path, parsed: dict[str, ParsedIssue]) -> None:
    expected = json.loads(pdf.with_suffix("").with_suffix(".expected.json").read_text("utf-8"))
    got = parsed[pdf.name].to_dict(with_rects=False)
    assert {k: got[k] for k in KEYS} == {k: expected[k] for k in KEYS}
    got_items = [{k: i[k] for k in ("position", "headline", "body", "pages")} for i in got["items"]]
    assert len(got_items) == len(expected["items"])
    for mine, theirs in zip(got_items, expected["items"], strict=False):
        assert mine == {k: theirs[k] for k in ("position", "headline", "body", "pages")}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_sample_rects_cover_the_item_pages(pdf: Path, parsed: dict[str, ParsedIssue]) -> None:
    issue = parsed[pdf.name]
    assert issue.has_text_layer and issue.parser_version == PARSER_VERSION
    assert issue.warnings == ()
    for item in issue.items:
        assert item.rects, item
        assert tuple(sorted({r.page for r in item.rects})) == item.pages
        for r in item.rects:
            x0, y0, x1, y1 = r.rect
            assert 0 <= x0 < x1 and 0 <= y0 < y1
            assert 1 <= r.page <= issue.pages


def test_parse_is_deterministic() -> None:
    if not PDFS:
        pytest.skip("no samples")
    assert parse(PDFS[0]) == parse(PDFS[0])


def test_colour_management_off_parses_the_same(parsed: dict[str, ParsedIssue]) -> None:
    """Parse workers switch MuPDF's ICC colour management off (importer/worker_main.py):
    the parser must not depend on colours, so every sample parses identically without it."""
    import pymupdf

    pymupdf.TOOLS.set_icc(False)
    try:
        assert {p.name: parse(p) for p in PDFS} == parsed
    finally:
        pymupdf.TOOLS.set_icc(True)
