"""Small PDFs made on the fly for importer and CLI tests: a tiny digest and assorted bad files.

Text is invented for these tests. Imported lazily by tests only (PyMuPDF is fine here).
"""

from __future__ import annotations

from pathlib import Path

HEADLINES = [
    (
        "Harbour board approves ferry timetable",
        "The Lindqvist harbour board approved a new ferry "
        "timetable on 3 March after a long session with the Port Authority of Kessel. Two extra "
        "crossings will run each weekday, costing an estimated 1.2 million crowns a year.",
    ),
    (
        "Orchard cooperative reports record pear harvest",
        "Members of the Vantmoor orchard "
        "cooperative picked 840 tonnes of pears, the largest harvest since the group was founded. "
        "Chair Odile Marchetti credited the mild spring and a new irrigation scheme.",
    ),
    (
        "Library extends evening hours",
        "The Brackenfield public library will stay open until nine "
        "on Tuesdays and Thursdays from April, funded by a grant of 45,000 crowns from the Ostrander "
        "Trust. Librarian Tomasz Weir expects students to benefit most.",
    ),
]


def digest_pdf(
    path: Path,
    *,
    series: str = "Quayside Bulletin",
    label: str = "Vol 2.10",
    date: str = "14 March 2025",
    salt: str = "",
    password: str | None = None,
) -> Path:
    """A one-page digest: masthead, headline bullets, detail bullets, footer."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 60
    page.insert_text((50, y), series, fontsize=22, fontname="helv")
    y += 24
    page.insert_text((50, y), f"{label} - {date}", fontsize=11, fontname="helv")
    y += 30
    for headline, _ in HEADLINES:
        page.insert_text((50, y), "\u2022", fontsize=11, fontname="helv")
        page.insert_text((64, y), headline, fontsize=11, fontname="hebo")
        y += 16
    y += 14
    for _, body in HEADLINES:
        page.insert_text((50, y + 11), "\u2022", fontsize=10, fontname="helv")
        rect = pymupdf.Rect(64, y, 545, y + 90)
        page.insert_textbox(rect, body + (f" {salt}" if salt else ""), fontsize=10, fontname="helv")
        y += 100
    page.insert_text(
        (50, 810),
        "Compiled by the Quayside volunteers. Subscribe at example.org.",
        fontsize=8,
        fontname="helv",
    )
    kwargs = {}
    if password:
        kwargs = dict(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner")
    doc.save(str(path), **kwargs)
    doc.close()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scan': one page holding a grey image and no text at all."""
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 280), False)
    pix.clear_with(200)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, pixmap=pix)
    doc.save(str(path))
    doc.close()
    return path


def truncated_pdf(path: Path, source: Path) -> Path:
    """The first 40% of a valid PDF: no xref, no trailer."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.4)])
    return path


def garbage_pdf(path: Path) -> Path:
    path.write_bytes(b"This is not a PDF at all, just some words.\n" * 20)
    return path


def empty_pdf(path: Path) -> Path:
    path.write_bytes(b"")
    return path
