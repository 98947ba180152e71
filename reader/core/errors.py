"""Typed errors: ``UserError`` for problems a user can fix (shown as one line), ``BugError`` for ours.

Every layer raises ``UserError`` (or a subclass) with a message fit to print as it is; the CLI
and the window show it without a traceback. Anything else escaping is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment; ``str(err)`` is a one-line message."""


class BadPdfError(UserError):
    """A file could not be read as a PDF (not a PDF, empty, damaged, encrypted, ...)."""


class PasswordRequiredError(BadPdfError):
    """The PDF is encrypted and no (correct) password was given."""


class QueryError(UserError):
    """A search query could not be understood."""


class NotFoundError(UserError):
    """An issue, item or other named thing does not exist in the library."""


class LibraryError(UserError):
    """The library folder or database cannot be used (read-only, corrupt, newer schema...)."""


class BugError(Exception):
    """An internal invariant failed; report it rather than explain it to the user."""
