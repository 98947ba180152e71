"""The digest parser: ``parse(path) -> ParsedIssue``, a pure function of the PDF.

``PARSER_VERSION`` is stored with each imported issue so a better parser can re-parse old imports.
"""

from __future__ import annotations

import os

import pymupdf

from reader.core.model import ItemRect, ParsedIssue, ParsedItem
from reader.core.pdf import open_document

PARSER_VERSION = 1

__all__ = ["PARSER_VERSION", "parse"]

_FLAGS = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES


def parse(path: str | os.PathLike[str], *, password: str | None = None) -> ParsedIssue:
    """Read the PDF at ``path`` into a ``ParsedIssue`` (provisional: one item per text block)."""
    doc = open_document(path, password)
    try:
        items: list[ParsedItem] = []
        for pno, page in enumerate(doc, start=1):
            for block in page.get_text("dict", flags=_FLAGS)["blocks"]:
                lines = [ln for ln in block.get("lines", ()) if "".join(s["text"] for s in ln["spans"]).strip()]
                if not lines:
                    continue
                text = " ".join(" ".join(s["text"] for s in ln["spans"]).strip() for ln in lines)
                rects = tuple(ItemRect(pno, tuple(ln["bbox"])) for ln in lines)
                items.append(ParsedItem(len(items) + 1, "", " ".join(text.split()), (pno,), rects))
        warnings = ("repaired by MuPDF",) if doc.is_repaired else ()
        return ParsedIssue(
            series="", label="", volume=None, number=None, date=None, title="",
            pages=doc.page_count, items=tuple(items), has_text_layer=bool(items),
            parser_version=PARSER_VERSION, warnings=warnings,
        )
    finally:
        doc.close()
