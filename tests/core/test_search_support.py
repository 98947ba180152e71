"""Shared helpers for the search tests: a library holding every sample issue (no tests here)."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library, file_sha256

SAMPLES = Path(__file__).resolve().parents[2] / "sample_issues"


def build_sample_library(folder: Path) -> Library:
    """Open a library in ``folder`` and store every sample issue as the importer would
    (parse in-process, store, then the search hook: bigrams, entities, rules)."""
    from reader.core.parse import parse
    from reader.core.search.hooks import after_store

    lib = Library.open(folder)
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        issue_id = lib.store_issue(parse(pdf), pdf, file_sha256(pdf), original_name=pdf.name)
        assert after_store(lib, issue_id).warning is None
    return lib


def item_id_by_headline(lib: Library, start: str) -> int:
    """The id of the one item whose headline starts with ``start``."""
    rows = lib._db.execute("SELECT id FROM items WHERE headline LIKE ? || '%'", [start]).fetchall()
    assert len(rows) == 1, f"{len(rows)} items start with {start!r}"
    return int(rows[0][0])
