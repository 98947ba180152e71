"""Fixtures for window tests: small libraries built straight through the Library API.

Each issue gets a tiny generated PDF (distinct bytes, so a distinct SHA-256) and hand-written
items with rectangles, so tests don't depend on the parser or on worker processes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.model import ItemRect, ParsedIssue, ParsedItem


def make_pdf(path: Path, text: str, pages: int = 2) -> Path:
    """A small PDF with ``text`` on each page."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 90), f"{text} (page {n + 1})", fontsize=12)
    doc.save(path)
    doc.close()
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


WORDS = ("harbour council budget ferry timetable bridge tender library archive festival "
         "committee grant school rail depot survey lighthouse market orchard").split()


def make_issue(series: str, volume: int, number: int, date: str | None, items: int) -> ParsedIssue:
    parsed_items = []
    for i in range(1, items + 1):
        w = WORDS[(volume * 7 + number * 3 + i) % len(WORDS)]
        headline = f"{series.split()[0]} {w} item {i} of {volume}.{number}"
        body = (f"The {w} story number {i} in issue {volume}.{number} explains what happened "
                f"at the {WORDS[i % len(WORDS)]} and why the {WORDS[(i + 3) % len(WORDS)]} matters. "
                * 3).strip()
        page = 1 if i <= items // 2 else 2
        rects = (ItemRect(page, (72.0, 100.0 + 60 * (i % 8), 520.0, 140.0 + 60 * (i % 8))),)
        parsed_items.append(ParsedItem(i, headline, body, (page,), rects))
    return ParsedIssue(series=series, label=f"Vol {volume}.{number}", volume=volume, number=number,
                       date=date, title="", pages=2, items=tuple(parsed_items))


def build_library(folder: Path, issues: list[ParsedIssue]) -> Library:
    lib = Library.open(folder)
    pdf_dir = folder.parent / (folder.name + "-pdfs")
    pdf_dir.mkdir(parents=True, exist_ok=True)
    for n, parsed in enumerate(issues):
        pdf = make_pdf(pdf_dir / f"issue{n}.pdf", f"{parsed.series} {parsed.label} #{n}")
        lib.store_issue(parsed, pdf, sha256(pdf), original_name=pdf.name)
    return lib


STANDARD_ISSUES = [
    make_issue("Grid & Pipe Weekly", 2, 10, "2024-03-08", 4),
    make_issue("Grid & Pipe Weekly", 2, 11, "2024-03-15", 4),
    make_issue("Grid & Pipe Weekly", 2, 12, "2024-03-22", 4),
    make_issue("Pacific Tech Ledger", 1, 41, "2024-02-01", 3),
    make_issue("Pacific Tech Ledger", 1, 42, "2024-02-15", 3),
]


@pytest.fixture
def library(tmp_path: Path):
    lib = build_library(tmp_path / "lib", STANDARD_ISSUES)
    yield lib
    lib.close()


@pytest.fixture
def empty_library(tmp_path: Path):
    lib = Library.open(tmp_path / "empty")
    yield lib
    lib.close()


@pytest.fixture
def english(qapp):
    """The English catalogue installed, as the app does at start: "3 items", not "3 item(s)"."""
    from reader.app import i18n

    installed = i18n.install_translators(qapp, "en", environ={})
    assert installed.language == "en" and installed.files
    yield installed
    i18n.remove_translators(qapp)


@pytest.fixture
def service(library, qapp):
    from reader.app.service import LibraryService

    return LibraryService(library)


@pytest.fixture
def window(service, qtbot):
    from reader.app.window import MainWindow

    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    return win
