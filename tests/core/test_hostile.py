"""Hostile and odd PDFs through the real importer: each ends imported or failed with a one-line
reason, never a crash or a hang, and the library stays whole (integrity_check ok, one file per
issue). The shared corpus is covered by test_corpus.py; these are generated cases.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.importer import import_paths
from reader.core.library import Library
from tests.cli.pdf_factory import digest_pdf

TIMEOUT = 20.0
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def base_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return digest_pdf(tmp_path_factory.mktemp("base") / "base.pdf").read_bytes()


@pytest.fixture(scope="session")
def pdf_2000_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2,000-page PDF, made once per session (~2 s)."""
    import pymupdf

    path = tmp_path_factory.mktemp("big") / "two-thousand-pages.pdf"
    doc = pymupdf.open()
    for i in range(2000):
        doc.new_page(width=300, height=400).insert_text((40, 60), f"Page {i + 1}", fontsize=11)
    doc.save(str(path), deflate=True)
    doc.close()
    return path


def huge_stream_pdf(path: Path) -> Path:
    """One page whose content stream holds 200,000 tiny filled rectangles (~3 MB of operators)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 50), "Heavy Page Gazette", fontsize=20)
    xref = page.get_contents()[0]
    ops = b"".join(b"%d %d 2 2 re f\n" % (i % 500, (i * 7) % 800) for i in range(200_000))
    doc.update_stream(xref, doc.xref_stream(xref) + b"q 0 0 1 rg\n" + ops + b"Q\n")
    doc.save(str(path), deflate=True)
    doc.close()
    return path


def embedded_file_pdf(path: Path) -> Path:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((50, 60), "Attachment Weekly", fontsize=20)
    doc.embfile_add("payload.exe", b"MZ pretend executable " * 50, filename="payload.exe")
    doc.save(str(path))
    doc.close()
    return path


def assert_library_whole(folder: Path, outcomes: list) -> None:
    """integrity_check ok, FKs ok, files/ holds exactly the PDFs the database knows, all settled."""
    for o in outcomes:
        assert o.outcome in ("imported", "failed"), (o.path, o.outcome, o.reason)
        if o.outcome == "failed":
            assert o.reason and "\n" not in o.reason, o
    con = sqlite3.connect(folder / "library.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        issues = con.execute("SELECT count(*) FROM issues").fetchone()[0]
        shas = {r[0] for r in con.execute("SELECT sha256 FROM files")}
    finally:
        con.close()
    # a PDF with the same series and label as an earlier one becomes its new version (same id)
    assert issues == len({o.issue_id for o in outcomes if o.outcome == "imported"})
    assert {p.stem for p in (folder / "files").glob("*.pdf")} == shas


mutation = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 1.0)),
    st.tuples(
        st.just("flip"),
        st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1, max_size=30),
    ),
)


def mutate(data: bytes, spec: tuple) -> bytes:
    kind, arg = spec
    if kind == "truncate":
        return data[: int(len(data) * arg)]
    out = bytearray(data)
    for where, value in arg:
        out[min(len(out) - 1, int(len(out) * where))] = value
    return bytes(out)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=st.lists(mutation, min_size=4, max_size=4))
def test_truncated_and_bit_flipped_pdfs(base_pdf: bytes, specs: list) -> None:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        pdfs = []
        for i, spec in enumerate(specs):
            path = folder / "in" / f"mutant-{i}.pdf"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(mutate(base_pdf, spec))
            pdfs.append(path)
        with Library.open(folder / "lib") as lib:
            outcomes = import_paths(lib, pdfs, jobs=2, timeout=TIMEOUT)
        # identical mutants settle as duplicates of each other; the rest imported or failed
        outcomes = [o for o in outcomes if o.outcome != "duplicate"]
        assert_library_whole(folder / "lib", outcomes)


def test_named_hostile_files(tmp_path: Path, base_pdf: bytes, pdf_2000_pages: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "zero-bytes.pdf").write_bytes(b"")
    (src / "plain-text.pdf").write_text("Dear reader, this is a letter, not a PDF.\n" * 30)
    (src / "png-inside.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (src / "repaired-no-pages.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    (src / "no-xref.pdf").write_bytes(base_pdf[: base_pdf.rfind(b"xref")])  # MuPDF repairs it
    huge_stream_pdf(src / "huge-stream.pdf")
    embedded_file_pdf(src / "embedded-file.pdf")
    pdfs = sorted(src.iterdir()) + [pdf_2000_pages]
    with Library.open(tmp_path / "lib") as lib:
        outcomes = import_paths(lib, pdfs, jobs=2, timeout=TIMEOUT)
        by_name = {Path(o.path).name: o for o in outcomes}
        assert_library_whole(tmp_path / "lib", outcomes)
        for name in ("zero-bytes.pdf", "plain-text.pdf"):
            assert by_name[name].outcome == "failed"
        # MuPDF sniffs content and would open a PNG named .pdf as an image: open_document refuses it
        png = by_name["png-inside.pdf"]
        assert png.outcome == "failed" and "no %PDF header" in (png.reason or ""), png
        assert "empty" in by_name["zero-bytes.pdf"].reason
        # silently repaired by MuPDF: never a clean success
        assert by_name["repaired-no-pages.pdf"].outcome == "failed"
        assert "repair" in by_name["repaired-no-pages.pdf"].reason
        repaired = by_name["no-xref.pdf"]
        assert repaired.outcome == "imported" and "repaired by MuPDF" in repaired.warnings
        assert "repaired by MuPDF" in lib.get_issue(repaired.issue_id).warnings
        big = by_name["two-thousand-pages.pdf"]
        if big.outcome == "imported":
            assert lib.get_issue(big.issue_id).pages == 2000
        assert by_name["huge-stream.pdf"].outcome in ("imported", "failed")
        assert by_name["embedded-file.pdf"].outcome == "imported"
    # embedded files are never extracted: nothing but files/<sha>.pdf and the database
    stray = [
        p.relative_to(tmp_path / "lib")
        for p in (tmp_path / "lib").rglob("*")
        if p.is_file() and not p.name.startswith("library.sqlite") and p.parent.name != "files"
    ]
    assert stray == []
    assert not any("payload" in p.name for p in tmp_path.rglob("*"))


# PyMuPDF APIs that would run PDF JavaScript or extract attachments. PyMuPDF runs JavaScript only
# when asked (and MuPDF's JS engine is off unless enabled), so not calling them is the guarantee.
FORBIDDEN = re.compile(
    r"\b(enable_js|pdf_enable_js|js_init|embfile_get|embfile_names|embfile_info|embfile_add"
    r"|script_calc|script_format|script_change|script_stroke|JavaScript\s*\()"
)


def test_reader_never_calls_javascript_or_attachment_apis() -> None:
    hits = []
    for path in sorted((PROJECT / "reader").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FORBIDDEN.search(line):
                hits.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert hits == []


PROBE = r"""
import sys, pymupdf
pymupdf.TOOLS.mupdf_display_errors(False)
for path in sys.argv[1:]:
    try:
        doc = pymupdf.open(path, filetype="pdf")
        print(path, int(doc.is_repaired), doc.page_count, flush=True)
    except Exception:
        print(path, "error", 0, flush=True)
