"""The ``digest-reader`` command: import, list, show, search and stats; no subcommand starts the GUI.

Start-up is kept fast: only the standard library and ``reader.core.paths`` load at import time;
the library (sqlite-utils), the importer (worker processes, PyMuPDF in the workers) and the GUI
(PySide6) are imported by the subcommand that needs them.

Errors: a ``UserError`` prints ``digest-reader: error: <message>`` on stderr and exits 1; usage
errors exit 2 (argparse); Ctrl-C exits 130; ``import`` exits 1 when any file failed. The
``--json`` outputs are a stable contract (see README).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reader import __version__
from reader.core import paths
from reader.core.errors import UserError

PROG = "digest-reader"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
BOLD, NORMAL = "\x1b[1m", "\x1b[22m"


def default_jobs() -> int:
    """One worker per available core (at least 1, at most 8)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 2
    return max(1, min(cores, 8))


# -- argument parsing --------------------------------------------------------------------------
def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse with one error prefix for every subcommand: ``digest-reader: error: ...``."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tests)."""
    parser = _Parser(
        prog=PROG,
        description="Offline reader for digest PDFs. Without a command, opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help=f"library folder (default: ${paths.LIBRARY_ENV}, else the platform's user data folder)",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="log debug details, also to stderr (log file: see docs)"
    )
    parser.add_argument(
        "--no-window",
        action="store_true",
        help=f"with FILE.pdf or a {PROG}:// link: import or look it up and print it, no window",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("import", help="import PDF files and folders (recursively)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders")
    p.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=default_jobs(),
        help="worker processes (default: number of cores, %(default)s here)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per file")
    p.add_argument("--password", help="password for encrypted PDFs")
    p.add_argument(
        "--timeout",
        type=_positive_float,
        default=60.0,
        metavar="SECONDS",
        help="give up on a file after this many seconds (default: %(default)g)",
    )
    p.add_argument(
        "--keep-backups",
        type=_non_negative_int,
        default=7,
        metavar="N",
        help="before importing, back up the database if the last backup is a day old; keep N (0: off)",
    )

    p = sub.add_parser("list", help="list series, then issues newest first")
    p.add_argument("--json", action="store_true", help="print issues as a JSON array")

    p = sub.add_parser("show", help="show one issue and its items")
    p.add_argument("issue", metavar="ISSUE", help='issue id or label, e.g. 12, "Vol 2.10", 3.4')
    p.add_argument("--json", action="store_true", help="print the issue as JSON")

    p = sub.add_parser("search", help="search items (or highlights) with the query language")
    p.add_argument("query", metavar="QUERY",
                   help='words, "phrases", prefix*, AND/OR/NOT, tag:, series:, is:, after: ... (see README)')
    p.add_argument("--limit", type=_positive_int, default=20, help="at most this many hits (default: 20)")
    p.add_argument("--offset", type=_non_negative_int, default=0, help="skip this many hits first")
    p.add_argument("--count", action="store_true", help="print only how many items match")
    p.add_argument("--json", action="store_true", help="print hits as a JSON array")

    sub.add_parser("stats", help="counts and sizes of the library")
    _add_annotation_parsers(sub)
    _add_maintenance_parsers(sub)
    _add_export_parsers(sub)
    _add_search_parsers(sub)
    return parser


# -- helpers -----------------------------------------------------------------------------------
def _open_library(library_dir: Path) -> Any:
    # a damaged database is moved aside and CorruptLibraryError names the backup to restore
    from reader.core.maintenance import open_library

    return open_library(library_dir, create=True, quick_check=False)


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((88, 24)).columns, 100))


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=_width(), initial_indent=indent, subsequent_indent=indent) or indent


def _pages(pages: Sequence[int]) -> str:
    if not pages:
        return ""
    if len(pages) == 1:
        return f"p. {pages[0]}"
    if list(pages) == list(range(pages[0], pages[-1] + 1)):
        return f"pp. {pages[0]}-{pages[-1]}"
    return "pp. " + ", ".join(str(p) for p in pages)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


