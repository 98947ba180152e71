"""The parser's pieces: labels, dates, line joining, furniture, columns, bullets, fallbacks."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import BadPdfError, PasswordRequiredError
from reader.core.parse import PARSER_VERSION, parse
from reader.core.parse.furniture import is_page_number
from reader.core.parse.meta import find_date, find_label
from reader.core.parse.structure import is_boilerplate, is_credit
from reader.core.parse.text import join_lines

# --- labels and dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "volume", "number"),
    [
        ("Vol 2.10", "Vol 2.10", 2, 10),
        ("Volume 3, No. 4", "Volume 3, No. 4", 3, 4),
        ("Issue 17", "Issue 17", None, 17),
        ("No. 5", "No. 5", None, 5),
        ("Vol. 4 No. 2", "Vol. 4 No. 2", 4, 2),
        ("Vol. 12, Issue 3", "Vol. 12, Issue 3", 12, 3),
        ("Volume 7", "Volume 7", 7, None),
        ("Harbour Lines — Volume 3, No. 4 — March 5, 2026", "Volume 3, No. 4", 3, 4),
        ("第2巻第10号", "第2巻第10号", 2, 10),
        ("第41号", "第41号", None, 41),
    ],
)
def test_find_label(text: str, label: str, volume: int | None, number: int | None) -> None:
    assert find_label(text) == (label, volume, number)


@pytest.mark.parametrize("text", ["", "Grid & Pipe Weekly", "Nothing to see", "volumes of data"])
def test_find_label_none(text: str) -> None:
    assert find_label(text) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 March 2026", "2026-03-12"),
        ("March 12, 2026", "2026-03-12"),
        ("2026-03-12", "2026-03-12"),
        ("Thu 12 Mar 2026", "2026-03-12"),
        ("Thursday, 12 March 2026", "2026-03-12"),
        ("12.03.2026", "2026-03-12"),
        ("2026年3月12日", "2026-03-12"),
        ("2026/3/12", "2026-03-12"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("1st April 2025", "2025-04-01"),
        ("Vol 2.10 · 19 March 2026", "2026-03-19"),
        ("25/12/2025", "2025-12-25"),
    ],
)
def test_find_date(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["", "Vol 2.10", "31 February 2026", "2026-13-01", "no date here"])
def test_find_date_none(text: str) -> None:
    assert find_date(text) is None


def test_find_date_keeps_the_weekday_in_the_printed_text() -> None:
    assert find_date("Vol 2.12 · Thu 26 Mar 2026").text == "Thu 26 Mar 2026"  # type: ignore[union-attr]


# --- joining lines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["the gov-", "ernment said"], "the government said"),
        (["a Franco-", "German deal"], "a Franco-German deal"),
        (["COVID-", "19 cases"], "COVID-19 cases"),
        (["one", "two", "three"], "one two three"),
        (["東京", "都の"], "東京都の"),
        (["佐藤さんは", "Sony の"], "佐藤さんは Sony の"),
        (["soft\u00ad", "hyphen"], "softhyphen"),
        (["  spaced   out ", " text "], "spaced out text"),
        (["", "only"], "only"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_join_lines_keeps_a_compound_the_document_prints_whole() -> None:
    known = {"cross-border"}.__contains__
    assert join_lines(["new cross-", "border rules"], known) == "new cross-border rules"
    assert join_lines(["the harb-", "our"], known) == "the harbour"


@pytest.mark.parametrize("text", ["3", "- 3 -", "Page 3", "Page 3 of 4", "3 / 4", "p. 12"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["3 ports", "Issue 3", "Vol 2.10"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


@pytest.mark.parametrize("text", ["Photo: A. Person / Agency", "Image: harbour at dawn", "© Someone 2026"])
def test_credits(text: str) -> None:
    assert is_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe or unsubscribe at example.org",
        "© 2026 Example Media. All rights reserved.",
        "Compiled by the desk",
        "https://example.org",
        "www.example.org · desk@example.org",
    ],
)
def test_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


def test_prose_saying_published_by_is_not_strong_boilerplate() -> None:
    text = "Figures published by the canal authority showed traffic up by a third."
    assert not is_boilerplate(text, strong_only=True)


# --- small PDFs made here ---------------------------------------------------------------------


def _save(doc: pymupdf.Document, path: Path) -> Path:
    doc.save(str(path))
    doc.close()
    return path


def _digest(tmp_path: Path, *, shapes: bool = False, pages: int = 1) -> Path:
    """A one-column digest: masthead, 3 bold headlines, 3 detail bullets, footer."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 70), "Test Bulletin", fontname="hebo", fontsize=24)
    page.insert_text((60, 92), "Issue 17 | 2026-03-12", fontname="helv", fontsize=11)
    heads = ["Alpha opens a port", "Beta signs a deal", "Gamma wins a prize"]
    y = 120.0
    for h in heads:
        if shapes:
            page.draw_circle((64, y - 3.5), 2.2, color=None, fill=(0, 0, 0))
        else:
            page.insert_text((60, y), "\u2022", fontname="helv", fontsize=10)
        page.insert_text((74, y), h, fontname="hebo", fontsize=10)
        y += 15
    y += 10
    body = (
        "The quick brown fox jumped over the lazy dog near the harbour wall on Monday "
        "while officials from the port authority counted containers and "
        "ships in the bay, and the mayor said the figures were good."
    )
    words = body.split()
    for n in range(3):
        if shapes:
            page.draw_rect(pymupdf.Rect(61.5, y - 6, 66, y - 1.5), color=None, fill=(0, 0, 0))
        else:
            page.insert_text((60, y), "\u2013", fontname="helv", fontsize=10)
        chunk = [f"Item{n}"] + words
        for i in range(0, len(chunk), 11):
            page.insert_text((74, y), " ".join(chunk[i : i + 11]), fontname="helv", fontsize=10)
            y += 13
        y += 8
    page.insert_text((60, y + 10), "Subscribe at bulletin.example/subscribe", fontname="helv", fontsize=7)
    page.insert_text((60, y + 20), "Photo: A. Photographer", fontname="helv", fontsize=7)
    return _save(doc, tmp_path / "digest.pdf")


