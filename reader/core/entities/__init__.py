"""Entities: people, organisations, places, sums of money and dates found in items.

Extraction is rule-based with small gazetteers (``resources/gazetteers/``), offline, no model.
It runs at import on the new items (:func:`reader.core.search.hooks.after_store`) and over the
whole library with :func:`reindex` (``digest-reader entities --reindex``).
"""

from __future__ import annotations

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

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Entity",
    "EntityCount",
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
