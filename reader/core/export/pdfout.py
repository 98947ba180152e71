"""Annotated PDF: a copy of the issue's PDF with real PDF annotations any viewer shows.

Each highlight becomes a Highlight annotation over the lines of its text (quads from
:func:`reader.core.annotations.geometry.range_rects`), coloured by its colour, with its comment as
the annotation's contents (shown in a pop-up). An item's note and tags become a Text ("sticky
note") annotation beside the item's first line. The PDF in the library's ``files/`` is only
read: the result is saved to a new file (temporary name, then renamed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.annotations.geometry import range_rects
from reader.core.errors import UserError
from reader.core.export.data import ExportIssue
from reader.core.export.markdown import atomic_write

RGB = {
    "yellow": (1.0, 0.93, 0.3),
    "green": (0.55, 0.87, 0.45),
    "blue": (0.5, 0.75, 1.0),
    "pink": (1.0, 0.6, 0.8),
    "purple": (0.78, 0.6, 1.0),
}
AUTHOR = "Digest Reader"


def annotate_pdf(issue: ExportIssue, target: Path) -> dict[str, int]:
    """Write ``issue``'s PDF with its exported items' annotations to ``target``; counts added."""
    import pymupdf

    from reader.core.pdf import open_document

    source = Path(issue.source_file)
    if not source.is_file():
        raise UserError(f"the PDF of {issue.display_name} is missing from the library ({source})")
    counts = {"highlights": 0, "notes": 0}
    doc = open_document(source)
    try:
        for item in issue.items:
            for h in item.highlights:
                if h.start is None or h.end is None:
                    continue
                rects = range_rects(source, item.rects, str(item.text), h.start, h.end)
                by_page: dict[int, list[Any]] = {}
                for r in rects:
                    if 1 <= r.page <= doc.page_count:
                        by_page.setdefault(r.page, []).append(pymupdf.Rect(*r.rect).quad)
                for page_no, quads in by_page.items():
                    page = doc[page_no - 1]  # keep the page alive while its annotation is edited
                    annot = page.add_highlight_annot(quads=quads)
                    annot.set_colors(stroke=RGB.get(h.color, RGB["yellow"]))
                    annot.set_info(title=AUTHOR, subject=f"{h.color} highlight", content=str(h.comment))
                    annot.update()
                    counts["highlights"] += 1
            text = _note_text(item)
            if text and item.rects:
                first = item.rects[0]
                if 1 <= first.page <= doc.page_count:
                    page = doc[first.page - 1]
                    x = min(max(first.rect[2] + 4, 0), page.rect.width - 20)
                    y = min(max(first.rect[1], 0), page.rect.height - 20)
                    annot = page.add_text_annot((x, y), text, icon="Note")
                    annot.set_info(title=AUTHOR, subject="Note", content=text)
                    annot.update()
                    counts["notes"] += 1
        data = doc.tobytes(garbage=1, deflate=True)
    finally:
        doc.close()
    atomic_write(target, data)
    return counts


def _note_text(item: Any) -> str:
    parts = []
    if item.note.strip():
        parts.append(item.note.strip())
    if item.tags:
        parts.append("Tags: " + ", ".join(str(t) for t in item.tags))
    return "\n\n".join(parts)
