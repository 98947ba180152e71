"""Export: Markdown (Obsidian-friendly, Jinja2 templates), W3C Web Annotation JSON-LD (and its
import), CSV for spreadsheets, and annotated PDFs.

    from reader.core.export import Scope, export, preview, import_annotations
    export(lib, Scope(issue_ids=(12,)), "md", "~/Vault/Digests")      # one file per issue
    preview(lib, Scope(tag="energy"), "md")                          # first file, as text
    import_annotations(lib, "annotations.jsonld").message()

See :mod:`reader.core.export.api` for where output goes, docs/templates.md for template variables.
"""

from __future__ import annotations

from reader.core.export.api import FORMATS, ExportResult, export, preview
from reader.core.export.data import (
    ExportHighlight,
    ExportIssue,
    ExportItem,
    Scope,
    UserText,
    gather,
    items_for_query,
)
from reader.core.export.templates import TemplateError
from reader.core.export.webanno import ImportReport, import_annotations

__all__ = [
    "FORMATS",
    "ExportHighlight",
    "ExportIssue",
    "ExportItem",
    "ExportResult",
    "ImportReport",
    "Scope",
    "TemplateError",
    "UserText",
    "export",
    "gather",
    "import_annotations",
    "items_for_query",
    "preview",
]
