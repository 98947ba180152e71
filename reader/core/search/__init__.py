"""Search: the query language, ranked search, counts, saved searches, rules, related items.

One query string (see :mod:`reader.core.search.language` and ``query_language_help()``) is
used by the window, the CLI, saved searches, rules and export. Everything takes the open
:class:`~reader.core.library.Library` as its first argument and uses its connection and lock.
"""

from __future__ import annotations

from reader.core.search.dates import parse_date
from reader.core.search.engine import (
    HighlightHit,
    ItemHit,
    SearchResults,
    count,
    counts,
    item_ids,
    matches,
    search,
    sync_cjk,
)
from reader.core.search.help import HELP_PATH, query_language_help
from reader.core.search.language import OPERATORS, Query, parse_query

__all__ = [
    "HELP_PATH",
    "OPERATORS",
    "HighlightHit",
    "ItemHit",
    "Query",
    "SearchResults",
    "count",
    "counts",
    "item_ids",
    "matches",
    "parse_date",
    "parse_query",
    "query_language_help",
    "search",
    "sync_cjk",
]
