"""From ordered lines to blocks (list items and paragraphs), and from blocks to digest items.

Blocks: a line with a marker starts a list item; following lines join it while they align with
its text (hanging indent) and keep its style; a line at the top of a new column or page without
a marker continues the item before it. Everything else groups into paragraphs by spacing,
indent and style.

Roles: when list items carry most of the content, the document is a digest: a leading run of
short items is the headline list, the long items after it are the details, paired in order when
the counts match. Otherwise every block becomes an item of its own (books, reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from reader.core.model import ItemRect, ParsedItem
from reader.core.parse.lines import Line
from reader.core.parse.text import CJK_CHARS, collapse, join_lines

_TERMINAL = tuple('.!?:;"”’)»。！？」』）')


@dataclass
class Block:
    """Consecutive lines forming one list item (``marker`` set) or one paragraph."""

    lines: list[Line] = field(default_factory=list)
    marker: str = ""
    _texts: dict[tuple[Callable[[str], bool] | None, int], str] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def tx0(self) -> float:
        return self.lines[0].tx0

    def text(self, known_word: Callable[[str], bool] | None = None) -> str:
        # several passes ask for the same joined text: cached per lookup and line count
        key = (known_word, len(self.lines))
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = join_lines([ln.text for ln in self.lines], known_word)
        return found

    @property
    def chars(self) -> int:
        return sum(len(ln.text) for ln in self.lines)


def _similar_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.12 * max(a, b) + 0.3


def leading_gaps(lines: Sequence[Line]) -> dict[float, float]:
    """Per font size, the usual white gap between consecutive lines of one paragraph.

    Taken as the lower quartile of gaps between neighbouring same-size lines in a column, so
    generous line spacing (browsers print at 1.5-1.7) is not mistaken for paragraph breaks.
    """
    gaps: dict[float, list[float]] = {}
    for prev, line in pairwise(lines):
        if prev.page != line.page or prev.col != line.col or prev.size != line.size:
            continue
        gap = line.y0 - prev.y1
        if -0.5 * line.size <= gap <= 2.0 * line.size:
            gaps.setdefault(line.size, []).append(gap)
    return {size: sorted(g)[len(g) // 4] for size, g in gaps.items() if len(g) >= 3}


def _continues(
    block: Block,
    line: Line,
    leading: dict[float, float] | None = None,
    right_edge: dict[tuple[int, int], float] | None = None,
) -> bool:
    prev = block.last
    if not _similar_size(prev.size, line.size):
        return False
    size = max(line.size, 1.0)
    same_column = prev.page == line.page and prev.col == line.col
    if same_column:
        gap = line.y0 - prev.y1
        usual = (leading or {}).get(line.size)
        limit = 0.6 * size if usual is None else max(0.45 * size, usual + 0.35 * size)
        if gap > limit or gap < -0.6 * line.height:
            return False
        if block.marker:
            # continuation lines align with the item's text (or at worst with its marker)
            if prev is block.first:
                return prev.x0 - 2.0 <= line.x0 <= prev.tx0 + 0.8 * size
            return abs(line.x0 - prev.x0) <= 0.8 * size
        if prev.bold != line.bold:
            return False
        if len(block.lines) >= 1:
            base = min(ln.x0 for ln in block.lines[1:]) if len(block.lines) > 1 else prev.x0
            if line.x0 > base + 0.8 * size and line.x0 > prev.x0 + 0.8 * size:
                return False  # an indented first line starts a new paragraph
        return abs(line.x0 - prev.x0) < 0.3 * (prev.x1 - prev.x0) + size or line.x0 < prev.x0
    # a column or page break: an unmarked line at the top continues the block
    if prev.bold != line.bold:
        return False
    if block.marker:
        return True
    text = prev.text.rstrip()
    if not text or (text.endswith(_TERMINAL) and not text.endswith("-")):
        return False
    # a paragraph runs on only if its last line is full (reaches its column's right edge)
    edge = (right_edge or {}).get((prev.page, prev.col))
    return edge is not None and prev.x1 >= edge - 2.5 * size


def build_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group reading-ordered lines into list-item and paragraph blocks."""
    blocks: list[Block] = []
    leading = leading_gaps(lines)
    edges: dict[tuple[int, int], list[float]] = {}
    for line in lines:
        edges.setdefault((line.page, line.col), []).append(line.x1)
    # a column's right edge, where there are lines enough to tell
    right_edge = {key: max(xs) for key, xs in edges.items() if len(xs) >= 3}
    for line in lines:
        if line.marker:
            blocks.append(Block([line], line.marker))
        elif blocks and _continues(blocks[-1], line, leading, right_edge):
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block([line]))
    return blocks


