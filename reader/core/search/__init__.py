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
from reader.core.search.help import query_language_help
from reader.core.search.hooks import AfterStore, after_store
from reader.core.search.language import OPERATORS, Query, parse_query
from reader.core.search.related import RelatedHit, related, timeline
from reader.core.search.rules import (
    ACTIONS,
    Rule,
    RuleResult,
    add_rule,
    apply_rules,
    delete_rule,
    enable_rule,
    get_rule,
    list_rules,
)
from reader.core.search.saved import (
    News,
    SavedSearch,
    add_saved,
    delete_saved,
    follow,
    get_saved,
    list_saved,
    mark_seen,
    move_saved,
    news,
    rename_saved,
    saved_counts,
    update_saved,
)

__all__ = [
    "ACTIONS",
    "AfterStore",
    "News",
    "RelatedHit",
    "Rule",
    "RuleResult",
    "SavedSearch",
    "add_rule",
    "add_saved",
    "after_store",
    "apply_rules",
    "delete_rule",
    "delete_saved",
    "enable_rule",
    "follow",
    "get_rule",
    "get_saved",
    "list_rules",
    "list_saved",
    "mark_seen",
    "move_saved",
    "news",
    "related",
    "rename_saved",
    "saved_counts",
    "timeline",
    "update_saved",
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
