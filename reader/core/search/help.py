"""The query language help text, shown by the window's Help and kept in one file.

The text lives in ``resources/help/query-language.md`` (Markdown); the README's "Query
language" section summarises it.
"""

from __future__ import annotations

from functools import lru_cache

from reader.core import paths


@lru_cache(maxsize=1)
def query_language_help() -> str:
    """The Markdown help for the query language ("" if the resource file is missing)."""
    try:
        return (paths.resources_dir() / "help" / "query-language.md").read_text(encoding="utf-8")
    except OSError:
        return ""