"""


def test_corpus_files_mupdf_repairs_are_never_a_clean_success(corpus_dir: Path, tmp_path: Path) -> None:
    """Damaged/hostile corpus files: whatever MuPDF repaired silently is failed or warned about."""
    import csv
    import subprocess
    import sys

    with open(corpus_dir / "MANIFEST.tsv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pdfs = [
        corpus_dir / r["filename"]
        for r in rows
        if r["category"] in ("damaged", "hostile") and int(r["bytes"]) < 300_000
    ]
    pdfs = [p for p in pdfs if p.exists()]
    if not pdfs:
        pytest.skip("no damaged/hostile files in the corpus")
    # is_repaired is probed in a throwaway process (some of these files crash MuPDF)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, pdfs)], capture_output=True, text=True, timeout=120
    )
    repaired = {line.rsplit(" ", 2)[0] for line in probe.stdout.splitlines() if line.rsplit(" ", 2)[1] == "1"}
    assert repaired, "expected at least one silently repaired file among the damaged ones"
    with Library.open(tmp_path / "lib") as lib:
        outcomes = import_paths(lib, pdfs, jobs=2, timeout=TIMEOUT)
    assert_library_whole(tmp_path / "lib", [o for o in outcomes if o.outcome != "duplicate"])
    for o in outcomes:
        if o.path in repaired:
            assert o.outcome == "failed" or any("repaired" in w for w in o.warnings), o
