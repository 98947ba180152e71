"""The digest parser: ``parse(path) -> ParsedIssue``, a pure function of the PDF.

Pipeline (cached widths for unembedded standard fonts, ``font_widths``; then one
``get_text("dict")`` per page, collecting vector shapes in the same pass):
lines with style and markers (``lines``) -> drop running headers/footers and page numbers
(``furniture``) -> reading order by columns (``columns``) -> masthead: series, label, date,
title (``masthead``) -> drop photo credits -> blocks and digest roles (``structure``).

``PARSER_VERSION`` is stored with each imported issue so a better parser can re-parse old imports.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import pymupdf

from reader.core.model import ParsedIssue
from reader.core.parse.columns import reading_order
from reader.core.parse.font_widths import seed_font_widths
from reader.core.parse.furniture import furniture
from reader.core.parse.lines import Line, clean, page_lines
from reader.core.parse.masthead import Masthead, read_masthead
from reader.core.parse.structure import (
    Block,
    build_blocks,
    digest_items,
    headlines_over_paragraphs,
    is_boilerplate,
    is_credit,
    paragraph_items,
)
from reader.core.pdf import open_document

PARSER_VERSION = 1
_SHAPE_PAGES = 8

__all__ = ["PARSER_VERSION", "parse"]


def parse(path: str | os.PathLike[str], *, password: str | None = None) -> ParsedIssue:
    """Read the PDF at ``path`` into a ``ParsedIssue``.

    Raises ``BadPdfError`` / ``PasswordRequiredError`` (from ``open_document``) for files that
    cannot be read; anything readable yields an issue, possibly with zero items.
    """
    doc = open_document(path, password)
    try:
        seed_font_widths(doc)  # identical text, less MuPDF work for unembedded standard fonts
        return _parse_document(doc)
    finally:
        doc.close()


def _parse_document(doc: pymupdf.Document) -> ParsedIssue:
    warnings: list[str] = []
    if doc.is_repaired:
        warnings.append("repaired by MuPDF")
    pages: list[list[Line]] = []
    heights: list[float] = []
    unreadable = 0
    shapes_seen = False
    for index in range(doc.page_count):
        try:
            page = doc.load_page(index)
            heights.append(page.rect.height)
            # vector bullets: always looked for in the first pages (a digest is short); past
            # those only when earlier pages had some, so a long book skips collecting vectors
            want_shapes = index < _SHAPE_PAGES or shapes_seen
            lines = page_lines(page, index + 1, want_shapes=want_shapes)
            shapes_seen = shapes_seen or any(ln.marker == "shape" for ln in lines)
            pages.append(lines)
        except Exception:  # noqa: BLE001 - MuPDF raises assorted errors on broken page content
            unreadable += 1
            if len(heights) < len(pages) + 1:
                heights.append(0.0)
            pages.append([])
    if unreadable:
        warnings.append(f"{unreadable} page(s) could not be read")
    has_text = any(pages)
    if not has_text:
        return ParsedIssue(
            series="",
            label="",
            volume=None,
            number=None,
            date=None,
            title=_meta_title(doc),
            pages=doc.page_count,
            items=(),
            has_text_layer=False,
            parser_version=PARSER_VERSION,
            warnings=tuple(warnings),
        )
    drop = furniture(pages, heights)
    ordered: list[Line] = []
    for lines in pages:
        kept = [ln for ln in lines if id(ln) not in drop]
        ordered.extend(reading_order(kept))
    head = read_masthead(ordered, heights[0] if heights else 0.0)
    blocks, known = _blocks(ordered, head.line_ids)
    marked = [b for b in blocks if b.marker]
    total = sum(b.chars for b in blocks) or 1
    is_digest = len(marked) >= 2 and sum(b.chars for b in marked) >= 0.5 * total
    paired = None if is_digest else headlines_over_paragraphs(blocks, known)
    if is_digest:
        items = digest_items([b for b in marked if not _is_footer_item(b)], known)
    elif paired is not None:
        items = paired
    else:
        if not (head.label or head.date):
            # not a digest: the big text on page 1 is a document title, not a series name
            restore = bool(head.line_ids)
            head = Masthead(title=head.title or head.series)
            if restore:
                blocks, known = _blocks(ordered, set())
        items = paragraph_items([b for b in blocks if not _is_footer_block(b)], known)
    title = head.title
    if not (head.series or head.label) and not title:
        title = _meta_title(doc)
    return ParsedIssue(
        series=head.series,
        label=head.label,
        volume=head.volume,
        number=head.number,
        date=head.date,
        title=title,
        pages=doc.page_count,
        items=tuple(items),
        has_text_layer=True,
        parser_version=PARSER_VERSION,
        warnings=tuple(warnings),
    )


def _blocks(ordered: list[Line], masthead_ids: set[int]) -> tuple[list[Block], Callable[[str], bool]]:
    """Blocks of the content lines (masthead lines and photo credits left out)."""
    content = [
        ln for ln in ordered
        if id(ln) not in masthead_ids and not (not ln.marker and is_credit(ln.text))
    ]
    return build_blocks(content), _vocabulary(content)


def _is_footer_item(block: Block) -> bool:
    text = block.text()
    return len(text.split()) <= 30 and is_boilerplate(text, strong_only=True)


def _is_footer_block(block: Block) -> bool:
    text = block.text()
    return len(text.split()) <= 40 and is_boilerplate(text)


_WORD = re.compile(r"\w+(?:-\w+)*")


def _vocabulary(lines: list[Line]) -> Callable[[str], bool]:
    """A lookup of words and hyphenated compounds printed whole somewhere in the document.

    Built on the first lookup: only a line ending in a hyphen asks, and most issues have none.
    """
    words: set[str] | None = None

    def known(w: str) -> bool:
        nonlocal words
        if words is None:
            words = {m.lower() for ln in lines for m in _WORD.findall(ln.text)}
        return w.lower() in words

    return known


def _meta_title(doc: pymupdf.Document) -> str:
    try:
        title = (doc.metadata or {}).get("title") or ""
    except Exception:  # noqa: BLE001 - damaged metadata is no reason to fail
        return ""
    return " ".join(clean(str(title)).split())[:200]
