"""Search: the query language, ranked search, counts, saved searches, rules, related items.

One query string (see :mod:`reader.core.search.language` and ``query_language_help()``) is
used by the window, the CLI, saved searches, rules and export. Everything takes the open
:class:`~reader.core.library.Library` as its first argument and uses its connection and lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_package

if TYPE_CHECKING:
    from reader.core.search.dates import parse_date
    from reader.core.search.engine import (
        HighlightHit,
        ItemHit,
        SearchResults,
        catch_up_cjk,
        cjk_pending,
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

# public name -> module that defines it, imported on first use (see reader.core.lazy)
_EXPORTS = {
    "parse_date": "dates",
    "HighlightHit": "engine",
    "ItemHit": "engine",
    "SearchResults": "engine",
    "catch_up_cjk": "engine",
    "cjk_pending": "engine",
    "count": "engine",
    "counts": "engine",
    "item_ids": "engine",
    "matches": "engine",
    "search": "engine",
    "sync_cjk": "engine",
    "query_language_help": "help",
    "AfterStore": "hooks",
    "after_store": "hooks",
    "OPERATORS": "language",
    "Query": "language",
    "parse_query": "language",
    "RelatedHit": "related",
    "related": "related",
    "timeline": "related",
    "ACTIONS": "rules",
    "Rule": "rules",
    "RuleResult": "rules",
    "add_rule": "rules",
    "apply_rules": "rules",
    "delete_rule": "rules",
    "enable_rule": "rules",
    "get_rule": "rules",
    "list_rules": "rules",
    "News": "saved",
    "SavedSearch": "saved",
    "add_saved": "saved",
    "delete_saved": "saved",
    "follow": "saved",
    "get_saved": "saved",
    "list_saved": "saved",
    "mark_seen": "saved",
    "move_saved": "saved",
    "news": "saved",
    "rename_saved": "saved",
    "saved_counts": "saved",
    "update_saved": "saved",
}

lazy_package(__name__, _EXPORTS)

__all__ = [
    "ACTIONS",
    "AfterStore",
    "HighlightHit",
    "ItemHit",
    "News",
    "OPERATORS",
    "Query",
    "RelatedHit",
    "Rule",
    "RuleResult",
    "SavedSearch",
    "SearchResults",
    "add_rule",
    "add_saved",
    "after_store",
    "apply_rules",
    "catch_up_cjk",
    "cjk_pending",
    "count",
    "counts",
    "delete_rule",
    "delete_saved",
    "enable_rule",
    "follow",
    "get_rule",
    "get_saved",
    "item_ids",
    "list_rules",
    "list_saved",
    "mark_seen",
    "matches",
    "move_saved",
    "news",
    "parse_date",
    "parse_query",
    "query_language_help",
    "related",
    "rename_saved",
    "saved_counts",
    "search",
    "sync_cjk",
    "timeline",
    "update_saved",
]
