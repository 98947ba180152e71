"""Parse what a user types to name an issue: an id or a label, optionally after a series name.

Accepted forms (case-insensitive, spacing free): ``12`` (an id, else issue number 12),
``Vol 2.10``, ``2.10``, ``v2 n10``, ``Volume 3, No. 4``, ``3/4``, ``Issue 17``, ``No. 17``, ``#17``,
and any of them after a series name: ``Energy Brief Vol 2.10``. Anything else is kept as
free text to compare with printed labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VOL_NUM = re.compile(
    r"(?:\b(?:vol(?:ume)?|v)\.?\s*)?(\d+)\s*"
    r"(?:[./]\s*|,?\s*(?:\b(?:no|nr|number|issue|n)\.?|#)\s*)(\d+)\s*$",
    re.IGNORECASE,
)
_NUM_ONLY = re.compile(r"(?:\b(?:issue|no|nr|number|n)\.?|#)\s*(\d+)\s*$", re.IGNORECASE)
_SERIES_NUM = re.compile(r"^(.*\D)\s+(\d+)\s*$")


@dataclass(frozen=True)
class IssueRef:
    """What a reference names. Unset fields are ``None``; ``series`` is free text to match."""

    text: str
    id: int | None = None
    volume: int | None = None
    number: int | None = None
    series: str | None = None


def _series_part(prefix: str) -> str | None:
    cleaned = prefix.strip(" ,:;-–—")
    return cleaned or None


def parse_ref(text: str) -> IssueRef:
    """Split ``text`` into id / volume / number / series parts (see module docstring)."""
    norm = " ".join(str(text).split())
    if norm.isdigit():
        value = int(norm)
        return IssueRef(norm, id=value, number=value)
    if m := _VOL_NUM.search(norm):
        return IssueRef(
            norm,
            volume=int(m.group(1)),
            number=int(m.group(2)),
            series=_series_part(norm[: m.start()]),
        )
    if m := _NUM_ONLY.search(norm):
        return IssueRef(norm, number=int(m.group(1)), series=_series_part(norm[: m.start()]))
    if m := _SERIES_NUM.match(norm):
        return IssueRef(norm, number=int(m.group(2)), series=_series_part(m.group(1)))
    return IssueRef(norm)