class _ProgressBar:
    """``[#####-----] 12/40 files`` on stderr, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, _outcome: Any) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        self.stream.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


# -- subcommands -------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.importer import discover_pdfs, import_paths

    if not discover_pdfs(args.paths):
        raise UserError("no PDF files found in: " + ", ".join(args.paths))
    bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    with _open_library(library_dir) as lib:
        _auto_backup(lib, getattr(args, "keep_backups", 7))
        try:
            outcomes = import_paths(
                lib,
                args.paths,
                jobs=args.jobs,
                password=args.password,
                timeout=args.timeout,
                progress=bar,
            )
        finally:
            if bar is not None:
                bar.clear()
    out = sys.stdout
    if args.json:
        _print_json([o.to_json() for o in outcomes], out)
    else:
        counts = {
            k: sum(1 for o in outcomes if o.outcome == k)
            for k in ("imported", "duplicate", "failed", "cancelled")
        }
        parts = [
            f"{counts['imported']} imported",
            _plural(counts["duplicate"], "duplicate"),
            f"{counts['failed']} failed",
        ]
        if counts["cancelled"]:
            parts.append(f"{counts['cancelled']} cancelled")
        out.write(", ".join(parts) + "\n")
        for o in outcomes:
            if o.outcome == "failed":
                out.write(f"failed: {o.path}: {o.reason}\n")
        for o in outcomes:
            for warning in o.warnings:
                out.write(f"warning: {o.path}: {warning}\n")
    return EXIT_ERROR if any(o.outcome in ("failed", "cancelled") for o in outcomes) else EXIT_OK


def _issue_json(issue: Any) -> dict[str, Any]:
    return {
        "id": issue.id,
        "series": issue.series,
        "label": issue.label,
        "volume": issue.volume,
        "number": issue.number,
        "date": issue.date,
        "item_count": issue.item_count,
    }


def cmd_list(args: argparse.Namespace, library_dir: Path) -> int:
    out = sys.stdout
    with _open_library(library_dir) as lib:
        issues = lib.list_issues()
        if args.json:
            _print_json([_issue_json(i) for i in issues], out)
            return EXIT_OK
        series = lib.list_series()
    if not issues:
        out.write(f"The library is empty ({library_dir}). Add PDFs with: {PROG} import PATH...\n")
        return EXIT_OK
    out.write("Series\n")
    for s in series:
        out.write(f"  {s.name}  ({_plural(s.issue_count, 'issue')}, {s.unread_count} unread)\n")
    out.write("\nIssues (newest first)\n")
    for i in issues:
        cols = [
            f"#{i.id}",
            i.series,
            i.label or i.title or i.original_name,
            i.date or "(no date)",
            _plural(i.item_count, "item"),
        ]
        out.write("  " + "  ".join(c for c in cols if c) + "\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, library_dir: Path) -> int:
    out = sys.stdout
    with _open_library(library_dir) as lib:
        issue = lib.find_issue(args.issue)
        items = lib.items(issue.id)
    if args.json:
        _print_json(
            {
                "id": issue.id,
                "series": issue.series,
                "volume": issue.volume,
                "number": issue.number,
                "label": issue.label,
                "date": issue.date,
                "title": issue.title,
                "pages": issue.pages,
                "items": [
                    {
                        "id": it.id,
                        "position": it.position,
                        "headline": it.headline,
                        "body": it.body,
                        "pages": list(it.pages),
                    }
                    for it in items
                ],
            },
            out,
        )
        return EXIT_OK
    head = " — ".join(x for x in (issue.series, issue.label, issue.date) if x)
    out.write(f"#{issue.id} {head}\n")
    if issue.title:
        out.write(f"{issue.title}\n")
    facts = [_plural(issue.pages, "page"), _plural(len(items), "item")]
    if not issue.has_text_layer:
        facts.append("no text layer")
    out.write(", ".join(facts) + "\n")
    for it in items:
        out.write("\n")
        if it.headline:
            out.write(_wrap(f"{it.position}. {it.headline}", "") + "\n")
            if it.body:
                out.write(_wrap(it.body, "   ") + "\n")
        else:
            out.write(_wrap(f"{it.position}. {it.body}", "") + "\n")
        out.write(f"   ({_pages(it.pages)}, item {it.id})\n")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import count, search

    out = sys.stdout
    marks = (BOLD, NORMAL) if (out.isatty() and not args.json) else ("[", "]")
    with _open_library(library_dir) as lib:
        if args.count:
            n = count(lib, args.query)
            out.write(f"{n}\n")
            return EXIT_OK
        results = search(lib, args.query, limit=args.limit, offset=args.offset, marks=marks)
    if results.kind == "highlights":
        return _print_highlight_hits(results.hits, args.json, args.query)
    if args.json:
        keys = ("item_id", "issue_id", "series", "label", "headline", "snippet", "rank")
        _print_json([{k: getattr(h, k) for k in keys} for h in results.hits], out)
        return EXIT_OK
    if not results.hits:
        out.write(f"no items match {args.query!r}\n")
        return EXIT_OK
    _print_item_hits(results.hits, out)
    return EXIT_OK


def _print_item_hits(hits: Sequence[Any], out: TextIO) -> None:
    for h in hits:
        where = " ".join(x for x in (h.series, h.label) if x)
        out.write(f"{where} (issue #{h.issue_id}, item {h.item_id})\n")
        if h.headline:
            out.write(_wrap(h.headline, "  ") + "\n")
        out.write(_wrap(h.snippet, "    ") + "\n\n")


def _print_highlight_hits(hits: Sequence[Any], as_json: bool, query: str) -> int:
    out = sys.stdout
    if as_json:
        _print_json([h.to_json() for h in hits], out)
        return EXIT_OK
    if not hits:
        out.write(f"no highlights match {query!r}\n")
        return EXIT_OK
    for h in hits:
        where = " ".join(x for x in (h.series, h.label) if x)
        out.write(f"{h.color} highlight {h.annotation_id} in {where} (item {h.item_id})\n")
        out.write(_wrap(f"\u201c{h.exact}\u201d", "  ") + "\n")
        if h.comment:
            out.write(_wrap(f"comment: {h.comment}", "    ") + "\n")
        out.write("\n")
    return EXIT_OK


def _human_bytes(n: Any) -> str:
    try:
        size = float(n)
    except (TypeError, ValueError):
        return str(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return str(n)


def cmd_stats(args: argparse.Namespace, library_dir: Path) -> int:
    with _open_library(library_dir) as lib:
        stats = dict(lib.stats())
    for key, value in stats.items():
        shown = _human_bytes(value) if key == "bytes" else value
        sys.stdout.write(f"{key.replace('_', ' ')}: {shown}\n")
    return EXIT_OK


# -- annotations (issue 4) ---------------------------------------------------------------------
def _add_annotation_parsers(sub: Any) -> None:
    item_help = "item id (see: show ISSUE)"
    p = sub.add_parser("tag", help="add tags to an item")
    p.add_argument("item", metavar="ITEM", help=item_help)
    p.add_argument("tags", nargs="+", metavar="TAG", help="tags; nest with '/', e.g. region/asia")
    p = sub.add_parser("untag", help="remove tags from an item")
    p.add_argument("item", metavar="ITEM", help=item_help)
    p.add_argument("tags", nargs="+", metavar="TAG")
    p = sub.add_parser("highlight", help="highlight a whole item, or the given text within it")
    p.add_argument("item", metavar="ITEM", help=item_help)
    p.add_argument("--color", "--colour", default="yellow", metavar="C",
                   help="yellow, green, blue, pink or purple (default: yellow)")
    p.add_argument("--comment", default="", metavar="TEXT", help="a comment on the highlight")
    p.add_argument("--quote", metavar="TEXT", help="exact text of the item to highlight")
    p = sub.add_parser("note", help="set an item's Markdown note ('' clears it)")
    p.add_argument("item", metavar="ITEM", help=item_help)
    p.add_argument("text", metavar="TEXT", help="the note, or - to read it from standard input")
    for name, verb in (("star", "star"), ("unstar", "unstar")):
        p = sub.add_parser(name, help=f"{verb} items")
        p.add_argument("items", nargs="+", metavar="ITEM", help=item_help)
    p = sub.add_parser("annotations", help="list highlights, tags, notes and stars")
    p.add_argument("--issue", metavar="ID", help="only this issue (id or label)")
    p.add_argument("--json", action="store_true", help="print annotations as a JSON array")
    p = sub.add_parser("tags", help="list tags with how many items and issues carry them")
    p.add_argument("--json", action="store_true", help="print tags as a JSON array")


def cmd_tag(args: argparse.Namespace, library_dir: Path) -> int:
    with _open_library(library_dir) as lib:
        change = lib.annotations.tag_items([args.item], args.tags)
        tags = lib.annotations.item_tags(args.item)
    added = sorted({a.tag for a in change.after})
    msg = f"item {args.item}: tagged {', '.join(added)}" if added else f"item {args.item}: no new tags"
    sys.stdout.write(f"{msg} (tags now: {', '.join(tags)})\n")
    return EXIT_OK


def cmd_untag(args: argparse.Namespace, library_dir: Path) -> int:
    with _open_library(library_dir) as lib:
        change = lib.annotations.untag_items([args.item], args.tags)
        tags = lib.annotations.item_tags(args.item)
    removed = sorted({a.tag for a in change.before})
    msg = f"item {args.item}: removed {', '.join(removed)}" if removed else (
        f"item {args.item} had none of those tags")
    sys.stdout.write(f"{msg} (tags now: {', '.join(tags) or 'none'})\n")
    return EXIT_OK


def cmd_highlight(args: argparse.Namespace, library_dir: Path) -> int:
    with _open_library(library_dir) as lib:
        [made] = lib.annotations.add_highlight(
            args.item, color=args.color, comment=args.comment, quote=args.quote
        ).after
    what = "whole item" if made.whole else repr(made.exact)
    sys.stdout.write(f"highlight {made.id} on item {made.item_id} ({made.color}): {what}\n")
    return EXIT_OK


def cmd_note(args: argparse.Namespace, library_dir: Path) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    with _open_library(library_dir) as lib:
        change = lib.annotations.set_note(args.item, text)
    if not text.strip():
        done = "note cleared" if change else "had no note"
        sys.stdout.write(f"item {args.item}: {done}\n")
    else:
        sys.stdout.write(f"item {args.item}: note saved ({_plural(len(text), 'character')})\n")
    return EXIT_OK


def cmd_star(args: argparse.Namespace, library_dir: Path) -> int:
    starred = args.command == "star"
    with _open_library(library_dir) as lib:
        change = lib.annotations.star(args.items, starred)
    changed = len(change.after if starred else change.before)
    verb = "starred" if starred else "unstarred"
    sys.stdout.write(f"{verb} {_plural(changed, 'item')}\n")
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace, library_dir: Path) -> int:
    out = sys.stdout
    with _open_library(library_dir) as lib:
        issue_id = lib.find_issue(args.issue).id if args.issue else None
        found = lib.annotations.annotations(issue_id)
    if args.json:
        _print_json([a.to_json() for a in found], out)
        return EXIT_OK
    if not found:
        out.write("no annotations\n")
        return EXIT_OK
    for a in found:
        if a.target == "issue":
            where = f"issue {a.issue_id}"
        elif a.orphan:
            where = f"ORPHAN of issue {a.issue_id} (was on {a.context!r})"
        else:
            where = f"item {a.item_id}"
        detail = {
            "highlight": f"{a.color} {'whole item' if a.whole else repr(a.exact)}"
            + (f" — {a.comment}" if a.comment else ""),
            "tag": a.tag or "",
            "note": " ".join(a.note.split())[:80],
            "star": "",
        }[a.kind]
        out.write(f"#{a.id} {a.kind} {where}" + (f": {detail}" if detail else "") + "\n")
    return EXIT_OK


def cmd_tags(args: argparse.Namespace, library_dir: Path) -> int:
    with _open_library(library_dir) as lib:
        tags = lib.annotations.tags()
    if args.json:
        _print_json([{"name": t.name, "items": t.item_count, "issues": t.issue_count} for t in tags],
                    sys.stdout)
        return EXIT_OK
    if not tags:
        sys.stdout.write("no tags\n")
    for t in tags:
        counts = [_plural(t.item_count, "item")]
        if t.issue_count:
            counts.append(_plural(t.issue_count, "issue"))
        sys.stdout.write(f"{t.name}  ({', '.join(counts)})\n")
    return EXIT_OK


ANNOTATION_COMMANDS = {
    "tag": cmd_tag,
    "untag": cmd_untag,
    "highlight": cmd_highlight,
    "note": cmd_note,
    "star": cmd_star,
    "unstar": cmd_star,
    "annotations": cmd_annotations,
    "tags": cmd_tags,
}


# -- maintenance: backup, restore, check (see RELIABILITY.md) ----------------------------------
def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


def _add_maintenance_parsers(sub: Any) -> None:
    p = sub.add_parser("backup", help="write a verified backup of the library database")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the backup to this file (or into this folder) instead of <library>/backups/",
    )
    p.add_argument(
        "--keep", type=_positive_int, default=7, metavar="N", help="backups to keep in backups/ (default: 7)"
    )
    p = sub.add_parser("restore", help="replace the library database with a backup (the current one is kept)")
    p.add_argument("backup", metavar="PATH", help="a backup file, e.g. from <library>/backups/")
    p = sub.add_parser("check", help="check database, search index and PDFs; exit 1 when something is wrong")
    p.add_argument(
        "--repair", action="store_true", help="rebuild search indexes, move unknown PDFs to lost+found/"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def _auto_backup(library: Any, keep: int) -> None:
    """The at-most-daily backup before an import; a failure is a warning, not a stop."""
    from reader.core.maintenance import maybe_backup

    try:
        maybe_backup(library, keep=keep)
    except UserError as err:
        sys.stderr.write(f"{PROG}: warning: automatic backup failed: {' '.join(str(err).split())}\n")


def cmd_backup(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.maintenance import backup_library, write_backup
    from reader.core.maintenance.sqlite_files import timestamp

    db_path = library_dir / "library.sqlite"
    if not db_path.is_file():
        raise UserError(f"no library at {library_dir}")
    if args.output:
        target = Path(args.output).expanduser()
        if target.is_dir():
            target = target / f"library-{timestamp()}.sqlite"
        path = write_backup(db_path, target)
    else:
        path = backup_library(library_dir, keep=args.keep)
    sys.stdout.write(f"backup written and verified: {path}\n")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.maintenance import restore_backup

    result = restore_backup(library_dir, args.backup)
    sys.stdout.write(result.message() + "\n")
    sys.stdout.write(f"PDFs imported after the backup are listed by: {PROG} check\n")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.maintenance import check_library

    report = check_library(library_dir, repair=args.repair)
    if args.json:
        _print_json(report.to_json(), sys.stdout)
    else:
        for line in report.lines():
            sys.stdout.write(line + "\n")
        left = sum(1 for f in report.findings if not f.fine)
        if report.ok:
            sys.stdout.write("the library is fine\n")
        else:
            hint = "" if args.repair else f"; try: {PROG} check --repair"
            sys.stdout.write(f"{_plural(left, 'problem')} found{hint}\n")
    return EXIT_OK if report.ok else EXIT_ERROR


MAINTENANCE_COMMANDS = {"backup": cmd_backup, "restore": cmd_restore, "check": cmd_check}


# -- export (issue 5): Markdown, Web Annotation JSON-LD, CSV, annotated PDF -------------------
def _add_export_parsers(sub: Any) -> None:
    p = sub.add_parser("export", help="export items and annotations as Markdown, JSON-LD, CSV or PDF")
    p.add_argument("--format", "-f", default="md", choices=("md", "json", "csv", "pdf"),
                   help="md (one file per issue), json (W3C Web Annotations), csv, pdf (annotated copies)")
    p.add_argument("--issue", action="append", metavar="ID", help="only this issue (id or label; repeats)")
    p.add_argument("--item", action="append", type=_positive_int, metavar="ID",
                   help="only this item (repeats)")
    p.add_argument("--tag", metavar="T", help="only items with this tag ('region/*' includes nested tags)")
    p.add_argument("--query", metavar="Q", help="only items matching this search")
    p.add_argument("--since", metavar="DATE", help="only issues dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only issues dated on or before DATE")
    p.add_argument("--briefing", action="store_true",
                   help="one Markdown briefing: highlighted and tagged items by tag, then series")
    p.add_argument("--template", metavar="FILE", help="Jinja2 template for Markdown (see docs/templates.md)")
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="a folder (md: one file per issue; pdf: one per issue) or a file")
    p = sub.add_parser("import-annotations", help="attach annotations from a W3C Web Annotation JSON file")
    p.add_argument("file", metavar="FILE", help="a file written by: export --format json")


def cmd_export(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.export import Scope, export

    with _open_library(library_dir) as lib:
        issues = tuple(lib.find_issue(ref).id for ref in (args.issue or ()))
        scope = Scope(issue_ids=issues, item_ids=tuple(args.item or ()), tag=args.tag, query=args.query,
                      since=args.since, until=args.until, briefing=args.briefing)
        result = export(lib, scope, args.format, args.output, template=args.template)
    sys.stdout.write(result.message() + "\n")
    return EXIT_OK


def cmd_import_annotations(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.export import import_annotations

    with _open_library(library_dir) as lib:
        report = import_annotations(lib, args.file)
    sys.stdout.write(report.message() + "\n")
    for problem in report.problems:
        sys.stdout.write(f"warning: {problem}\n")
    return EXIT_OK


EXPORT_COMMANDS = {"export": cmd_export, "import-annotations": cmd_import_annotations}


# -- search (issue 6): saved searches, rules, entities, related items, timeline, news ----------
def _add_search_parsers(sub: Any) -> None:
    p = sub.add_parser("saved", help="saved searches: list with counts, add, rename, move, delete, run")
    acts = p.add_subparsers(dest="saved_action", metavar="ACTION", parser_class=_Parser)
    a = acts.add_parser("list", help="list saved searches with live counts (the default)")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a = acts.add_parser("add", help="save a query under a name")
    a.add_argument("name", metavar="NAME")
    a.add_argument("query", metavar="QUERY")
    a.add_argument("--position", type=_non_negative_int, help="place it here (0 = first)")
    a.add_argument("--follow", action="store_true", help="follow it: see 'news'")
    a = acts.add_parser("rename", help="rename a saved search")
    a.add_argument("name", metavar="NAME", help="name or id")
    a.add_argument("new_name", metavar="NEW_NAME")
    a = acts.add_parser("edit", help="replace the query of a saved search")
    a.add_argument("name", metavar="NAME", help="name or id")
    a.add_argument("query", metavar="QUERY")
    a = acts.add_parser("move", help="move a saved search to a position (0 = first)")
    a.add_argument("name", metavar="NAME", help="name or id")
    a.add_argument("position", type=_non_negative_int, metavar="POSITION")
    a = acts.add_parser("delete", help="delete a saved search")
    a.add_argument("name", metavar="NAME", help="name or id")
    a = acts.add_parser("run", help="run a saved search")
    a.add_argument("name", metavar="NAME", help="name or id")
    a.add_argument("--limit", type=_positive_int, default=20, help="at most this many hits (default: 20)")
    a.add_argument("--json", action="store_true", help="print hits as a JSON array")

    p = sub.add_parser("rules", help="rules applied to newly imported items: list, add, delete, apply")
    acts = p.add_subparsers(dest="rules_action", metavar="ACTION", parser_class=_Parser)
    a = acts.add_parser("list", help="list rules (the default)")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a = acts.add_parser("add", help="add a rule: QUERY plus one action")
    a.add_argument("query", metavar="QUERY")
    act = a.add_mutually_exclusive_group(required=True)
    act.add_argument("--tag", metavar="TAG", help="add this tag to matching items")
    act.add_argument("--star", action="store_true", help="star matching items")
    act.add_argument("--read", action="store_true", help="mark matching items read")
    a.add_argument("--name", default="", help="a label for the rule")
    a = acts.add_parser("delete", help="delete a rule")
    a.add_argument("id", type=_positive_int, metavar="ID")
    acts.add_parser("apply", help="apply every rule to the whole library now")

    p = sub.add_parser("entities", help="people, organisations, places, sums and dates with item counts")
    p.add_argument("--kind", choices=("person", "org", "place", "money", "date"), help="only this kind")
    p.add_argument("--query", metavar="Q", help="count only items matching this search")
    p.add_argument("--item", type=_positive_int, metavar="ID", help="the entities of one item")
    p.add_argument("--limit", type=_positive_int, default=30, help="at most this many (default: 30)")
    p.add_argument("--reindex", action="store_true", help="re-run extraction over the whole library")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("related", help="items from other issues sharing entities and rare words")
    p.add_argument("item", type=_positive_int, metavar="ITEM", help="item id")
    p.add_argument("--limit", type=_positive_int, default=10, help="at most this many (default: 10)")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("timeline", help="items about an entity or matching a query, oldest first")
    p.add_argument("what", metavar="ENTITY|QUERY", help='an entity name ("Fiona Calloway") or a query')
    p.add_argument("--limit", type=_positive_int, help="at most this many")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("follow", help="follow a saved search (or save QUERY as NAME and follow it)")
    p.add_argument("name", metavar="NAME", help="saved search name or id")
    p.add_argument("query", nargs="?", metavar="QUERY", help="create the saved search with this query")
    p.add_argument("--off", action="store_true", help="stop following")

    p = sub.add_parser("news", help="items new since you last looked, for followed searches")
    p.add_argument("name", nargs="?", metavar="NAME", help="only this saved search")
    p.add_argument("--since", metavar="DATE", help="since this ISO date/time instead")
    p.add_argument("--mark-seen", action="store_true", help="afterwards, count everything shown as seen")
    p.add_argument("--json", action="store_true", help="print a JSON object per followed search")


def cmd_saved(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import saved as sv
    from reader.core.search import search

    out = sys.stdout
    action = args.saved_action or "list"
    with _open_library(library_dir) as lib:
        if action == "list":
            items = sv.list_saved(lib)
            counts = sv.saved_counts(lib)
            if getattr(args, "json", False):
                _print_json([{**s.to_json(), "count": counts.get(s.id)} for s in items], out)
                return EXIT_OK
            if not items:
                out.write(f"no saved searches; add one with: {PROG} saved add NAME QUERY\n")
            for s in items:
                n = counts.get(s.id)
                shown = "?" if n is None else str(n)
                flag = "  (followed)" if s.followed else ""
                out.write(f"{s.position}. {s.name} [{shown}]  {s.query}{flag}  (id {s.id})\n")
            return EXIT_OK
        if action == "add":
            s = sv.add_saved(lib, args.name, args.query, position=args.position, followed=args.follow)
            out.write(f"saved {s.name!r} (id {s.id}): {s.query}\n")
        elif action == "rename":
            s = sv.rename_saved(lib, args.name, args.new_name)
            out.write(f"renamed to {s.name!r}\n")
        elif action == "edit":
            s = sv.update_saved(lib, args.name, args.query)
            out.write(f"{s.name!r} now searches: {s.query}\n")
        elif action == "move":
            order = sv.move_saved(lib, args.name, args.position)
            out.write("order: " + ", ".join(s.name for s in order) + "\n")
        elif action == "delete":
            s = sv.delete_saved(lib, args.name)
            out.write(f"deleted {s.name!r} ({s.query})\n")
        elif action == "run":
            s = sv.get_saved(lib, args.name)
            results = search(lib, s.query, limit=args.limit)
            if results.kind == "highlights":
                return _print_highlight_hits(results.hits, args.json, s.query)
            if args.json:
                _print_json([h.to_json() for h in results.hits], out)
            elif not results.hits:
                out.write(f"no items match {s.query!r}\n")
            else:
                _print_item_hits(results.hits, out)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import rules as rl

    out = sys.stdout
    action = args.rules_action or "list"
    with _open_library(library_dir) as lib:
        if action == "list":
            rules = rl.list_rules(lib)
            if getattr(args, "json", False):
                _print_json([r.to_json() for r in rules], out)
                return EXIT_OK
            if not rules:
                out.write(f"no rules; add one with: {PROG} rules add QUERY --tag TAG\n")
            for r in rules:
                off = "" if r.enabled else "  (disabled)"
                name = f"{r.name}: " if r.name else ""
                out.write(f"{r.id}. {name}{r.description}{off}\n")
        elif action == "add":
            kind = "tag" if args.tag is not None else "star" if args.star else "read"
            arg = args.tag if args.tag is not None else ""
            r = rl.add_rule(lib, args.query, kind, arg, name=args.name)
            out.write(f"rule {r.id}: {r.description} (applied to items imported from now on)\n")
        elif action == "delete":
            r = rl.delete_rule(lib, args.id)
            out.write(f"deleted rule {r.id}: {r.description}\n")
        elif action == "apply":
            results = rl.apply_rules(lib, None)
            for res in results:
                out.write(f"rule {res.rule.id}: {_plural(len(res.item_ids), 'item')} matched\n")
            if not results:
                out.write("no rule matched any item\n")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core import entities as en

    out = sys.stdout
    with _open_library(library_dir) as lib:
        if args.reindex:
            bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
            started = time.monotonic()
            n = en.reindex(lib, progress=(lambda done, total: bar(done, total, None)) if bar else None)
            if bar:
                bar.clear()
            out.write(f"extracted entities from {_plural(n, 'item')} in {time.monotonic() - started:.1f} s\n")
            return EXIT_OK
        pending = en.pending_count(lib)
        if 0 < pending <= 5000:  # a few new or edited items: catch up now (about 1 ms each)
            en.index_pending(lib)
        elif pending:
            sys.stderr.write(
                f"{PROG}: {pending:,} items have no entities yet (library made before this"
                f" version); run: {PROG} entities --reindex\n"
            )
        rows = en.item_entities(lib, args.item) if args.item else en.facets(
            lib, args.kind, limit=args.limit, query=args.query
        )
    if args.json:
        _print_json([r.to_json() for r in rows], out)
        return EXIT_OK
    if not rows:
        out.write("no entities found\n")
    for r in rows:
        out.write(f"{r.item_count:6d}  {r.kind:<6}  {r.name}\n")
    return EXIT_OK


def cmd_related(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import related

    out = sys.stdout
    with _open_library(library_dir) as lib:
        hits = related(lib, args.item, limit=args.limit)
    if args.json:
        _print_json([h.to_json() for h in hits], out)
        return EXIT_OK
    if not hits:
        out.write(f"no related items for item {args.item}\n")
    for r in hits:
        h = r.hit
        where = " ".join(x for x in (h.series, h.label) if x)
        shared = f"  shares: {', '.join(r.shared)}" if r.shared else ""
        out.write(f"{r.score:.2f}  {where} (item {h.item_id})  {h.headline or h.snippet[:60]}{shared}\n")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import ItemHit, timeline

    out = sys.stdout
    with _open_library(library_dir) as lib:
        results = timeline(lib, args.what, limit=args.limit)
    if results.kind == "highlights":
        return _print_highlight_hits(results.hits, args.json, args.what)
    if args.json:
        _print_json([h.to_json() for h in results.hits], out)
        return EXIT_OK
    if not results.hits:
        out.write(f"nothing found for {args.what!r}\n")
    for h in results.hits:
        if not isinstance(h, ItemHit):  # results of kind "items" hold ItemHits only
            continue
        where = " ".join(x for x in (h.series, h.label) if x)
        out.write(f"{h.date or 'undated':<10}  {where} (item {h.item_id})  {h.headline or h.snippet[:60]}\n")
    return EXIT_OK


def cmd_follow(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.errors import NotFoundError
    from reader.core.search import saved as sv

    with _open_library(library_dir) as lib:
        try:
            s = sv.get_saved(lib, args.name)
            if args.query:
                s = sv.update_saved(lib, s.id, args.query)
        except NotFoundError:
            if not args.query or args.off:
                raise
            s = sv.add_saved(lib, args.name, args.query)
        s = sv.follow(lib, s.id, not args.off)
    verb = "no longer following" if args.off else "following"
    sys.stdout.write(f"{verb} {s.name!r}: {s.query}\n")
    return EXIT_OK


def cmd_news(args: argparse.Namespace, library_dir: Path) -> int:
    from reader.core.search import saved as sv

    out = sys.stdout
    with _open_library(library_dir) as lib:
        found = sv.news(lib, args.name, since=args.since)
        if args.mark_seen:
            for n in found:
                sv.mark_seen(lib, n.saved.id)
    if args.json:
        _print_json(
            [{"saved": n.saved.to_json(), "since": n.since, "items": [h.to_json() for h in n.hits]}
             for n in found],
            out,
        )
        return EXIT_OK
    if not found:
        out.write(f"no followed searches; follow one with: {PROG} follow NAME QUERY\n")
    for n in found:
        since = f" since {n.since}" if n.since else ""
        out.write(f"{n.saved.name}: {_plural(len(n.hits), 'new item')}{since}\n")
        _print_item_hits(n.hits, out)
    return EXIT_OK


SEARCH_COMMANDS = {
    "saved": cmd_saved,
    "rules": cmd_rules,
    "entities": cmd_entities,
    "related": cmd_related,
    "timeline": cmd_timeline,
    "follow": cmd_follow,
    "news": cmd_news,
}


def run_gui(library_dir: Path, open_request: Any = None) -> int:
    """Start the reader window (PySide6 is imported only here), optionally on an issue/item."""
    try:
        from reader.app.main import run
    except ImportError as err:
        raise UserError(f"the reader window cannot start ({err}); use a command, see {PROG} --help") from None
    if open_request is None:
        return int(run(library_dir) or 0)
    return int(run(library_dir, open_request=open_request) or 0)


def cmd_open(args: argparse.Namespace, library_dir: Path, targets: Sequence[Any]) -> int:
    """``digest-reader FILE.pdf`` / ``digest-reader://open?item=ID``: import if needed, then open.

    With ``--no-window`` prints ``issue N`` (and ``item M``) per target instead; exit 1 when any
    target could not be found or imported. Without it the window opens on the last target that
    resolved (an error is shown in the window).
    """
    from reader.app.links import resolve

    with _open_library(library_dir) as lib:
        requests = [resolve(lib, target) for target in targets]
    failed = [r for r in requests if r.error]
    for request in failed:
        sys.stderr.write(f"{PROG}: error: {request.error}\n")
    if args.no_window:
        for request in requests:
            if not request.error:
                item = f" item {request.item_id}" if request.item_id is not None else ""
                sys.stdout.write(f"issue {request.issue_id}{item}\n")
        return EXIT_ERROR if failed else EXIT_OK
    good = [r for r in requests if not r.error]
    return run_gui(library_dir, open_request=good[-1] if good else requests[-1])


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "stats": cmd_stats,
}
COMMANDS.update(ANNOTATION_COMMANDS)
COMMANDS.update(MAINTENANCE_COMMANDS)
COMMANDS.update(EXPORT_COMMANDS)
COMMANDS.update(SEARCH_COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    from reader.app.links import split_open_arguments
    from reader.core import logs

    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        opening = split_open_arguments(argv, COMMANDS)
    except UserError as err:
        sys.stderr.write(f"{PROG}: error: {' '.join(str(err).split())}\n")
        return EXIT_ERROR
    try:
        args = parser.parse_args(list(opening.rest) if opening else argv)
    except SystemExit as exc:  # --help, --version, usage errors (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    logs.register_secret(getattr(args, "password", None))
    logs.setup_logging(args.verbose)
    log = logging.getLogger("reader.cli")
    log.info("%s %s: %s", PROG, __version__, " ".join(logs.redact_argv(argv)))
    try:
        library_dir = paths.resolve_library_dir(args.library)
        if opening is not None:
            return cmd_open(args, library_dir, opening.targets)
        if args.command is None:
            return run_gui(library_dir)
        return COMMANDS[args.command](args, library_dir)
    except UserError as err:
        message = " ".join(str(err).split()) or type(err).__name__
        log.warning("error: %s", message)
        sys.stderr.write(f"{PROG}: error: {message}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of our output went away (e.g. `| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_ERROR
    except Exception as err:  # a bug: one line here, the traceback only when debugging
        log.exception("internal error")
        if os.environ.get("DIGEST_READER_DEBUG"):
            raise
        sys.stderr.write(
            f"{PROG}: internal error: {type(err).__name__}: {' '.join(str(err).split())}"
            f" (set DIGEST_READER_DEBUG=1 for details)\n"
        )
        return EXIT_ERROR
    finally:
        logs.shutdown_logging()


if __name__ == "__main__":
    raise SystemExit(main())
