"""The synthetic benchmark library builder makes a consistent, searchable library."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.library.synthetic import build_synthetic_library, measure


def test_small_synthetic_library(tmp_path: Path) -> None:
    figures = build_synthetic_library(tmp_path / "syn", issues=30, items_per_issue=4, series=3)
    assert (figures["series"], figures["issues"], figures["items"], figures["files"]) == (3, 30, 120, 30)
    with Library.open(tmp_path / "syn", create=False) as lib:
        series = lib.list_series()
        assert [s.issue_count for s in series] == [10, 10, 10]
        assert sum(s.unread_count for s in series) == 120
        first = lib.list_issues(limit=1)[0]
        assert lib.issue_pdf_path(first.id).is_file()
        assert len(lib.items(first.id)) == 4
        assert lib.search("Osaka OR Rotterdam OR Busan", limit=5)
        assert lib.integrity_check() == "ok"
    assert not list((tmp_path / "syn" / "files").glob(".*"))
    figures = measure(tmp_path / "syn", repeat=1)
    assert "list_series_ms" in figures and all(v >= 0 for v in figures.values())
    with pytest.raises(LibraryError, match="already holds issues"):
        build_synthetic_library(tmp_path / "syn", issues=1)
