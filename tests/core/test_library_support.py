"""Helpers shared by the library tests: tiny PDFs made with PyMuPDF and ParsedIssue builders.

(Named ``test_library_*`` to live inside the library's test files; it holds no tests.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf

from reader.core.library import Library
from reader.core.model import ItemRect, ParsedIssue, ParsedItem


def make_pdf(path: Path, text: str = "A digest page") -> tuple[Path, str]:
    """Write a one-page PDF with ``text`` (distinct text -> distinct bytes); return path, sha256."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text)
    doc.save(path)
    doc.close()
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def make_issue(
    series: str = "Energy Brief",
    label: str = "Vol 2.10",
    volume: int | None = 2,
    number: int | None = 10,
    date: str | None = "2024-03-01",
    items: list[tuple[str, str]] | None = None,
) -> ParsedIssue:
    """A ParsedIssue with the given (headline, body) items (two plain ones by default)."""
    if items is None:
        items = [
            ("Grid operator signs storage deal", "The operator agreed to buy capacity."),
            ("Wind auction results", "Three bidders won offshore blocks worth 40 million."),
        ]
    return ParsedIssue(
        series=series,
        label=label,
        volume=volume,
        number=number,
        date=date,
        title="",
        pages=1,
        items=tuple(
            ParsedItem(
                position=n,
                headline=h,
                body=b,
                pages=(1,),
                rects=(ItemRect(1, (72.0, 60.0 + 20 * n, 300.0, 75.0 + 20 * n)),),
            )
            for n, (h, b) in enumerate(items, start=1)
        ),
        parser_version=3,
        warnings=("a warning",),
    )


class Store:
    """Stores issues into a library with a fresh PDF each (counter makes the bytes unique)."""

    def __init__(self, lib: Library, workdir: Path) -> None:
        self.lib = lib
        self.workdir = workdir
        self.count = 0

    def __call__(self, issue: ParsedIssue | None = None, **kwargs: object) -> int:
        self.count += 1
        pdf, sha = make_pdf(self.workdir / f"in{self.count}.pdf", f"issue number {self.count}")
        return self.lib.store_issue(
            issue or make_issue(**kwargs), pdf, sha, original_name=f"in{self.count}.pdf"
        )
