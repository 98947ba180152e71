"""The library: a folder holding ``library.sqlite`` and ``files/<sha256>.pdf``.

Everything outside this package talks to the library through :class:`Library`'s named
operations and gets plain row dataclasses back; no SQL leaves the package.
"""

from __future__ import annotations

from reader.core.library.errors import AmbiguousError, DuplicateError
from reader.core.library.rows import IssueRow, ItemRow, SearchHit, SeriesRow
from reader.core.library.service import UNSORTED_SERIES, VIEWS, Library, file_sha256

__all__ = [
    "UNSORTED_SERIES",
    "VIEWS",
    "AmbiguousError",
    "DuplicateError",
    "IssueRow",
    "ItemRow",
    "Library",
    "SearchHit",
    "SeriesRow",
    "file_sha256",
]
