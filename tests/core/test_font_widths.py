"""Cached /Widths for unembedded Type 1 fonts: MuPDF must see exactly what it would compute."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reader.core.parse import parse
from reader.core.parse.font_widths import seed_font_widths
from reader.core.parse.lines import TEXT_FLAGS

ROOT = Path(__file__).resolve().parents[2]

BASE14 = [
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Symbol", "ZapfDingbats",
]
ENCODINGS = [None, "WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding", "MacExpertEncoding"]


def _every_code_pdf(path: Path) -> None:
    """One page per encoding; each page shows all 256 codes in every base-14 font, from font
    dictionaries written by hand (no descriptor, no widths), plus two fonts that must be left
    alone: one with widths of its own and one whose encoding has /Differences."""
    doc = pymupdf.open()
    for encoding in ENCODINGS:
        page = doc.new_page(width=900, height=1200)
        names = []
        for index, base in enumerate(BASE14):
            enc = f"/Encoding/{encoding}" if encoding else ""
            xref = doc.get_new_xref()
            doc.update_object(xref, f"<</Type/Font/Subtype/Type1/BaseFont/{base}{enc}>>")
            names.append((f"F{index}", xref))
        own = doc.get_new_xref()
        doc.update_object(own, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/FirstChar 32/LastChar 40"
                               "/Widths[900 900 900 900 900 900 900 900 900]>>")
        names.append(("Own", own))
        diff = doc.get_new_xref()
        doc.update_object(diff, "<</Type/Font/Subtype/Type1/BaseFont/Times-Roman"
                                "/Encoding<</Differences[65/B/A]>>>>")
        names.append(("Diff", diff))
        font_dict = "".join(f"/{name} {xref} 0 R" for name, xref in names)
        page_xref = page.xref
        doc.xref_set_key(page_xref, "Resources", f"<</Font<<{font_dict}>>>>")
        ops = []
        for row, (name, _xref) in enumerate(names):
            codes = "".join(f"{c:02X}" for c in range(1, 256))
            ops.append(f"BT /{name} 3 Tf 10 {1180 - row * 60} Td <{codes}> Tj ET")
        content = doc.get_new_xref()
        doc.update_object(content, "<<>>")
        doc.update_stream(content, "\n".join(ops).encode())
        doc.xref_set_key(page_xref, "Contents", f"{content} 0 R")
    doc.save(path)


def _rawdicts(path: Path, seed: bool) -> tuple[list[dict], int]:
    with pymupdf.open(path) as doc:
        seeded = seed_font_widths(doc) if seed else 0
        return [p.get_text("rawdict", flags=TEXT_FLAGS) for p in doc], seeded


def test_every_code_of_every_standard_font_extracts_identically(tmp_path: Path) -> None:
    path = tmp_path / "codes.pdf"
    _every_code_pdf(path)
    plain, _ = _rawdicts(path, seed=False)
    seeded, count = _rawdicts(path, seed=True)
    assert count == len(BASE14) * len(ENCODINGS)  # the two special fonts were left alone
    spans = [s for page in plain for b in page["blocks"] for ln in b["lines"] for s in ln["spans"]]
    chars = [c for s in spans for c in s["chars"]]
    assert len(chars) > len(ENCODINGS) * len(BASE14) * 150  # most codes print something
    assert seeded == plain


def test_fonts_with_widths_or_differences_are_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "codes.pdf"
    _every_code_pdf(path)
    with pymupdf.open(path) as doc:
        sources = {x: doc.xref_object(x) for x in range(1, doc.xref_length())}
        before = {x: source for x, source in sources.items() if "/Type /Font" in source}
        seed_font_widths(doc)
        for xref, source in before.items():
            if "/Differences" in source or "/Widths" in source:
                assert doc.xref_object(xref) == source
            else:
                assert "/Widths" in doc.xref_object(xref)


def test_file_on_disk_is_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "codes.pdf"
    _every_code_pdf(path)
    data = path.read_bytes()
    parse(path)
    assert path.read_bytes() == data


def test_embedded_fonts_and_non_pdf_documents_are_left_alone(tmp_path: Path) -> None:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_font(fontname="F0", fontbuffer=pymupdf.Font("cjk").buffer)
        page.insert_text((72, 72), "embedded 佐藤", fontname="F0")
        doc.save(tmp_path / "embedded.pdf")
    with pymupdf.open(tmp_path / "embedded.pdf") as doc:
        assert seed_font_widths(doc) == 0
    text = tmp_path / "note.txt"
    text.write_text("plain text, opened by MuPDF as a document that is not a PDF\n")
    with pymupdf.open(text) as doc:
        assert seed_font_widths(doc) == 0


@pytest.mark.parametrize("pdf", sorted((ROOT / "sample_issues").glob("*.pdf")), ids=lambda p: p.name)
def test_sample_issues_extract_identically(pdf: Path) -> None:
    plain, _ = _rawdicts(pdf, seed=False)
    seeded, _ = _rawdicts(pdf, seed=True)
    assert seeded == plain
