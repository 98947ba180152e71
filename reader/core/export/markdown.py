"""Markdown export: one file per issue (folder), one file (one issue), or a briefing.

Re-exporting updates files in place: an existing file is found by the issue id in its front
matter (``digest_reader_issue: 12``), so a renamed issue or a file the user renamed is still the
same file, and no duplicate appears. Text the user wrote between persist markers::

    %% digest-reader:persist:item-34 start %%
    my own thoughts
    %% digest-reader:persist:item-34 end %%

is carried into the new file (a block whose item is no longer exported is kept at the end).
Files are written to a temporary name and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.errors import UserError
from reader.core.export.data import ExportIssue, UserText, briefing_groups
from reader.core.export.filenames import safe_stem, unique_name
from reader.core.export.templates import PERSIST_END, PERSIST_START, load_template, render
from reader.core.export.text import obsidian_tag

_BLOCK = re.compile(
    r"^%% digest-reader:persist:(?P<key>[A-Za-z0-9_.:-]+) start %%[ \t]*\r?\n"
    r"(?P<body>.*?)"
    r"^%% digest-reader:persist:(?P=key) end %%[ \t\r]*$",
    re.M | re.S,
)
_ISSUE_ID = re.compile(r"^digest_reader_issue:\s*\"?(\d+)\"?\s*$", re.M)
KEPT_HEADING = "## Kept from earlier exports"


def persisted_blocks(text: str) -> dict[str, str]:
    """``{key: text between the markers}`` of a previously exported file."""
    return {m.group("key"): m.group("body") for m in _BLOCK.finditer(text)}


def merge_persisted(new_text: str, kept: dict[str, str]) -> str:
    """``new_text`` with each persist block filled from ``kept``; blocks whose key no longer
    appears are appended at the end under :data:`KEPT_HEADING`, so nothing the user wrote is lost."""
    if not kept:
        return new_text
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        key = match.group("key")
        used.add(key)
        body = kept.get(key, match.group("body"))
        return _block(key, body)

    merged = _BLOCK.sub(fill, new_text)
    left = [k for k in kept if k not in used and kept[k].strip()]
    if left:
        tail = [KEPT_HEADING, ""] + [_block(k, kept[k]) + "\n" for k in left]
        merged = merged.rstrip("\n") + "\n\n" + "\n".join(tail)
    return merged


def _block(key: str, body: str) -> str:
    if body and not body.endswith("\n"):
        body += "\n"
    return f"{PERSIST_START.format(key=key)}\n{body}{PERSIST_END.format(key=key)}"


def front_matter_issue_id(text: str) -> int | None:
    """The ``digest_reader_issue`` id in a file's front matter, if it has one."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    head = text[: end if end != -1 else 4096]
    match = _ISSUE_ID.search(head)
    return int(match.group(1)) if match else None


def _all_tags(issues: Sequence[ExportIssue]) -> list[str]:
    names: dict[str, str] = {}
    for issue in issues:
        for tag in [*issue.tags, *(t for item in issue.items for t in item.tags)]:
            spelled = obsidian_tag(tag)
            if spelled:
                names.setdefault(spelled.lower(), spelled)
    return sorted(names.values(), key=str.lower)


def issue_context(issue: ExportIssue, exported_at: str) -> dict[str, Any]:
    """Template variables for one issue file (documented in docs/templates.md)."""
    return {
        "issue": issue,
        "items": issue.items,
        "all_tags": _all_tags([issue]),
        "exported_at": exported_at,
        "app_version": __version__,
    }


def briefing_context(
    issues: Sequence[ExportIssue], exported_at: str, since: str | None, until: str | None
) -> dict[str, Any]:
    """Template variables for a briefing (documented in docs/templates.md)."""
    span = f"{since or 'the beginning'} to {until or 'today'}"
    return {
        "title": UserText(f"Briefing {span}" if (since or until) else "Briefing"),
        "since": since,
        "until": until,
        "groups": briefing_groups(issues),
        "issues": list(issues),
        "all_tags": _all_tags(issues),
        "exported_at": exported_at,
        "app_version": __version__,
    }


def render_issue(issue: ExportIssue, exported_at: str, template: Any = None) -> str:
    """One issue's Markdown (``template`` a compiled template, default the shipped one)."""
    return render(template or load_template(), issue_context(issue, exported_at))


def render_briefing(
    issues: Sequence[ExportIssue],
    exported_at: str,
    since: str | None,
    until: str | None,
    template: Any = None,
) -> str:
    return render(
        template or load_template(name="briefing.md.j2"), briefing_context(issues, exported_at, since, until)
    )


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` (UTF-8, ``\\n``) atomically, keeping persist blocks of the old file.

    Returns True when the file existed (updated), False when created.
    """
    existed = path.exists()
    if existed:
        try:
            old = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read {path} to update it: {exc}") from None
        text = merge_persisted(text, persisted_blocks(old))
    atomic_write(path, text.encode("utf-8"))
    return existed


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


def existing_files(folder: Path) -> tuple[dict[int, Path], set[str]]:
    """``({issue_id: file}, lower-cased names taken)`` for the Markdown files already in ``folder``."""
    by_id: dict[int, Path] = {}
    taken: set[str] = set()
    if not folder.is_dir():
        return by_id, taken
    for entry in os.scandir(folder):
        taken.add(entry.name.lower())
        if not entry.name.lower().endswith(".md") or not entry.is_file():
            continue
        try:
            with open(entry.path, encoding="utf-8", errors="replace") as fh:
                head = fh.read(4096)
        except OSError:
            continue
        issue_id = front_matter_issue_id(head)
        if issue_id is not None and issue_id not in by_id:
            by_id[issue_id] = Path(entry.path)
    return by_id, taken


def issue_file_stem(issue: ExportIssue) -> str:
    """The file name stem for an issue: its display name made safe (``issue-ID`` if empty)."""
    return safe_stem(str(issue.display_name), fallback=f"issue-{issue.id}")


def plan_folder(folder: Path, issues: Sequence[ExportIssue]) -> list[tuple[ExportIssue, Path]]:
    """Where each issue's file goes: its existing file (by id), else a new collision-free name."""
    by_id, taken = existing_files(folder)
    plan = []
    for issue in issues:
        path = by_id.get(issue.id)
        if path is None:
            name = unique_name(issue_file_stem(issue), ".md", taken, tag=str(issue.id))
            taken.add(name.lower())
            path = folder / name
        plan.append((issue, path))
    return plan
