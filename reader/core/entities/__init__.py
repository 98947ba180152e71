"""Entities: people, organisations, places, sums of money and dates found in items.

Extraction is rule-based with small gazetteers (``resources/gazetteers/``), offline, no model.
It runs at import on the new items (:func:`reader.core.search.hooks.after_store`) and over the
whole library with :func:`reindex` (``digest-reader entities --reindex``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_package

if TYPE_CHECKING:
    from reader.core.entities.extract import Entity, extract, extract_counts
    from reader.core.entities.names import KIND_LABELS, KINDS, normalise_name
    from reader.core.entities.store import (
        EntityCount,
        facets,
        find_entities,
        index_items,
        index_pending,
        item_entities,
        pending_count,
        reindex,
    )

# public name -> module that defines it, imported on first use (see reader.core.lazy): the
# parse worker needs the extractor, not the store (which loads the search engine)
_EXPORTS = {
    "Entity": "extract",
    "extract": "extract",
    "extract_counts": "extract",
    "KINDS": "names",
    "KIND_LABELS": "names",
    "normalise_name": "names",
    "EntityCount": "store",
    "facets": "store",
    "find_entities": "store",
    "index_items": "store",
    "index_pending": "store",
    "item_entities": "store",
    "pending_count": "store",
    "reindex": "store",
}

lazy_package(__name__, _EXPORTS)

__all__ = [
    "Entity",
    "EntityCount",
    "KINDS",
    "KIND_LABELS",
    "extract",
    "extract_counts",
    "facets",
    "find_entities",
    "index_items",
    "index_pending",
    "item_entities",
    "normalise_name",
    "pending_count",
    "reindex",
]