_STRONG_BOILERPLATE = re.compile(
    r"\b(?:un)?subscrib(?:e|ed|ing)\b|\bcopyright\b|©|\(c\)\s*\d{4}|all rights reserved|"
    r"\bview (?:this|it) in (?:your|a) browser\b|\byou (?:are )?receiv(?:e|ing) this\b",
    re.IGNORECASE,
)
_WEAK_BOILERPLATE = re.compile(
    r"\bcompiled (?:by|from)\b|\bedited by\b|\bproduced by\b|\bpublished by\b|"
    r"\bprivacy (?:policy|notice)\b|\bmailing list\b|\bcontact us\b|\bfollow us\b|"
    r"\bsite by\b|\bdesigned by\b|\bpowered by\b|\bsubscription\b",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^(?:\s*(?:https?://|www\.)\S+|\s*\S+@\S+\.\w+|[\s|·•,;/–-])+$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|image|picture|illustration|cover(?: photo| image)?|credit|"
    r"photo credit|foto|写真|画像)\s*[:：]|^©|^\(c\)\s",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    """A photo/image credit line ("Photo: ...", "Image: ...", "© ...")."""
    return bool(_CREDIT.match(text.strip()))


def is_boilerplate(text: str, *, strong_only: bool = False) -> bool:
    """Footer furniture: subscribe/unsubscribe, copyright, compiled by, URLs-only lines...

    ``strong_only`` keeps to unmistakable signs (subscribe, copyright, ©, URL-only), for list
    items whose prose may well say "published by".
    """
    t = text.strip()
    if not t:
        return True
    if _URL_ONLY.match(t):
        return True
    if _STRONG_BOILERPLATE.search(t):
        return True
    return not strong_only and bool(_WEAK_BOILERPLATE.search(t))


def _word_count(text: str) -> int:
    cjk = len(CJK_CHARS.findall(text)) if not text.isascii() else 0
    return len(text.split()) + cjk // 2


def is_short(block: Block, text: str) -> bool:
    """A headline-sized item: a line or two, a couple of dozen words at most."""
    return len(block.lines) <= 3 and _word_count(text) <= 25


def _item(
    position: int, headline: Block | None, body: Block | None, known: Callable[[str], bool]
) -> ParsedItem:
    lines = (headline.lines if headline else []) + (body.lines if body else [])
    return ParsedItem(
        position=position,
        headline=collapse(headline.text(known)) if headline else "",
        body=collapse(body.text(known)) if body else "",
        pages=tuple(sorted({ln.page for ln in lines})),
        rects=tuple(ItemRect(ln.page, ln.page_rect) for ln in lines),
    )


def _prefix(flags: Sequence[bool]) -> int:
    k = 0
    while k < len(flags) and flags[k]:
        k += 1
    return k


def headline_count(items: Sequence[Block], texts: Sequence[str]) -> tuple[int, bool]:
    """How many leading items form the headline list, and whether they pair with the rest.

    The first guess is the run of short items before the first long one. When that does not
    split the list in two equal halves, other cues may: a run of bold items, or a run sharing
    a marker the rest do not use (▪ headlines, – details).
    """
    n = len(items)
    short = [is_short(b, t) for b, t in zip(items, texts, strict=False)]
    k = _prefix(short)
    if k == 0 or k == n:
        return (0, False)
    if 2 * k == n:
        return (k, True)
    bold = [all(ln.bold for ln in b.lines[:1]) and s for b, s in zip(items, short, strict=False)]
    same_marker = [b.marker == items[0].marker and s for b, s in zip(items, short, strict=False)]
    for flags in (bold, same_marker):
        c = _prefix(flags)
        if 0 < c < n and 2 * c == n and not all(flags[c:]):
            return (c, True)
    return (k, False)


def digest_items(items: Sequence[Block], known: Callable[[str], bool]) -> list[ParsedItem]:
    """List-item blocks to digest items: headline run + details, paired when counts match."""
    texts = [b.text(known) for b in items]
    k, paired = headline_count(items, texts)
    heads, details = list(items[:k]), list(items[k:])
    out: list[ParsedItem] = []
    if paired:
        for h, d in zip(heads, details, strict=False):
            out.append(_item(len(out) + 1, h, d, known))
    elif heads:
        for h in heads:
            out.append(_item(len(out) + 1, h, None, known))
        for d in details:
            out.append(_item(len(out) + 1, None, d, known))
    else:
        for b in items:
            out.append(_item(len(out) + 1, None, b, known))
    return out


def headlines_over_paragraphs(
    blocks: Sequence[Block], known: Callable[[str], bool]
) -> list[ParsedItem] | None:
    """A bulleted headline list whose details are plain paragraphs, one per headline, in order.

    Returns the paired items, or None when the blocks do not have that shape: a run of at
    least two short list items, then exactly as many long unmarked paragraphs (footer
    boilerplate aside) and no further list items.
    """
    first = next((i for i, b in enumerate(blocks) if b.marker), None)
    if first is None:
        return None
    heads: list[Block] = []
    i = first
    while i < len(blocks) and blocks[i].marker and is_short(blocks[i], blocks[i].text()):
        heads.append(blocks[i])
        i += 1
    if len(heads) < 2:
        return None
    rest = [b for b in blocks[i:] if not is_boilerplate(b.text())]
    if any(b.marker for b in rest):
        return None
    details = [b for b in rest if not is_short(b, b.text())]
    if len(details) != len(heads):
        return None
    return [_item(n + 1, h, d, known) for n, (h, d) in enumerate(zip(heads, details, strict=True))]


def paragraph_items(blocks: Sequence[Block], known: Callable[[str], bool]) -> list[ParsedItem]:
    """Every block its own item (no digest structure)."""
    return [_item(i + 1, None, b, known) for i, b in enumerate(blocks)]
