"""How entity names are compared: one normal form shared by extraction, storage and queries."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

KINDS = ("person", "org", "place", "money", "date")
KIND_LABELS = {
    "person": "People",
    "org": "Organisations",
    "place": "Countries and places",
    "money": "Sums of money",
    "date": "Dates",
}


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Case-folded, accents removed, whitespace collapsed, leading "the " dropped.

    ``"The  Ministry of Économie"`` and ``"ministry of economie"`` compare equal.
    """
    text = unicodedata.normalize("NFKC", " ".join(str(name).split())).casefold()
    if not text.isascii():
        text = text.translate(_ACCENTS)
    if text.startswith("the "):
        text = text[4:]
    return text.strip(" .,;:'\"’")


def _strip_accent(ch: str) -> str:
    """``é`` -> ``e`` for Latin-script letters; kana and kanji are left whole (their voicing
    marks are meaningful)."""
    if ch.isascii():
        return ch
    if ord(ch) < 0x0250:
        return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return ch


# _strip_accent of every character it changes (one translate() instead of a call per character)
_ACCENTS = {i: _strip_accent(chr(i)) for i in range(0x80, 0x250) if _strip_accent(chr(i)) != chr(i)}
