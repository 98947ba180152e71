"""Typed errors of the annotation service; each is a ``UserError`` with a one-line message."""

from __future__ import annotations

from reader.core.errors import NotFoundError, UserError


class UnknownItemError(NotFoundError):
    """No item with that id."""


class UnknownIssueError(NotFoundError):
    """No issue with that id."""


class UnknownAnnotationError(NotFoundError):
    """No annotation with that id (or not of the kind the operation needs)."""


class UnknownTagError(NotFoundError):
    """No tag with that name."""


class UnknownColorError(UserError):
    """A highlight colour outside :data:`reader.core.annotations.COLORS`."""


class EmptyTagError(UserError):
    """A tag that is empty (or only whitespace and slashes) after normalising."""


class BadTagError(UserError):
    """A tag that cannot be used as written (e.g. it contains a comma)."""


class TagExistsError(UserError):
    """Renaming a tag onto a name another tag already has (merge them instead)."""


class QuoteNotFoundError(UserError):
    """``--quote`` text that does not occur in the item."""


class BadRangeError(UserError):
    """A character range outside the item's text, or empty."""


class NotAnOrphanError(UserError):
    """Placing an annotation that is attached already."""
