"""Anchoring: where a highlight sits in an item's text, and finding it again in changed text.

Pure functions, no database. An item's **text** is ``headline + "\\n" + body`` (always one
newline, even when the headline is empty), and every character offset a highlight stores is an
offset into that string (Python ``str`` indexes, i.e. code points). A highlight keeps W3C Web
Annotation style selectors:

- TextQuoteSelector: ``exact`` (the highlighted text), ``prefix`` and ``suffix`` (up to
  :data:`CONTEXT` characters either side);
- TextPositionSelector: ``start``/``end`` (end exclusive).

:func:`locate` finds a quote again in a (possibly corrected) text: exact occurrences first, ranked
by how well prefix/suffix agree and by closeness to the old position; failing that, a fuzzy
search built on ``difflib.SequenceMatcher`` that tolerates small edits inside the quote.
:func:`match_items` pairs the items of an old and a new version of an issue by similarity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32  # characters of prefix/suffix kept with a quote
FUZZY_THRESHOLD = 0.75  # minimum similarity for a fuzzy quote match
ITEM_THRESHOLD = 0.6  # minimum similarity for two items to count as the same item
_SHORT_QUOTE = 160  # quotes up to this many characters are matched character by character
_WORD = re.compile(r"\S+")
_EDGES = 10  # word boundaries tried at each end of a fuzzy candidate window
_MAX_PAIRS = 40_000  # above this many old x new item pairs, match by exact text and position only


def item_text(headline: str, body: str) -> str:
    """The text highlight offsets refer to: headline, one newline, body."""
    return f"{headline}\n{body}"


@dataclass(frozen=True)
class Quote:
    """TextQuote + TextPosition selectors of one highlight."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Placement:
    """Where :func:`locate` found a quote: span, similarity (1.0 exact) and whether fuzzy."""

    start: int
    end: int
    score: float
    fuzzy: bool


