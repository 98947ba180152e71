"""Typed stand-ins for PySide6 functions whose stubs say less than the functions do.

PySide6's stub declares ``QT_TRANSLATE_NOOP(context: object, message: object) -> object``; at
run time it returns ``message`` unchanged, and every caller here passes and keeps a ``str``.
Importing this one instead keeps those strings typed as ``str`` without a cast at each of the
many call sites. pyside6-lupdate finds the calls by their name, so marking for translation is
unchanged.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``message`` for translation in ``context`` and return it untranslated."""
    return message
