"""``export`` and ``preview``: the one entry point the CLI and the window call.

Where the output goes (``output`` is a path; see README "Export"):

- ``md``: a folder (existing, ending in a separator, or without ``.md``) gets one file per issue,
  updated in place on re-export; a path ending in ``.md`` gets one file (one issue only).
  ``briefing=True`` writes one file (``Briefing <since> to <until>.md`` inside a folder).
- ``json``: one file (``annotations.jsonld`` inside a folder).
- ``csv``: one file (``items.csv`` inside a folder).
- ``pdf``: a folder gets one annotated PDF per issue; a path ending in ``.pdf`` one file (one issue).

Nothing is ever written inside the library's ``files/`` folder.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core.errors import UserError
from reader.core.export import csvout, markdown, webanno
from reader.core.export.data import ExportIssue, Scope, gather
from reader.core.export.filenames import safe_stem, unique_name
from reader.core.export.templates import load_template

FORMATS = ("md", "json", "csv", "pdf")
_SUFFIX = {"md": ".md", "json": ".jsonld", "csv": ".csv", "pdf": ".pdf"}
_SUFFIXES = {"md": (".md", ".markdown"), "json": (".json", ".jsonld"), "csv": (".csv",), "pdf": (".pdf",)}


@dataclass
class ExportResult:
    """What an export wrote."""

    format: str
    paths: list[Path] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    issues: int = 0
    items: int = 0
    annotations: int = 0

    def message(self) -> str:
        where = str(self.paths[0]) if len(self.paths) == 1 else f"{len(self.paths)} files"
        return (
            f"exported {self.items} item(s) from {self.issues} issue(s), {self.annotations} "
            f"annotation(s), as {self.format} to {where} ({self.created} created, {self.updated} updated)"
        )


def now_stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_format(fmt: str) -> str:
    name = str(fmt).lower().lstrip(".")
    name = {"markdown": "md", "jsonld": "json", "json-ld": "json"}.get(name, name)
    if name not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return name


def _is_folder_target(path: Path, fmt: str, raw: str) -> bool:
    if path.is_dir() or raw.endswith(("/", os.sep)):
        return True
    return not path.name.lower().endswith(_SUFFIXES[fmt])


def _guard(lib: Any, path: Path) -> None:
    try:
        files = lib.files_dir.resolve()
        target = path.resolve()
    except OSError:
        return
    if target == files or files in target.parents:
        raise UserError(f"will not write into the library's files/ folder ({files}); choose another path")


def _count_annotations(issues: list[ExportIssue]) -> int:
    return sum(len(i.annotations) + sum(len(it.annotations) for it in i.items) for i in issues)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an export builds tens of thousands of small
    records: its repeated passes over them cost ~40% of a 10,000-item export."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def export(
    lib: Any,
    scope: Scope,
    fmt: str,
    output: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    now: str | None = None,
) -> ExportResult:
    """Export ``scope`` of ``lib`` as ``fmt`` to ``output``; UserError with one line on any problem."""
    with _gc_paused():
        return _export(lib, scope, fmt, output, template=template, now=now)


def _export(
    lib: Any,
    scope: Scope,
    fmt: str,
    output: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None,
    now: str | None,
) -> ExportResult:
    fmt = _check_format(fmt)
    raw = os.fspath(output)
    if not raw.strip():
        raise UserError("no output path given")
    out = Path(raw).expanduser()
    _guard(lib, out)
    if template is not None and fmt != "md":
        raise UserError("--template applies to Markdown export only (--format md)")
    compiled = (
        load_template(template, name="briefing.md.j2" if scope.briefing else "issue.md.j2")
        if fmt == "md"
        else None
    )
    issues = gather(lib, scope)
    if not issues:
        raise UserError(f"nothing to export: no items in scope ({scope.describe()})")
    stamp = now or now_stamp()
    result = ExportResult(
        fmt,
        issues=len(issues),
        items=sum(len(i.items) for i in issues),
        annotations=_count_annotations(issues),
    )
    folder = _is_folder_target(out, fmt, raw)
    if folder and out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file, not a folder")
    if fmt == "md":
        if scope.briefing:
            text = markdown.render_briefing(issues, stamp, scope.since, scope.until, compiled)
            target = (
                out
                / (
                    safe_stem(f"Briefing {scope.since or ''} to {scope.until or ''}".replace("  ", " "))
                    + ".md"
                )
                if folder
                else out
            )
            _record(result, target, markdown.write_text(target, text))
        elif folder:
            for issue, target in markdown.plan_folder(out, issues):
                text = markdown.render_issue(issue, stamp, compiled)
                _record(result, target, markdown.write_text(target, text))
        else:
            if len(issues) > 1:
                raise UserError(
                    f"{len(issues)} issues in scope but {out.name} is one file: give a folder "
                    "(one file per issue) or use --briefing"
                )
            _record(result, out, markdown.write_text(out, markdown.render_issue(issues[0], stamp, compiled)))
    elif fmt == "json":
        target = out / "annotations.jsonld" if folder else out
        existed = target.exists()
        markdown.atomic_write(target, webanno.collection_text(issues, stamp).encode("utf-8"))
        _record(result, target, existed)
    elif fmt == "csv":
        target = out / "items.csv" if folder else out
        existed = target.exists()
        markdown.atomic_write(target, csvout.csv_bytes(issues))
        _record(result, target, existed)
    else:
        from reader.core.export import pdfout

        if not folder and len(issues) > 1:
            raise UserError(f"{len(issues)} issues in scope but {out.name} is one file: give a folder")
        taken: set[str] = set()
        for issue in issues:
            if folder:
                name = unique_name(markdown.issue_file_stem(issue), ".pdf", taken, tag=str(issue.id))
                taken.add(name.lower())
                target = out / name
            else:
                target = out
            existed = target.exists()
            pdfout.annotate_pdf(issue, target)
            _record(result, target, existed)
    return result


def _record(result: ExportResult, path: Path, existed: bool) -> None:
    result.paths.append(path)
    if existed:
        result.updated += 1
    else:
        result.created += 1


def preview(
    lib: Any,
    scope: Scope,
    fmt: str = "md",
    *,
    template: str | os.PathLike[str] | None = None,
    template_source: str | None = None,
    now: str | None = None,
    max_chars: int | None = 200_000,
) -> str:
    """The first file an export would write, as text (for a preview pane), without writing.

    Markdown: the first issue's file (or the briefing); JSON and CSV: the document (cut at
    ``max_chars``); PDF: a summary of the annotations the first PDF would get.
    ``template_source`` previews unsaved template text (e.g. from an editor). Errors are one-line
    UserErrors (TemplateError for templates, with the line number).
    """
    with _gc_paused():
        return _preview(lib, scope, fmt, template, template_source, now, max_chars)


def _preview(
    lib: Any,
    scope: Scope,
    fmt: str,
    template: str | os.PathLike[str] | None,
    template_source: str | None,
    now: str | None,
    max_chars: int | None,
) -> str:
    from reader.core.export.templates import template_from_string

    fmt = _check_format(fmt)
    stamp = now or now_stamp()
    compiled = None
    if fmt == "md":
        if template_source is not None:
            compiled = template_from_string(template_source, "<template>")
        else:
            compiled = load_template(template, name="briefing.md.j2" if scope.briefing else "issue.md.j2")
    issues = gather(lib, scope)
    if not issues:
        return f"Nothing to export: no items in scope ({scope.describe()})."
    if fmt == "md":
        text = (
            markdown.render_briefing(issues, stamp, scope.since, scope.until, compiled)
            if scope.briefing
            else markdown.render_issue(issues[0], stamp, compiled)
        )
    elif fmt == "json":
        text = webanno.collection_text(issues, stamp)
    elif fmt == "csv":
        text = csvout.csv_text(issues)
    else:
        first = issues[0]
        hl = sum(len(it.highlights) for it in first.items)
        notes = sum(1 for it in first.items if it.note.strip() or it.tags)
        text = (
            f"{first.display_name}: a copy of {Path(first.source_file).name} with {hl} highlight "
            f"annotation(s) and {notes} note annotation(s)"
            + (f"; {len(issues) - 1} more issue(s)" if len(issues) > 1 else "")
        )
    if max_chars is not None and len(text) > max_chars:
        text = text[:max_chars] + "\n…"
    return text