@pytest.mark.parametrize("shapes", [False, True], ids=["glyph-bullets", "shape-bullets"])
def test_digest_with_glyph_or_shape_bullets(tmp_path: Path, shapes: bool) -> None:
    issue = parse(_digest(tmp_path, shapes=shapes))
    assert issue.parser_version == PARSER_VERSION
    assert (issue.series, issue.label, issue.volume, issue.number, issue.date) == (
        "Test Bulletin",
        "Issue 17",
        None,
        17,
        "2026-03-12",
    )
    assert [i.headline for i in issue.items] == [
        "Alpha opens a port",
        "Beta signs a deal",
        "Gamma wins a prize",
    ]
    for n, item in enumerate(issue.items):
        assert item.body.startswith(f"Item{n} The quick brown fox")
        assert item.body.endswith("the figures were good.")
        assert item.pages == (1,)
        assert len(item.rects) >= 1 + 3  # headline line + body lines
    assert all("Subscribe" not in i.body and "Photo" not in i.body for i in issue.items)


WORDS = [
    "amber",
    "birch",
    "cedar",
    "delta",
    "ember",
    "fjord",
    "grove",
    "heath",
    "inlet",
    "juniper",
    "kelp",
    "lagoon",
]


def _paragraph_pdf(tmp_path: Path, name: str = "report.pdf", pages: int = 3) -> Path:
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        page.insert_text((60, 40), "Annual Report of Something", fontname="helv", fontsize=8)
        y = 100.0
        for para in range(3):
            for line in range(4):
                end = "." if line == 3 else ""
                text = f"{WORDS[p]} {WORDS[para + 3]} {WORDS[line + 6]} with a few more words{end}"
                page.insert_text((60, y), text, fontsize=10)
                y += 13
            y += 12
        page.insert_text((290, 800), str(p + 1), fontname="helv", fontsize=9)
    return _save(doc, tmp_path / name)


def test_plain_paragraphs_become_items_and_furniture_goes(tmp_path: Path) -> None:
    issue = parse(_paragraph_pdf(tmp_path))
    assert issue.series == "" and issue.label == "" and issue.date is None
    assert len(issue.items) == 9
    assert all(i.headline == "" for i in issue.items)
    assert issue.items[0].body.startswith("amber delta grove with a few more words amber delta heath")
    assert issue.items[-1].pages == (3,)
    text = " ".join(i.body for i in issue.items)
    assert "Annual Report" not in text  # running header
    assert not any(i.body.strip().isdigit() for i in issue.items)  # page numbers