def quote_at(text: str, start: int, end: int) -> Quote:
    """Selectors for ``text[start:end]`` (caller checks the range)."""
    return Quote(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def _context_score(text: str, start: int, end: int, quote: Quote) -> float:
    """0..1: how well the text around ``start:end`` agrees with the quote's prefix and suffix."""
    parts = []
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        parts.append(SequenceMatcher(None, before, quote.prefix, autojunk=False).ratio())
    if quote.suffix:
        after = text[end : end + len(quote.suffix)]
        parts.append(SequenceMatcher(None, after, quote.suffix, autojunk=False).ratio())
    return sum(parts) / len(parts) if parts else 0.0


def _closeness(start: int, hint: int | None, length: int) -> float:
    if hint is None:
        return 0.0
    return 1.0 / (1.0 + abs(start - hint) / max(1, length))


def _exact_hits(text: str, exact: str) -> list[int]:
    hits: list[int] = []
    at = text.find(exact)
    while at != -1 and len(hits) < 1000:
        hits.append(at)
        at = text.find(exact, at + 1)
    return hits


def locate(text: str, quote: Quote, *, use_hint: bool = True) -> Placement | None:
    """Find ``quote`` in ``text``: exact match first, then fuzzy; ``None`` when it is not there.

    Several exact occurrences are told apart by prefix/suffix agreement, then by distance to the
    old ``start`` (ignored when ``use_hint`` is false, e.g. when searching another item).
    """
    exact = quote.exact
    if not exact or not text:
        return None
    hint = quote.start if use_hint else None
    hits = _exact_hits(text, exact)
    if hits:
        best = max(
            hits,
            key=lambda s: (
                round(_context_score(text, s, s + len(exact), quote), 3),
                _closeness(s, hint, len(exact)),
            ),
        )
        return Placement(best, best + len(exact), 1.0, False)
    return _fuzzy(text, quote, hint)


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(0, lo), min(len(text), hi)
    return [
        i
        for i in range(lo, hi + 1)
        if i == 0 or (i < len(text) and text[i - 1].isspace() and not text[i].isspace())
    ] or [max(0, lo)]


def _word_ends(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(0, lo), min(len(text), hi)
    return [
        i
        for i in range(lo, hi + 1)
        if i == len(text) or (i > 0 and not text[i - 1].isspace() and text[i].isspace())
    ] or [min(len(text), hi)]


def _fuzzy(text: str, quote: Quote, hint: int | None) -> Placement | None:
    """Best approximate occurrence of ``quote.exact`` in ``text`` above FUZZY_THRESHOLD.

    Short quotes are searched character by character; long ones word by word first (cost grows
    with the square of the sequence length, so words keep a 1,500-character quote cheap), and
    only the best few windows are scored on characters.
    """
    if len(quote.exact) <= _SHORT_QUOTE:
        return _fuzzy_chars(text, quote, hint)
    return _fuzzy_words(text, quote, hint)


def _fuzzy_chars(text: str, quote: Quote, hint: int | None) -> Placement | None:
    """Candidate windows come from the long blocks ``SequenceMatcher`` finds in common between
    the text and the quote (each block implies where the quote would start and end); each
    window's edges are then moved to nearby word boundaries to maximise the similarity ratio."""
    exact = quote.exact
    n = len(exact)
    matcher = SequenceMatcher(None, text, exact, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= max(3, min(8, n // 4))]
    if not blocks:
        return None
    slack = max(4, n // 4)
    seen: set[tuple[int, int]] = set()
    best: tuple[float, float, int, int] | None = None
    scorer = SequenceMatcher(None, "", exact, autojunk=False)
    for block in sorted(blocks, key=lambda b: -b.size)[:4]:
        guess_start = block.a - block.b
        guess_end = guess_start + n
        starts = sorted(
            _word_starts(text, guess_start - slack, guess_start + slack), key=lambda i: abs(i - guess_start)
        )[:_EDGES]
        for s in starts:
            ends = sorted(
                _word_ends(text, max(s + 1, guess_end - slack), guess_end + slack),
                key=lambda i: abs(i - guess_end),
            )[:_EDGES]
            for e in ends:
                if (s, e) in seen or e <= s:
                    continue
                seen.add((s, e))
                scorer.set_seq1(text[s:e])
                if scorer.real_quick_ratio() < FUZZY_THRESHOLD or scorer.quick_ratio() < FUZZY_THRESHOLD:
                    continue
                ratio = scorer.ratio()
                if ratio < FUZZY_THRESHOLD:
                    continue
                tie = _context_score(text, s, e, quote) + _closeness(s, hint, n)
                key = (round(ratio, 3), tie, -s, e)
                if best is None or key > (best[0], best[1], -best[2], best[3]):
                    best = (round(ratio, 3), tie, s, e)
    if best is None:
        return None
    return Placement(best[2], best[3], best[0], True)


def _fuzzy_words(text: str, quote: Quote, hint: int | None) -> Placement | None:
    """Word-level search: blocks of words in common imply windows; each window's first and last
    word are adjusted (one edge at a time) for the best word ratio; the final choice among the
    windows is by character ratio, then prefix/suffix agreement and closeness to the hint."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[a:b] for a, b in spans]
    qwords = quote.exact.split()
    n = len(qwords)
    if not words or not n:
        return None
    matcher = SequenceMatcher(None, words, qwords, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= max(1, min(4, n // 8))]
    if not blocks:
        return None
    slack = min(8, max(2, n // 4))
    scorer = SequenceMatcher(None, [], qwords, autojunk=False)

    def word_ratio(s: int, e: int) -> float:
        scorer.set_seq1(words[s:e])
        return scorer.ratio()

    windows: set[tuple[int, int]] = set()
    for block in sorted(blocks, key=lambda b: -b.size)[:4]:
        s = min(max(0, block.a - block.b), len(words) - 1)
        e = min(len(words), max(s + 1, s + n))
        s = max(
            range(max(0, s - slack), min(e, s + slack + 1)), key=lambda i: (word_ratio(i, e), -abs(i - s))
        )
        e = max(
            range(max(s + 1, e - slack), min(len(words), e + slack) + 1),
            key=lambda j: (word_ratio(s, j), -abs(j - e)),
        )
        windows.add((s, e))
    best: tuple[float, float, int, int] | None = None
    chars = SequenceMatcher(None, "", quote.exact, autojunk=False)
    for s, e in windows:
        start, end = spans[s][0], spans[e - 1][1]
        chars.set_seq1(text[start:end])
        if chars.real_quick_ratio() < FUZZY_THRESHOLD or chars.quick_ratio() < FUZZY_THRESHOLD:
            continue
        ratio = round(chars.ratio(), 3)
        if ratio < FUZZY_THRESHOLD:
            continue
        tie = _context_score(text, start, end, quote) + _closeness(start, hint, len(quote.exact))
        if best is None or (ratio, tie, -start) > (best[0], best[1], -best[2]):
            best = (ratio, tie, start, end)
    return None if best is None else Placement(best[2], best[3], best[0], True)


def _bag(text: str) -> Counter[str]:
    return Counter(text.lower().split())


def _bag_similarity(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts: SequenceMatcher ratio over their words."""
    if a == b:
        return 1.0
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def match_items(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Pair old item texts with new ones: ``{old_index: new_index}`` for items judged the same.

    Identical texts pair first; the rest pair greedily by similarity (best pairs first) when at
    least :data:`ITEM_THRESHOLD` alike, position difference breaking ties. Very large issues skip
    the quadratic step and pair leftover items only when their texts are identical.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for j, text in enumerate(new):
        by_text.setdefault(text, []).append(j)
    for i, text in enumerate(old):
        for j in by_text.get(text, ()):
            if j not in used:
                pairs[i] = j
                used.add(j)
                break
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in used]
    if not rest_old or not rest_new or len(rest_old) * len(rest_new) > _MAX_PAIRS:
        return pairs
    scored = []
    old_bags = {i: _bag(old[i]) for i in rest_old}
    new_bags = {j: _bag(new[j]) for j in rest_new}
    for i in rest_old:
        for j in rest_new:
            if _bag_similarity(old_bags[i], new_bags[j]) < ITEM_THRESHOLD:
                continue  # too few words in common: cannot reach the threshold in order either
            score = similarity(old[i], new[j])
            if score >= ITEM_THRESHOLD:
                scored.append((score, -abs(i - j), i, j))
    for _score, _, i, j in sorted(scored, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs
