"""Errors specific to the library (the shared ones live in :mod:`reader.core.errors`)."""

from __future__ import annotations

from reader.core.errors import UserError


class DuplicateError(UserError):
    """The same bytes (same SHA-256) are already in the library; nothing was changed.

    ``issue_id`` names the issue those bytes were imported as, so callers can point at it.
    """

    def __init__(self, message: str, issue_id: int | None = None) -> None:
        super().__init__(message)
        self.issue_id = issue_id


class AmbiguousError(UserError):
    """A reference (such as "2.10") matches several issues; ``candidates`` holds their ids."""

    def __init__(self, message: str, candidates: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates
