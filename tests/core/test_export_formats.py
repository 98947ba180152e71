"""JSON-LD (golden, round trip into another library, idempotent merge), CSV (golden, formula
neutralisation, BOM) and annotated PDFs read back with PyMuPDF."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pymupdf
import pytest

from reader.core.errors import UserError
from reader.core.export import Scope, export, import_annotations, preview
from reader.core.export.webanno import CONTEXT, PDF_FRAGMENT
from reader.core.library import Library
from tests.core.test_export_support import (
    NOW,
    annotate_samples,
    annotated_library,
    check_golden,
    normalise,
    sample_library,
)
from tests.core.test_library_support import make_pdf


@pytest.fixture
def lib_ids(tmp_path: Path):
    lib, ids = annotated_library(tmp_path / "lib", tmp_path)
    yield lib, ids
    lib.close()


def test_golden_json(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    [path] = export(lib, Scope(), "json", tmp_path / "out", now=NOW).paths
    assert path.name == "annotations.jsonld"
    text = path.read_text(encoding="utf-8")
    check_golden("annotations.jsonld", normalise(text, lib))
    data = json.loads(text)
    assert data["@context"] == CONTEXT and data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 11
    by_motivation = {}
    for a in items:
        by_motivation.setdefault(a["motivation"], []).append(a)
        assert a["type"] == "Annotation" and a["id"].startswith("urn:uuid:")
        assert a["target"]["source"].startswith("urn:sha256:")
    assert sorted(by_motivation) == ["bookmarking", "describing", "highlighting", "tagging"]
    green = next(a for a in by_motivation["highlighting"] if a["target"]["styleClass"] == "green")
    types = {s["type"]: s for s in green["target"]["selector"]}
    assert types["TextQuoteSelector"]["exact"] == "storage"
    assert types["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 21, "end": 28}
    assert types["FragmentSelector"] == {
        "type": "FragmentSelector",
        "conformsTo": PDF_FRAGMENT,
        "value": "page=1",
    }
    assert green["body"] == {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "=SUM(A1) check *this*",
        "format": "text/plain",
    }
    tags = sorted(a["body"]["value"] for a in by_motivation["tagging"])
    assert tags == ["2024", "energy", "energy", "region/North Sea", "weekly"]
    assert {a["body"]["purpose"] for a in by_motivation["describing"]} == {"describing"}
    issue_level = [a for a in items if a["digestReader"]["target"] == "issue"]
    assert len(issue_level) == 2 and all("selector" not in a["target"] for a in issue_level)
    again = export(lib, Scope(), "json", tmp_path / "again.json", now=NOW).paths[0]
    assert [a["id"] for a in json.loads(again.read_text("utf-8"))["first"]["items"]] == [
        a["id"] for a in items
    ]


def test_golden_csv_and_formula_neutralisation(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    lib.annotations.set_note(ids["items"][2], "@cmd start")
    [path] = export(lib, Scope(), "csv", tmp_path / "items.csv", now=NOW).paths
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    check_golden("items.csv", normalise(data.decode("utf-8"), lib))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4
    first = next(r for r in rows if r["item_id"] == str(ids["items"][0]))
    assert first["highlight_colours"] == "green; blue" and first["tags"] == "2024; energy; region/North Sea"
    assert first["comments"] == "'=SUM(A1) check *this*"
    third = next(r for r in rows if r["item_id"] == str(ids["items"][2]))
    assert third["notes"] == "'@cmd start" and third["starred"] == "yes"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_annotated_pdf_read_back(tmp_path: Path) -> None:
    lib = sample_library(tmp_path / "lib", ("grid-pipe-2-10",))
    annotate_samples(lib)
    [issue] = lib.list_issues()
    original = lib.issue_pdf_path(issue.id).read_bytes()
    [path] = export(lib, Scope(issue_ids=(issue.id,)), "pdf", tmp_path / "pdfs", now=NOW).paths
    assert path.parent == tmp_path / "pdfs" and path.suffix == ".pdf"
    assert lib.issue_pdf_path(issue.id).read_bytes() == original  # files/ untouched
    items = lib.items(issue.id)
    first_body_words = " ".join(items[0].body.split()[3:9])
    with pymupdf.open(path) as doc:
        annots = [
            (a.type[1], a.colors["stroke"], a.info["content"], a.rect, page.number)
            for page in doc
            for a in page.annots()
        ]
        highlights = [a for a in annots if a[0] == "Highlight"]
        texts = [a for a in annots if a[0] == "Text"]
        assert len(highlights) == 3 and len(texts) == 2
        green = [h for h in highlights if h[2] == "why 0?"]
        assert green and tuple(round(c, 2) for c in green[0][1]) == (0.55, 0.87, 0.45)
        covered = doc[green[0][4]].get_textbox(green[0][3])
        assert first_body_words.split()[0] in covered and first_body_words.split()[-1] in covered
        colours = {tuple(round(c, 2) for c in h[1]) for h in highlights}
        assert (0.78, 0.6, 1.0) in colours and (0.5, 0.75, 1.0) in colours
        assert any("Note **0**" in t[2] and "Tags: energy, topic/0" in t[2] for t in texts)
    assert "3 highlight annotation(s)" in preview(lib, Scope(), "pdf")
    with pytest.raises(UserError, match="files/"):
        export(lib, Scope(), "pdf", lib.files_dir)
    lib.close()


def _comparable(lib: Library) -> list[tuple]:
    out = []
    for a in lib.annotations.annotations():
        text = lib.annotations.item_text(a.item_id) if a.item_id else None
        issue = lib.get_issue(a.issue_id)
        out.append(
            (
                issue.sha256,
                text,
                a.kind,
                a.target,
                a.color,
                a.exact,
                a.start,
                a.end,
                a.comment,
                a.tag,
                a.note,
                a.whole,
            )
        )
    return sorted(out, key=repr)


def test_json_round_trip_into_another_library(tmp_path: Path) -> None:
    source = sample_library(tmp_path / "a")
    annotate_samples(source)
    [path] = export(source, Scope(), "json", tmp_path / "a.jsonld").paths
    target = sample_library(tmp_path / "b")
    report = import_annotations(target, path)
    assert report.unmatched == 0 and report.added == report.total > 10, report.message()
    assert _comparable(target) == _comparable(source)
    assert target.item_ids("starred") and len(target.item_ids("starred")) == len(source.item_ids("starred"))
    again = import_annotations(target, path)
    assert again.added == 0 and again.merged == 0 and again.unchanged == again.total
    assert _comparable(target) == _comparable(source)
    source.close()
    target.close()


def test_import_merges_with_existing_annotations(tmp_path: Path) -> None:
    source = sample_library(tmp_path / "a", ("grid-pipe-2-10",))
    annotate_samples(source)
    path = export(source, Scope(), "json", tmp_path / "a.jsonld").paths[0]
    target = sample_library(tmp_path / "b", ("grid-pipe-2-10",))
    [issue] = target.list_issues()
    items = target.items(issue.id)
    svc = target.annotations
    svc.add_highlight(items[2].id, color="yellow", comment="mine")
    svc.tag_items([items[0].id], ["energy", "local"])
    svc.set_note(items[1].id, "My own note")
    report = import_annotations(target, path)
    assert report.unmatched == 0
    assert svc.item_tags(items[0].id) == ["energy", "local", "topic/0"]
    assert svc.note(items[1].id) == "My own note\n\nNote **0**"
    assert [h.comment for h in svc.highlights(items[2].id)] == ["mine"]
    assert len(svc.highlights(items[0].id)) == 2
    before = _comparable(target)
    assert import_annotations(target, path).added == 0 and _comparable(target) == before
    source.close()
    target.close()


def test_import_matches_by_series_volume_number_and_reports_unmatched(tmp_path: Path) -> None:
    from reader.core.parse import parse
    from tests.core.test_export_support import SAMPLES

    source = sample_library(tmp_path / "a")
    annotate_samples(source)
    path = export(source, Scope(), "json", tmp_path / "a.jsonld").paths[0]
    target = Library.open(tmp_path / "b")
    other_pdf, sha = make_pdf(tmp_path / "other.pdf", "same issue, other bytes")
    target.store_issue(parse(SAMPLES / "grid-pipe-2-10.pdf"), other_pdf, sha, original_name="other.pdf")
    report = import_annotations(target, path)
    assert report.no_issue > 0 and report.no_item == 0 and report.added > 0
    assert "could not be matched" in report.message() and "issue is not in this library" in report.message()
    [issue] = target.list_issues()
    kinds = sorted(a.kind for a in target.annotations.annotations(issue.id))
    assert kinds == ["highlight", "highlight", "highlight", "note", "star", "tag", "tag", "tag", "tag", "tag"]
    source.close()
    target.close()


@pytest.mark.parametrize(
    "content, words",
    [("not json", "not a JSON file"), ('{"type": "Something"}', "no Web Annotations"), ("[1, 2]", "")],
)
def test_import_bad_files(tmp_path: Path, content: str, words: str) -> None:
    lib = Library.open(tmp_path / "lib")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    if words:
        with pytest.raises(UserError, match=words):
            import_annotations(lib, bad)
    else:
        assert import_annotations(lib, bad).total == 0
    with pytest.raises(UserError, match="cannot read"):
        import_annotations(lib, tmp_path / "missing.json")
    lib.close()