def test_two_columns_read_left_then_right(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 80.0
    for n in range(12):
        page.insert_text((60, y), f"left column line {n} words", fontsize=10)
        page.insert_text((320, y), f"right column line {n} words", fontsize=10)
        y += 13
    issue = parse(_save(doc, tmp_path / "cols.pdf"))
    text = " ".join(i.body for i in issue.items)
    assert text.index("left column line 11") < text.index("right column line 0")
    assert "left column line 0 words left column line 1" in text


def test_item_continues_across_a_page_break(tmp_path: Path) -> None:
    doc = pymupdf.open()
    for p in range(2):
        page = doc.new_page()
        y = 700.0 if p == 0 else 80.0
        if p == 0:
            for n in range(3):
                page.insert_text((60, 100 + 40 * n), "\u2022", fontsize=10)
                page.insert_text((74, 100 + 40 * n), f"Short head {n}", fontname="hebo", fontsize=10)
            page.insert_text((60, y), "\u2022", fontsize=10)
            page.insert_text((74, y), "A detail that starts on the first page and is not", fontsize=10)
            page.insert_text((74, y + 13), "finished at the foot of that page but", fontsize=10)
        else:
            page.insert_text((74, y), "carries on at the top of the next one.", fontsize=10)
            for n in range(2):
                page.insert_text((60, 140 + 60 * n), "\u2022", fontsize=10)
                words = " ".join(["Another detail"] + ["with many words"] * 12)
                page.insert_text((74, 140 + 60 * n), words[:60], fontsize=10)
                page.insert_text((74, 153 + 60 * n), words[60:120], fontsize=10)
    issue = parse(_save(doc, tmp_path / "break.pdf"))
    first = issue.items[0]
    assert first.headline == "Short head 0"
    assert first.body.endswith("foot of that page but carries on at the top of the next one.")
    assert first.pages == (1, 2)
    assert {r.page for r in first.rects} == {1, 2}


def test_cjk_lines_join_without_space(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 80), "\u2022", fontsize=10)
    page.insert_text((74, 80), "東京の会社が新しい", fontname="japan", fontsize=10)
    page.insert_text((74, 93), "港を開きました。", fontname="japan", fontsize=10)
    page.insert_text((60, 120), "\u2022", fontsize=10)
    page.insert_text((74, 120), "大阪でも同じ", fontname="japan", fontsize=10)
    page.insert_text((74, 133), "計画があります。", fontname="japan", fontsize=10)
    issue = parse(_save(doc, tmp_path / "cjk.pdf"))
    bodies = [i.body for i in issue.items]
    assert "東京の会社が新しい港を開きました。" in bodies
    assert "大阪でも同じ計画があります。" in bodies


def test_hyphenated_line_end_rejoins_in_a_pdf(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 80), "The harbour authority said the govern-", fontsize=10)
    page.insert_text((60, 93), "ment would pay for the Franco-", fontsize=10)
    page.insert_text((60, 106), "German project.", fontsize=10)
    issue = parse(_save(doc, tmp_path / "hyphen.pdf"))
    assert (
        issue.items[0].body
        == "The harbour authority said the government would pay for the Franco-German project."
    )


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.set_rect(pix.irect, (200, 200, 200))
    page.insert_image(pymupdf.Rect(50, 50, 300, 300), pixmap=pix)
    issue = parse(_save(doc, tmp_path / "scan.pdf"))
    assert issue.has_text_layer is False
    assert issue.items == ()
    assert issue.pages == 1


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "locked text")
    path = tmp_path / "locked.pdf"
    doc.save(str(path), encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="own")
    doc.close()
    with pytest.raises(PasswordRequiredError, match="password is needed"):
        parse(path)
    with pytest.raises(PasswordRequiredError, match="wrong password"):
        parse(path, password="nope")
    assert parse(path, password="pw").items[0].body == "locked text"


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("nope")
    with pytest.raises(BadPdfError):
        parse(path)


