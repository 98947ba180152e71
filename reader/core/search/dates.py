"""Dates for ``after:`` and ``before:``: ISO dates or a few relative phrases, no dependencies.

Accepted (case-insensitive): ``2026-03-05``, ``2026-03`` (the 1st), ``2026`` (1 January),
``today``, ``yesterday``, ``N days|weeks|months|years ago`` (also ``N day ago``, ``2w``,
``3d``, ``1m``, ``1y``), ``last week|month|year`` and ``this week|month|year`` (the first day of
that calendar week (Monday), month or year). Everything is relative to ``now`` (a parameter, so
tests are stable). Anything else raises :class:`QueryError` naming the text.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from reader.core.errors import QueryError

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d{1,4})\s*(d|w|m|y|days?|weeks?|months?|years?)(?:\s+ago)?$")
_LAST = re.compile(r"^(last|this|past)\s+(week|month|year)$")

EXAMPLES = '2026-03-05, 2026-03, today, yesterday, "2 weeks ago", 3d, "last month"'


def _add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if year < 1:
        raise QueryError("date is too far in the past")
    for dd in (day.day, 30, 29, 28):
        try:
            return date(year, month, dd)
        except ValueError:
            continue
    raise QueryError("date is out of range")  # pragma: no cover


def parse_date(text: str, now: datetime | date | None = None) -> date:
    """The day ``text`` names (see module docstring) or :class:`QueryError`."""
    today = _today(now)
    raw = " ".join(str(text).split()).lower()
    try:
        if m := _ISO.match(raw):
            year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
            return date(year, month, day)
        if raw in ("today", "now"):
            return today
        if raw == "yesterday":
            return today - timedelta(days=1)
        if m := _AGO.match(raw):
            n, unit = int(m.group(1)), m.group(2)[0]
            if unit == "d":
                return today - timedelta(days=n)
            if unit == "w":
                return today - timedelta(weeks=n)
            if unit == "m":
                return _add_months(today, -n)
            return _add_months(today, -12 * n)
        if m := _LAST.match(raw):
            which, unit = m.group(1), m.group(2)
            if which == "past":  # "past week" = the last 7 days, etc.
                return parse_date(f"1 {unit} ago", today)
            back = 1 if which == "last" else 0
            if unit == "week":
                monday = today - timedelta(days=today.weekday())
                return monday - timedelta(weeks=back)
            if unit == "month":
                return _add_months(today.replace(day=1), -back)
            return date(today.year - back, 1, 1)
    except (ValueError, OverflowError):
        raise QueryError(f"not a valid date: {text!r} (try {EXAMPLES})") from None
    raise QueryError(f"cannot read the date {text!r} (try {EXAMPLES})")


def _today(now: datetime | date | None) -> date:
    if now is None:
        return date.today()
    if isinstance(now, datetime):
        return now.date()
    return now
