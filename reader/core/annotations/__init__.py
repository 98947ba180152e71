"""Annotations: highlights, tags, notes and stars on items and issues, and issue versions.

Use ``library.annotations`` (an :class:`AnnotationService`). Every write returns a
:class:`Change` (records before/after) that ``revert`` undoes exactly. See
:mod:`reader.core.annotations.anchoring` for how highlights are anchored and re-anchored, and
:mod:`reader.core.annotations.versions` for corrected PDFs of an issue.
"""

from __future__ import annotations

from reader.core.annotations.anchoring import item_text
from reader.core.annotations.errors import (
    BadRangeError,
    BadTagError,
    EmptyTagError,
    NotAnOrphanError,
    QuoteNotFoundError,
    TagExistsError,
    UnknownAnnotationError,
    UnknownColorError,
    UnknownIssueError,
    UnknownItemError,
    UnknownTagError,
)
from reader.core.annotations.records import (
    COLORS,
    DEFAULT_COLOR,
    KINDS,
    Annotation,
    AnnotationHit,
    Change,
    Tag,
    TagCount,
    VersionReport,
)
from reader.core.annotations.service import AnnotationService
from reader.core.annotations.tags import normalise_tag

__all__ = [
    "COLORS",
    "DEFAULT_COLOR",
    "KINDS",
    "Annotation",
    "AnnotationHit",
    "AnnotationService",
    "BadRangeError",
    "BadTagError",
    "Change",
    "EmptyTagError",
    "NotAnOrphanError",
    "QuoteNotFoundError",
    "Tag",
    "TagCount",
    "TagExistsError",
    "UnknownAnnotationError",
    "UnknownColorError",
    "UnknownIssueError",
    "UnknownItemError",
    "UnknownTagError",
    "VersionReport",
    "item_text",
    "normalise_tag",
]