# --- the real-world corpus (skipped when absent) -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "password"),
    [("samplefiles__libreoffice-writer-password.pdf", "openpassword"), ("pdfminer__rc4-40.pdf", "baz")],
)
def test_corpus_encrypted(corpus_dir: Path, name: str, password: str) -> None:
    with pytest.raises(PasswordRequiredError):
        parse(corpus_dir / name)
    issue = parse(corpus_dir / name, password=password)
    assert issue.has_text_layer and issue.items


def test_corpus_repaired_file_warns(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "pymupdf__test2238.pdf")
    assert "repaired by MuPDF" in issue.warnings


def test_corpus_unreadable_page_text_is_a_warning(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "qpdf__issue-1688a.pdf")
    assert any("could not be read" in w for w in issue.warnings)


@pytest.mark.parametrize("name", ["pymupdf__test_4034.pdf", "pdfminer__pdf-with-jbig2.pdf"])
def test_corpus_scans_have_no_text_layer(corpus_dir: Path, name: str) -> None:
    issue = parse(corpus_dir / name)
    assert issue.has_text_layer is False and issue.items == ()


def test_corpus_book_yields_paragraphs(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "pymupdf__mupdf_explored.pdf")
    assert issue.pages == 285
    assert len(issue.items) > 1000
    assert issue.series == ""
    assert all(item.body and item.rects for item in issue.items)


def test_corpus_bullet_list_document(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "pymupdf__v110-changes.pdf")
    bodies = [i.body for i in issue.items]
    assert any(b.startswith("In general, the alpha channel should be avoided") for b in bodies)
    assert any(b.startswith("The alpha channel is now optional.") for b in bodies)  # plain paragraph


def test_corpus_vertical_japanese_is_read(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "pdfminer__jo.pdf")
    assert issue.has_text_layer
    assert any("わたくしといふ現象は" in i.body for i in issue.items)


def test_corpus_two_column_latex(corpus_dir: Path) -> None:
    issue = parse(corpus_dir / "samplefiles__multicolumn.pdf")
    bodies = [i.body for i in issue.items]
    assert "This is a sample document with two columns filled with Lorem Ipsum text." in bodies


def test_one_repeated_line_per_page_is_content_not_furniture(tmp_path: Path) -> None:
    doc = pymupdf.open()
    for n in range(4):
        doc.new_page().insert_text((72, 72), f"Potato {n}", fontsize=24)
    issue = parse(_save(doc, tmp_path / "potato.pdf"))
    assert [i.body for i in issue.items] == ["Potato 0", "Potato 1", "Potato 2", "Potato 3"]
    assert [i.pages for i in issue.items] == [(1,), (2,), (3,), (4,)]


# --- any text in, no exception out ------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_meta_and_join_never_raise(text: str) -> None:
    find_label(text)
    find_date(text)
    is_page_number(text)
    is_credit(text)
    is_boilerplate(text)
    join_lines(text.splitlines() or [text])


def test_a_one_line_detail_still_pairs_by_bold_headlines(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 70), "Short Detail Weekly", fontname="hebo", fontsize=22)
    page.insert_text((60, 92), "Issue 3 | 2026-01-02", fontsize=11)
    y = 120.0
    for h in ["Head one", "Head two", "Head three"]:
        page.insert_text((60, y), "\u2022", fontsize=10)
        page.insert_text((74, y), h, fontname="hebo", fontsize=10)
        y += 15
    y += 10
    details = [["Only a short detail here."]] + [[f"Long detail {n} " + "words " * 12] * 4 for n in (2, 3)]
    for lines in details:
        page.insert_text((60, y), "\u2022", fontsize=10)
        for text in lines:
            page.insert_text((74, y), text, fontsize=10)
            y += 13
        y += 8
    issue = parse(_save(doc, tmp_path / "short.pdf"))
    assert [i.headline for i in issue.items] == ["Head one", "Head two", "Head three"]
    assert issue.items[0].body == "Only a short detail here."
    assert issue.items[2].body.startswith("Long detail 3 words")


