"""The committed sample issues: complete, well-formed, openable, and exactly reproducible.

The parser's golden tests compare against the expected JSON; these tests make sure that JSON is
trustworthy: every PDF has one, it has the agreed shape, it matches the PDF's page count, the
Japanese text really is in the PDF's text layer, and the generator reproduces every file byte for
byte (so nobody hand-edits a sample or its expectation out of step with the other).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pymupdf
import pytest

from reader.core.model import ParsedIssue

SAMPLES = Path(__file__).resolve().parents[2] / "sample_issues"
PDFS = sorted(SAMPLES.glob("*.pdf"))
ISSUE_KEYS = {"series", "label", "volume", "number", "date", "title", "pages", "items"}
ITEM_KEYS = {"position", "headline", "body", "pages"}
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")


def expected_for(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.stem + ".expected.json").read_text(encoding="utf-8"))


def test_enough_samples_from_enough_series() -> None:
    assert len(PDFS) >= 12
    series = {expected_for(p)["series"] for p in PDFS}
    assert len(series) >= 3


def test_every_pdf_has_expected_json_and_vice_versa() -> None:
    stems = {p.stem for p in PDFS}
    expected = {p.name.removesuffix(".expected.json") for p in SAMPLES.glob("*.expected.json")}
    assert stems == expected


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_expected_json_shape(pdf: Path) -> None:
    data = expected_for(pdf)
    assert set(data) == ISSUE_KEYS
    assert isinstance(data["series"], str) and data["series"]
    assert isinstance(data["label"], str) and data["label"]
    assert data["volume"] is None or isinstance(data["volume"], int)
    assert data["number"] is None or isinstance(data["number"], int)
    assert data["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    assert isinstance(data["title"], str)
    assert 1 <= data["pages"] <= 4
    items = data["items"]
    assert items, "every sample has items"
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    with_headline = [bool(i["headline"]) for i in items]
    assert all(with_headline) or not any(with_headline), "headline list is all-or-nothing"
    for item in items:
        assert set(item) == ITEM_KEYS
        assert item["body"] == " ".join(item["body"].split()), "body whitespace collapsed"
        assert item["headline"] == " ".join(item["headline"].split())
        assert item["pages"] == sorted(set(item["pages"]))
        assert all(1 <= p <= data["pages"] for p in item["pages"])
    # the shape round-trips through the parser's model
    issue = ParsedIssue.from_dict(data)
    dumped = issue.to_dict(with_rects=False)
    for key in ("has_text_layer", "parser_version", "warnings"):
        dumped.pop(key)
    assert dumped == data


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_pdf_opens_with_stated_page_count_and_text(pdf: Path) -> None:
    data = expected_for(pdf)
    with pymupdf.open(pdf) as doc:
        assert doc.page_count == data["pages"]
        text = "".join(page.get_text() for page in doc)
    assert data["series"] in text
    assert data["label"] in text
    flat = unicodedata.normalize("NFKC", "".join(text.split()))  # expands ﬁ/ﬂ ligatures
    for item in data["items"]:
        # every body's first and last words are on the pages (line breaks/hyphens removed)
        words = unicodedata.normalize("NFKC", item["body"]).split()
        assert "".join(words[:3]).replace("-", "") in flat.replace("-", "")
        assert "".join(words[-3:]).replace("-", "") in flat.replace("-", "")


def test_japanese_text_extracts_back() -> None:
    found = 0
    for pdf in PDFS:
        data = expected_for(pdf)
        runs = [r for i in data["items"] for r in CJK.findall(i["headline"] + " " + i["body"])]
        if not runs:
            continue
        with pymupdf.open(pdf) as doc:
            text = "".join(page.get_text() for page in doc).replace("\n", "")
        for run in runs:
            assert run in text, f"{pdf.name}: {run!r} not in text layer"
            found += 1
    assert found >= 10
    # a name with a space inside stays intact
    all_bodies = " ".join(i["body"] for p in PDFS for i in expected_for(p)["items"])
    assert "佐藤 健" in all_bodies


def test_generator_is_deterministic(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SAMPLES / "generate.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    made = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(
        p.name for p in SAMPLES.iterdir() if p.suffix == ".pdf" or p.name.endswith(".expected.json")
    ) + ["README.md"]
    assert made == sorted(committed)
    for name in made:
        if name.endswith(".pdf"):
            with pymupdf.open(SAMPLES / name) as doc:
                made_with = doc.metadata["keywords"].rsplit(" ", 1)[-1]
            if made_with != pymupdf.VersionBind:
                continue  # another MuPDF writes other bytes; the expected JSON must still match
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), f"{name} differs"


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_text_stays_on_the_page_without_overlaps(pdf: Path) -> None:
    with pymupdf.open(pdf) as doc:
        for page in doc:
            inner = page.rect + (10, 10, -10, -10)
            lines = [
                pymupdf.Rect(line["bbox"])
                for block in page.get_text("dict")["blocks"]
                if block["type"] == 0
                for line in block["lines"]
            ]
            for i, a in enumerate(lines):
                assert a in inner, f"page {page.number + 1}: text outside the page at {a}"
                for b in lines[i + 1 :]:
                    overlap = a & b
                    if overlap.is_valid and not overlap.is_empty:
                        assert overlap.get_area() < 0.25 * min(a.get_area(), b.get_area()), (a, b)


def test_pdf_metadata_names_several_producers() -> None:
    producers = set()
    for pdf in PDFS:
        with pymupdf.open(pdf) as doc:
            producers.add(doc.metadata["producer"])
            assert doc.metadata["creationDate"].startswith("D:2026")
    assert len(producers) >= 4
