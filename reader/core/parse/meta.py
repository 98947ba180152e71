"""Issue labels and dates as printed on a masthead, turned into numbers and ISO dates.

``find_label("Vol 2.10")`` -> ``Label("Vol 2.10", 2, 10)``; ``find_date("Thu 12 Mar 2026")`` ->
``("Thu 12 Mar 2026", "2026-03-12")``. Pure functions over strings.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple


class Label(NamedTuple):
    text: str
    volume: int | None
    number: int | None


class FoundDate(NamedTuple):
    text: str
    iso: str


_VOL = r"(?:Volume|Vol\.?|Vol)"
_NUM = r"(?:Number|Issue|No\.?|Nr\.?|Nº|№|#)"
_LABEL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_VOL}\s*(\d{{1,4}})\s*[,;:/·–-]?\s*{_NUM}\s*(\d{{1,5}})\b", re.IGNORECASE), "vn"),
    (re.compile(rf"\b{_VOL}\s*(\d{{1,4}})\.(\d{{1,4}})\b", re.IGNORECASE), "vn"),
    (re.compile(r"第\s*(\d{1,4})\s*巻\s*第?\s*(\d{1,5})\s*号"), "vn"),
    (re.compile(rf"\b{_VOL}\s*(\d{{1,4}})\b", re.IGNORECASE), "v"),
    (re.compile(r"(?<![\w])(?:Issue|Number|No\.|Nr\.|Nº|№|#)\s*(\d{1,5})\b", re.IGNORECASE), "n"),
    (re.compile(r"\bNo\s+(\d{1,5})\b"), "n"),
    (re.compile(r"第\s*(\d{1,5})\s*号"), "n"),
]


def find_label(text: str) -> Label | None:
    """The first issue label in ``text`` with its volume and number, or None."""
    for pattern, kind in _LABEL_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        if kind == "vn":
            found = Label(m.group(0).strip(), int(m.group(1)), int(m.group(2)))
        elif kind == "v":
            found = Label(m.group(0).strip(), int(m.group(1)), None)
        else:
            found = Label(m.group(0).strip(), None, int(m.group(1)))
        return found
    return None


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # German, French, Spanish months that differ in their first three letters
    "jän": 1,
    "mär": 3,
    "mai": 5,
    "okt": 10,
    "dez": 12,
    "fév": 2,
    "fev": 2,
    "avr": 4,
    "jui": 7,
    "aoû": 8,
    "aou": 8,
    "déc": 12,
    "ene": 1,
    "abr": 4,
    "ago": 8,
    "dic": 12,
}
_MONTH = r"(?P<mon>[A-Za-zÀ-ÿ]{3,9})\.?"
_ORD = r"(?:st|nd|rd|th|er|\.)?"
_DATE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})(?!\d)"),
    re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d)"),
]
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s*$",
    re.IGNORECASE,
)


def _month(name: str) -> int | None:
    key = name.lower()[:3]
    return _MONTHS.get(key)


def find_date(text: str) -> FoundDate | None:
    """The first calendar date in ``text`` (many printed formats) as ISO, or None."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            try:
                year = int(g["y"])
                if g.get("mon") is not None:
                    month = _month(g["mon"])
                    if month is None:
                        continue
                    day = int(g["d"])
                elif g.get("a") is not None:
                    a, b = int(g["a"]), int(g["b"])
                    month, day = (b, a) if a > 12 else (a, b)
                else:
                    month, day = int(g["m"]), int(g["d"])
                value = _dt.date(year, month, day)
            except (ValueError, TypeError):
                continue
            if not 1900 <= year <= 2200:
                continue
            start = m.start()
            wd = _WEEKDAY.search(text[:start])
            if wd:
                start = wd.start()
            return FoundDate(text[start : m.end()].strip(), value.isoformat())
    return None