def test_headline_list_over_plain_detail_paragraphs(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 70), "Plain Detail Digest", fontname="hebo", fontsize=22)
    page.insert_text((60, 92), "Vol 1.2 / 3 May 2026", fontsize=11)
    y = 120.0
    for h in ["First headline", "Second headline"]:
        page.insert_text((60, y), "\u25aa", fontsize=10)
        page.insert_text((74, y), h, fontname="hebo", fontsize=10)
        y += 15
    y += 12
    for n in (1, 2):
        page.insert_text((60, y), "Section heading", fontname="hebo", fontsize=10)
        y += 20
        for _ in range(3):
            page.insert_text((60, y), f"Paragraph {n} runs on " + "and on " * 10, fontsize=10)
            y += 13
        y += 12
    issue = parse(_save(doc, tmp_path / "plain.pdf"))
    assert (issue.label, issue.volume, issue.number, issue.date) == ("Vol 1.2", 1, 2, "2026-05-03")
    assert [i.headline for i in issue.items] == ["First headline", "Second headline"]
    assert [i.body.split(" runs")[0] for i in issue.items] == ["Paragraph 1", "Paragraph 2"]


def test_section_heading_is_not_the_issue_title(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 70), "Heading Weekly", fontname="hebo", fontsize=22)
    page.insert_text((60, 92), "Issue 9 - 12.03.2026", fontsize=11)
    page.insert_text((60, 115), "Headlines", fontname="hebo", fontsize=14)
    y = 140.0
    for n in range(3):
        page.insert_text((60, y), "\u2022", fontsize=10)
        page.insert_text((74, y), f"Item number {n} " + "with words " * 8, fontsize=10)
        page.insert_text((74, y + 13), "and a second line of words.", fontsize=10)
        y += 34
    issue = parse(_save(doc, tmp_path / "heading.pdf"))
    assert (issue.series, issue.label, issue.date, issue.title) == (
        "Heading Weekly",
        "Issue 9",
        "2026-03-12",
        "",
    )
    assert [i.headline for i in issue.items] == ["", "", ""]
    assert issue.items[1].body.startswith("Item number 1 with words")


def test_marker_glyph_in_its_own_font_size_is_merged_with_its_text() -> None:
    from reader.core.parse.lines import page_lines

    doc = pymupdf.open()
    page = doc.new_page()
    for i, size in enumerate((14, 6)):
        page.insert_text((60, 100 + 30 * i), "\u2022", fontsize=size)
        page.insert_text((80, 100 + 30 * i), f"Text after a bullet of size {size}", fontsize=10)
    page.insert_text((60, 200), "2) Numbered text", fontsize=10)
    page.insert_text((60, 220), "-5 degrees is not a list item", fontsize=10)
    lines = sorted(page_lines(page, 1), key=lambda ln: ln.y0)
    assert [bool(ln.marker) for ln in lines] == [True, True, True, False]
    assert [round(ln.tx0) for ln in lines[:2]] == [80, 80]
    assert lines[2].marker == "2)" and lines[2].text == "Numbered text"
    assert lines[3].text == "-5 degrees is not a list item"
    doc.close()


def _pixel_runs(spans: list[tuple[float, float]], limit: int) -> list[tuple[int, int]]:
    """Oracle for columns._sparse_runs: count the covering lines at every integer x."""
    left = min(int(x0) for x0, _ in spans)
    right = max(int(x1) for _, x1 in spans) + 1
    runs, start = [], None
    for x in range(left, right + 1):
        count = sum(1 for x0, x1 in spans if int(x0) <= x <= int(x1))
        if count <= limit:
            if start is None:
                start = x
        elif start is not None:
            runs.append((start, x))
            start = None
    return runs


@given(
    st.lists(
        st.tuples(st.floats(-50, 600, allow_nan=False), st.floats(0, 300, allow_nan=False)),
        min_size=1,
        max_size=30,
    ),
    st.integers(1, 8),
)
@settings(max_examples=300, deadline=None)
def test_gutter_sweep_matches_a_pixel_scan(raw: list[tuple[float, float]], limit: int) -> None:
    from types import SimpleNamespace

    from reader.core.parse.columns import _sparse_runs

    spans = [(x0, x0 + width) for x0, width in raw]
    lines = [SimpleNamespace(x0=x0, x1=x1) for x0, x1 in spans]
    assert _sparse_runs(lines, limit) == _pixel_runs(spans, limit)  # type: ignore[arg-type]
