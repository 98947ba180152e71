"""CSV of items for spreadsheets: one row per item, UTF-8 with a BOM (Excel reads it right).

Cells that a spreadsheet would run as a formula (text starting with ``= + - @``, tab, CR, LF)
get a leading ``'`` (OWASP's advice against CSV injection); see :func:`text.csv_cell`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.core.export.data import ExportIssue
from reader.core.export.text import csv_cell

COLUMNS = (
    "series",
    "label",
    "date",
    "headline",
    "tags",
    "highlight_colours",
    "highlights",
    "comments",
    "notes",
    "starred",
    "item_id",
    "issue_id",
)


def csv_text(issues: Sequence[ExportIssue]) -> str:
    """The CSV (without BOM; :func:`csv_bytes` adds it). Lists join with ``; `` (tags, colours)
    or a blank line (highlights, comments)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for issue in issues:
        for item in issue.items:
            hl = item.highlights
            row = (
                str(issue.series),
                str(issue.label),
                issue.date or "",
                str(item.headline or item.title),
                "; ".join(str(t) for t in item.tags),
                "; ".join(h.color for h in hl),
                "\n\n".join(str(h.quote) for h in hl),
                "\n\n".join(str(h.comment) for h in hl if h.comment),
                item.note,
                "yes" if item.starred else "",
                item.id,
                issue.id,
            )
            writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def csv_bytes(issues: Sequence[ExportIssue]) -> bytes:
    return b"\xef\xbb\xbf" + csv_text(issues).encode("utf-8")
