"""Helpers for the export tests: small annotated libraries (holds no tests).

``annotated_library`` builds a library from a made-up ParsedIssue (stable text for golden files);
``sample_library`` imports real sample PDFs through the parser (real text positions, for the
annotated-PDF and round-trip tests).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from reader.core.library import Library
from tests.core.test_library_support import Store

SAMPLES = Path(__file__).resolve().parents[2] / "sample_issues"
NOW = "2025-01-02T03:04:05+00:00"

ITEMS = [
    (
        "Grid operator signs *storage* deal",
        "The operator agreed to buy [capacity] from <Halvard> Cells | 40% of #output.",
    ),
    ("Wind auction results", "Three bidders won offshore blocks worth 40 million."),
    ("", "A body-only item with `code` and <b>html</b> & an &amp; entity."),
]


def annotated_library(folder: Path, workdir: Path) -> tuple[Library, dict]:
    """A library with two issues; the first annotated with every kind of annotation."""
    lib = Library.open(folder)
    store = Store(lib, workdir)
    first = store(items=ITEMS)
    second = store(label="Vol 2.11", number=11, date="2024-03-08", items=[("Port levy", "A levy on cargo.")])
    ids = [i.id for i in lib.items(first)]
    a = lib.annotations
    a.add_highlight(ids[0], quote="storage", color="green", comment="=SUM(A1) check *this*")
    a.add_highlight(ids[0], quote="<Halvard> Cells", color="blue")
    a.add_highlight(ids[1], color="pink")
    a.tag_items([ids[0]], ["energy", "region/North Sea", "2024"])
    a.tag_items([ids[1]], ["energy"])
    a.set_note(ids[1], "Call *them* about the [auction].")
    a.star([ids[2]])
    a.tag_issues([first], ["weekly"])
    a.set_issue_note(first, "Issue note.")
    return lib, {"first": first, "second": second, "items": ids}


def sample_library(folder: Path, names: tuple[str, ...] = ("grid-pipe-2-10", "harbour-lines-3-4")) -> Library:
    """A library holding sample PDFs, parsed in-process (no worker processes)."""
    from reader.core.parse import parse

    lib = Library.open(folder)
    for name in names:
        pdf = SAMPLES / f"{name}.pdf"
        sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
        lib.store_issue(parse(pdf), pdf, sha, original_name=pdf.name)
    return lib


def annotate_samples(lib: Library) -> None:
    """Highlights (partial and whole, all colours), comments, tags, notes and stars."""
    a = lib.annotations
    for n, issue in enumerate(lib.list_issues()):
        items = lib.items(issue.id)
        first, second = items[0], items[1]
        words = first.body.split()
        a.add_highlight(first.id, quote=" ".join(words[3:9]), color="green", comment=f"why {n}?")
        a.add_highlight(first.id, quote=first.headline, color="purple")
        a.add_highlight(second.id, color="blue")
        a.tag_items([first.id, second.id], ["energy", f"topic/{n}"])
        a.set_note(second.id, f"Note **{n}**")
        a.star([items[-1].id])
        a.tag_issues([issue.id], ["weekly"])


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")
_UUID = re.compile(r"urn:uuid:[0-9a-f-]{36}")
_SHA = re.compile(r"\b[0-9a-f]{64}\b")


def normalise(text: str, lib: Library) -> str:
    """Replace what differs between runs: library paths, timestamps, annotation IRIs."""
    folder = lib.folder.resolve()
    text = text.replace(folder.as_uri(), "file:///LIBRARY").replace(str(folder), "/LIBRARY")
    text = text.replace(NOW, "EXPORTED_AT")
    text = _STAMP.sub("TIMESTAMP", text)
    text = _SHA.sub("SHA256", text)
    return _UUID.sub("urn:uuid:UUID", text)


def check_golden(name: str, text: str) -> None:
    """Compare with tests/core/golden/export/NAME; ``UPDATE_GOLDEN=1`` rewrites the file."""
    path = Path(__file__).parent / "golden" / "export" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"missing golden file {path} (run with UPDATE_GOLDEN=1)"
    assert text == path.read_bytes().decode("utf-8"), f"differs from golden {path}"
