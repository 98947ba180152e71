"""The masthead on page 1: series name, issue label (volume/number), date and printed title.

The series is the largest text near the top of page 1; the label and date are the first label-
and date-shaped texts in the masthead zone (the lines above the first list item, or the top of
the page when there is none). Lines used by the masthead are reported so they stay out of items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.parse.lines import Line
from reader.core.parse.meta import find_date, find_label
from reader.core.parse.structure import is_boilerplate, is_credit

_SEPARATORS = " \t|·•—–-,:;/"
# section headings that sit between a masthead and its list; never an issue's own title
_SECTION = re.compile(
    r"^\s*(?:the\s+)?(?:headlines?|in (?:this|today's) issue|in brief|top stories|contents|"
    r"summary|this week|today|details?|in detail|news|highlights|the stories)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass
class Masthead:
    series: str = ""
    label: str = ""
    volume: int | None = None
    number: int | None = None
    date: str | None = None
    title: str = ""
    line_ids: set[int] = field(default_factory=set)


def body_size(lines: Sequence[Line]) -> float:
    """The font size carrying most characters."""
    weight: dict[float, int] = {}
    for ln in lines:
        weight[ln.size] = weight.get(ln.size, 0) + len(ln.text)
    return max(weight.items(), key=lambda kv: kv[1])[0] if weight else 0.0


def _strip(text: str, parts: Sequence[str]) -> str:
    for part in parts:
        if part:
            text = text.replace(part, " ")
    text = re.sub(r"\s+", " ", text)
    return text.strip(_SEPARATORS)


def masthead_zone(ordered: Sequence[Line], height: float) -> list[Line]:
    """Page-1 lines above the first list item (or in the top third when there is none)."""
    page1 = [ln for ln in ordered if ln.page == 1]
    if not page1:
        return []
    first_marked = next((ln for ln in page1 if ln.marker), None)
    if first_marked is not None:
        limit = first_marked.y0
    else:
        limit = (height or max(ln.y1 for ln in page1)) * 0.3
    zone = [ln for ln in page1 if ln.y1 <= limit + 0.5]
    return sorted(zone, key=lambda ln: (round(ln.y0, 1), ln.x0))[:15]


def read_masthead(ordered: Sequence[Line], height: float) -> Masthead:
    """Series, label, date (and the lines they come from) from page 1's top."""
    head = Masthead()
    zone = masthead_zone(ordered, height)
    if not zone:
        return head
    base = body_size(ordered)
    label_line = date_line = None
    date_text = ""
    for ln in zone:
        if label_line is None:
            found = find_label(ln.text)
            if found:
                head.label, head.volume, head.number = found
                label_line = ln
        if date_line is None:
            d = find_date(ln.text)
            if d:
                head.date = d.iso
                date_text = d.text
                date_line = ln
    top = max(zone, key=lambda ln: (ln.size, -ln.y0))
    if top.size >= base * 1.15 or (top.bold and zone.index(top) < 3):
        series = _strip(top.text, [head.label, date_text])
        if series:
            head.series = series
            head.line_ids.add(id(top))
    for picked in (label_line, date_line):
        if picked is not None:
            rest = _strip(picked.text, [head.label, date_text, head.series])
            if not rest or picked is top:
                head.line_ids.add(id(picked))
    head.title = _title(zone, head, base)
    return head


def _title(zone: Sequence[Line], head: Masthead, base: float) -> str:
    """An issue's own title: a short italic or larger-than-body line among the masthead lines."""
    if not (head.series or head.label or head.date):
        return ""
    for ln in zone:
        if id(ln) in head.line_ids or ln.marker:
            continue
        if find_label(ln.text) or find_date(ln.text) or is_credit(ln.text) or is_boilerplate(ln.text):
            continue
        if len(ln.text.split()) > 20 or _SECTION.match(ln.text):
            continue
        if ln.italic or ln.size >= base * 1.1:
            head.line_ids.add(id(ln))
            return " ".join(ln.text.split())
    return ""
