"""Rule-based entity extraction: people, organisations, places, sums of money, dates.

Offline and model-free, fast enough to run on every import (well under a millisecond per
item). The rules, in order of trust:

- **money**: a currency symbol or code with a number and optional scale (``$1.2bn``,
  ``€40 million``, ``¥3 trillion``, ``US$5m``) or a number with a currency word
  (``1.5 billion yen``); Japanese ``五百万円``. Normalised to symbol + number + scale word.
- **dates**: ``14 April 2026``, ``April 14, 2026``, ``September 2026``, ISO days, Japanese
  ``三月十八日`` / ``2026年3月``. Bare month or weekday names are not taken (``May``).
- **places**: names from the country and place gazetteers, matched as whole words
  (Latin script) or as substrings (Japanese and Chinese script, longest first).
- **organisations and people** from runs of capitalised words (connectors such as ``of``,
  ``the``, ``and``, ``&`` allowed inside): an organisation when the run ends with a suffix
  (``Ltd``, ``Bank``, ``Authority``...), starts with a prefix (``Ministry of``), follows a cue
  (``startup``, ``firm``), or is a known organisation; a person when a title precedes it
  (``Chair``, ``Dr``, ``minister``, ``CEO``, also ``organiser, Name``), its first word is a
  known given name, or a two/three-word run is followed by ``said`` / ``told``. Japanese
  names: a known family name in kanji, a space and a one- or two-character given name
  (``佐藤 健``), or two to four kanji before ``さん`` / ``氏``; Japanese organisations end in
  ``省``, ``庁``, ``委員会``, ``銀行``, ``大学``...
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reader.core.entities.gazetteer import Gazetteer, load
from reader.core.entities.names import normalise_name


@dataclass(frozen=True)
class Entity:
    """One entity found in a text: ``kind`` in KINDS, display ``name``, ``norm`` (for matching)."""

    kind: str
    name: str
    norm: str


# -- money -------------------------------------------------------------------------------------
_SYMBOLS = {
    "US$": "US$",
    "A$": "A$",
    "C$": "C$",
    "HK$": "HK$",
    "S$": "S$",
    "NZ$": "NZ$",
    "R$": "R$",
    "$": "$",
    "€": "€",
    "£": "£",
    "¥": "¥",
    "₩": "₩",
    "₹": "₹",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "KRW": "₩",
}
_WORD_CURRENCY = {
    "yen": "¥",
    "dollars": "$",
    "us dollars": "$",
    "euros": "€",
    "euro": "€",
    "pounds": "£",
    "pounds sterling": "£",
    "won": "₩",
    "yuan": "CN¥",
    "renminbi": "CN¥",
    "rupees": "₹",
}
_SCALES = {
    "bn": "billion",
    "billion": "billion",
    "b": "billion",
    "m": "million",
    "mn": "million",
    "million": "million",
    "trillion": "trillion",
    "tn": "trillion",
    "k": "thousand",
    "thousand": "thousand",
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_AFTER_FIRST_DIGIT = r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"  # \d + this == _NUM


# Speed: the regex engine skips ahead to the next possible first character only when a pattern
# starts with a character class or with alternatives that each start with a literal; a pattern
# that starts with a look-behind ("not after a letter") or "\b" is tried at EVERY position
# (3-25x slower scans). So such tests sit right after the first character instead, as a
# two-character look-behind: "X(?<![\w$].)" is "(?<![\w$])X" (at the very start of the text the
# look-behind cannot look back two characters, so it passes, as the original one does).
def _first_then(literal: str, not_after: str) -> str:
    """``literal`` (unescaped) as a pattern, ``(?<!not_after)`` checked before its first character."""
    return re.escape(literal[0]) + f"(?<!{not_after}.)" + re.escape(literal[1:])


_SYMBOL_LITERALS = ("US$", "A$", "C$", "HK$", "S$", "NZ$", "R$", "$", "€", "£", "¥", "₩", "₹")
_CODE_LITERALS = ("USD", "EUR", "GBP", "JPY", "CNY", "KRW")
# (?<![\w$])(US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|[$€£¥₩₹]|(?:USD|EUR|GBP|JPY|CNY|KRW)\s?), rearranged
_MONEY_SYMBOL = re.compile(
    "("
    + "|".join(
        [_first_then(s, r"[\w$]") for s in _SYMBOL_LITERALS]
        + [_first_then(c, r"[\w$]") + r"\s?" for c in _CODE_LITERALS]
    )
    + ")"
    rf"\s?({_NUM})(?:\s?(bn|billion|million|mn|trillion|tn|thousand|m|b|k)\b)?"
)
_MONEY_WORD = re.compile(  # (?<![\w.,])({_NUM}) rearranged
    rf"(\d(?<![\w.,].){_NUM_AFTER_FIRST_DIGIT})(?:\s(billion|million|trillion|thousand))?\s"
    r"(yen|us dollars|dollars|euros|euro|pounds sterling|pounds|won|yuan|renminbi|rupees)\b",
    re.IGNORECASE,
)
_CJK_NUM = "0-9０-９〇一二三四五六七八九十百千万億兆.,"
_MONEY_JA = re.compile(rf"([{_CJK_NUM}]+)(円|ドル|ユーロ|ウォン|元)(?![\u4e00-\u9fff])")


def _money_name(symbol: str, number: str, scale: str | None) -> str:
    scale_word = _SCALES.get((scale or "").lower(), "")
    return f"{symbol}{number}" + (f" {scale_word}" if scale_word else "")


# Cheap substring tests that every match of a pattern needs: most texts have no money at all,
# and a failed scan by one of these patterns costs tens of microseconds. The word hints avoid
# i, k and s, which IGNORECASE also matches to non-ASCII letters (ſ, K, İ).
_SYMBOL_HINTS = ("$", "€", "£", "¥", "₩", "₹", "USD", "EUR", "GBP", "JPY", "CNY", "KRW")
_WORD_HINTS = ("yen", "dollar", "euro", "pound", "won", "yuan", "renm", "rupee")
_JA_HINTS = ("円", "ドル", "ユーロ", "ウォン", "元")


def _money(text: str) -> list[str]:
    found: list[str] = []
    if any(h in text for h in _SYMBOL_HINTS):
        for m in _MONEY_SYMBOL.finditer(text):
            symbol = _SYMBOLS.get(m.group(1).strip(), m.group(1).strip())
            found.append(_money_name(symbol, m.group(2), m.group(3)))
    lower = text.lower()
    if any(h in lower for h in _WORD_HINTS):
        for m in _MONEY_WORD.finditer(text):
            symbol = _WORD_CURRENCY[m.group(3).lower()]
            found.append(_money_name(symbol, m.group(1), m.group(2)))
    if not any(h in text for h in _JA_HINTS):
        return found
    for m in _MONEY_JA.finditer(text):
        if any(ch not in ".,0" for ch in m.group(1)):
            found.append(m.group(1) + m.group(2))
    return found


# -- dates -------------------------------------------------------------------------------------
_MONTHS = {
    "january": "January",
    "february": "February",
    "march": "March",
    "april": "April",
    "may": "May",
    "june": "June",
    "july": "July",
    "august": "August",
    "september": "September",
    "october": "October",
    "november": "November",
    "december": "December",
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ISO_DAY = re.compile(r"((?:1(?<!\w.)9|2(?<!\w.)0)\d\d)-([01]\d)-([0-3]\d)\b")  # \b first, rearranged
_JA_NUM = "0-9０-９一二三四五六七八九十"
_DATE_JA = re.compile(rf"(?:([0-9０-９]{{4}})年)?([{_JA_NUM}]{{1,2}})月(?:([{_JA_NUM}]{{1,3}})日)?")


# No leading \b (it makes the scan try every position): a match right after a word character
# is skipped instead, which finds the same months (a month name starts with a capital).
_MONTH_WORD = re.compile(_MONTH)
_WORD_CHAR = re.compile(r"\w")
_DAY_BEFORE = re.compile(r"(?<![\d.,])([0-3]?\d)(?:st|nd|rd|th)?\s+$")
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)\b")
_DAY_AFTER = re.compile(
    r"\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:percent|%)|[.,]\d)(?:,\s*((?:19|20)\d\d)\b)?"
)


def _dates(text: str) -> list[str]:
    """Dates by month name (one pass to find month names, then a look at their neighbours),
    ISO days and Japanese dates."""
    found: list[tuple[int, str]] = []
    if "-" in text:
        for m in _ISO_DAY.finditer(text):
            found.append((m.start(), m.group(0)))
    for m in _MONTH_WORD.finditer(text):
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            continue  # not at a word start ("\b" before the month)
        month = _MONTHS[m.group(1).lower()]
        before = _DAY_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if before and 1 <= int(before.group(1)) <= 31:  # 14 April [2026]
            year = _YEAR_AFTER.match(text, m.end())
            name = f"{int(before.group(1))} {month}" + (f" {year.group(1)}" if year else "")
            found.append((before.start(), name))
            continue
        after = _DAY_AFTER.match(text, m.end())
        if after and 1 <= int(after.group(1)) <= 31:  # April 14[, 2026]
            name = f"{int(after.group(1))} {month}" + (f" {after.group(2)}" if after.group(2) else "")
            found.append((m.start(), name))
            continue
        year = _YEAR_AFTER.match(text, m.end())
        if year and not text[m.end() : year.start(1)].strip(" \t"):  # September 2026
            found.append((m.start(), f"{month} {year.group(1)}"))
    if "月" in text:
        for m in _ja_dates(text):
            if m.group(1) or m.group(3):  # a bare "八月" is too vague
                found.append((m.start(), m.group(0)))
    return [name for _, name in sorted(found)]


def _ja_dates(text: str) -> Iterator[re.Match[str]]:
    """``_DATE_JA.finditer(text)``, trying only the few places a match can start: every match
    holds a 月 one to seven characters after its start (``2026年12月``, ``三月``), so the next
    match from ``pos`` starts between seven before the next 月 and that 月."""
    pos = 0
    while (month := text.find("月", pos)) >= 0:
        for start in range(max(pos, month - _JA_DATE_REACH), month):
            m = _DATE_JA.match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = month + 1  # no match starts before this 月, nor at it


_JA_DATE_REACH = 7  # the 4-digit year, 年, two digits


# -- capitalised runs --------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?(?:['’]s)?|&")
_CONNECTORS = frozenset(
    {"of", "the", "for", "and", "de", "del", "da", "di", "du", "la", "le", "van", "von", "der", "den", "&"}
)
_WHO = re.compile(r"^,\s+who\b")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at"})
_SAID = re.compile(r"^,?\s+(?:said|says|told|added|wrote|warned|argued|noted)\b")
_NAME_CONNECTORS = frozenset({"van", "von", "de", "del", "da", "di", "der", "den", "la", "le"})


def _is_cap(word: str) -> bool:
    return word[0].isupper() or (len(word) > 1 and word.isupper())


@dataclass(slots=True)
class _Run:
    words: list[str]
    start: int
    end: int


_UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017d"  # Latin, Latin-1, Latin Extended-A
    "\u0391-\u03a9\u0410-\u042f"  # Greek, Cyrillic capitals
)
_NAME_WORD = rf"[{_UPPER}][\w\-]*(?:['’][{_UPPER}][\w\-]*)?"
# The "not after a word character" test sits after the first capital, as a two-character
# look-behind, not before it: a pattern that starts with a character class lets the regex
# engine skip ahead to the next capital instead of trying every position (3x faster scans).
_FIRST_NAME_WORD = rf"[{_UPPER}](?<![\w'’\-].)[\w\-]*(?:['’][{_UPPER}][\w\-]*)?"
_RUN = re.compile(
    rf"({_FIRST_NAME_WORD}(?:[ \t\u00a0]+(?:(?:of|the|for|and|de|del|da|di|du|la|le|van"
    rf"|von|der|den|&)[ \t\u00a0]+)*{_NAME_WORD})*)(?:['’]s\b)?"
)
"""Runs of capitalised words (connectors such as "of", "and", "&" allowed inside); a run
ends at punctuation, a line break or a possessive ("Japan's", which the match takes along)."""


_MAX_PLACE_WORDS = 5


@lru_cache(maxsize=4)
def _place_first_words(places: frozenset[str]) -> frozenset[str]:
    """The first word of every normalised place name."""
    return frozenset(p.split(" ")[0] for p in places)


def _places_in(run: _Run, gz: Gazetteer) -> list[str]:
    """Gazetteer places inside a run of capitalised words, longest first, not overlapping
    (``Panama Canal Authority`` holds ``Panama Canal``, not also ``Panama``)."""
    words = run.words
    if not "".join(words).isascii():
        return _places_in_any(words, gz)
    # ASCII words (no spaces, no end punctuation): normalise_name of a window is its lowered
    # words joined by spaces, less a leading "the"; so a window can only be a place when that
    # first word starts some place name, and no other window needs building.
    places = gz.places
    first = _place_first_words(places)
    lowered = [w.lower() for w in words]
    if first.isdisjoint(lowered):
        return []
    found: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        head = lowered[i + 1] if lowered[i] == "the" and i + 1 < n else lowered[i]
        if head in first:
            for j in range(min(n, i + _MAX_PLACE_WORDS), i, -1):
                if lowered[j - 1] in _CONNECTORS:
                    continue
                k = i + 1 if lowered[i] == "the" and j > i + 1 else i
                if " ".join(lowered[k:j]) in places:
                    found.append(" ".join(words[i:j]))
                    i = j
                    break
            else:
                i += 1
        else:
            i += 1
    return found


def _places_in_any(words: list[str], gz: Gazetteer) -> list[str]:
    """_places_in for words of any script (every window normalised in full)."""
    found: list[str] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _MAX_PLACE_WORDS), i, -1):
            if words[j - 1].lower() in _CONNECTORS:
                continue
            name = " ".join(words[i:j])
            if normalise_name(name) in gz.places:
                found.append(name)
                i = j
                break
        else:
            i += 1
    return found


_CLAUSE_BREAK = re.compile(r"[.;:!?()\n\[\]]")
_BEFORE_TOKEN = re.compile(r"[\w'’\-]+|,")


@lru_cache(maxsize=256)
def _tokens_before(text: str, pos: int) -> tuple[str, ...]:
    # cached: a run is looked at by _classify and _place_by_position, both asking this
    window = _CLAUSE_BREAK.split(text[max(0, pos - 60) : pos])[-1]
    return tuple(_BEFORE_TOKEN.findall(window))


def _before(text: str, pos: int, n: int = 2) -> list[str]:
    """The last ``n`` words before ``pos`` in the same clause (commas kept as tokens)."""
    return list(_tokens_before(text, pos)[-n:])


_PrefixIndex = tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]], tuple[int, ...]]
_PREFIX_INDEXES: dict[int, _PrefixIndex] = {}


def _prefix_index(
    prefixes: tuple[tuple[str, ...], ...],
) -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    # memo by identity: an lru_cache would hash the tuple of tuples on every call
    entry = _PREFIX_INDEXES.get(id(prefixes))
    if entry is None or entry[0] is not prefixes:
        if len(_PREFIX_INDEXES) >= 8:
            _PREFIX_INDEXES.clear()
        entry = (prefixes, frozenset(prefixes), tuple(sorted({len(p) for p in prefixes})))
        _PREFIX_INDEXES[id(prefixes)] = entry
    return entry[1], entry[2]


def _org_prefixed(folded: list[str], prefixes: tuple[tuple[str, ...], ...], *, longer: bool = False) -> bool:
    """True when ``folded`` starts with an organisation prefix (``longer``: and goes on after
    it). One set lookup per prefix length instead of a comparison per prefix."""
    known, lengths = _prefix_index(prefixes)
    n = len(folded)
    for k in lengths:
        if k > n or (longer and k == n):
            break
        if tuple(folded[:k]) in known:
            return True
    return False


def _classify_run(run: _Run, text: str, gz: Gazetteer) -> list[tuple[str, str]]:
    """Classify a run; "A Power and B Renewables" is two organisations, but a name that
    starts with a prefix ("Ministry of Trade and Industry") or is known stays whole."""
    if "of" in run.words:  # "Dr Jane Smith of Acme Corp": a person, then an organisation
        k = run.words.index("of")
        left, right = run.words[:k], run.words[k + 1 :]
        while right and right[0].lower() in _CONNECTORS:
            right = right[1:]
        person = _classify(_Run(left, run.start, run.start + len(" ".join(left))), text, gz)
        if person is not None and person[0] == "person" and right:
            right_start = text.find(right[0], run.start + len(" ".join(left)))
            rest = _classify(_Run(right, right_start, run.end), text, gz)
            return [person] + ([rest] if rest is not None else [])
    whole = _classify(run, text, gz) or _place_by_position(run, text, gz)
    if "and" not in run.words or (whole is not None and normalise_name(whole[1]) in gz.orgs):
        return [whole] if whole else []
    folded = [normalise_name(w) for w in run.words]
    if _org_prefixed(folded, gz.org_prefixes):
        return [whole] if whole else []
    k = run.words.index("and")
    left, right = run.words[:k], run.words[k + 1 :]
    while right and right[0].lower() in _CONNECTORS:
        right = right[1:]
    if not left or not right:
        return [whole] if whole else []
    right_start = text.find(right[0], run.start + len(" ".join(left)))
    left_run = _Run(left, run.start, run.start + len(" ".join(left)))
    right_run = _Run(right, right_start, run.end)
    parts = [
        _classify(left_run, text, gz) or _place_by_position(left_run, text, gz),
        _classify(right_run, text, gz),
    ]
    if parts[0] is not None and parts[0][0] == "place" and parts[1] is None and len(right) <= 2:
        norm = normalise_name(" ".join(right))  # "in Devon and Cornwall": both places
        if norm not in gz.orgs and all(_is_cap(w) for w in right):
            parts[1] = ("place", " ".join(right))
    if all(p is not None for p in parts) or (whole is None and any(parts)):
        return [p for p in parts if p is not None]
    if whole is not None and whole[0] == "org" and any(p is not None for p in parts):
        return [p for p in parts if p is not None]
    return [whole] if whole else []


def _classify(run: _Run, text: str, gz: Gazetteer) -> tuple[str, str] | None:
    words = list(run.words)
    start = run.start
    title_cue = False

    # A run that starts with an organisation prefix ("Port of Rotterdam") stays whole.
    def prefixed() -> bool:
        return _org_prefixed([normalise_name(w) for w in words], gz.org_prefixes)

    while words and (words[0] in gz.stopwords or words[0] in gz.titles) and not prefixed():
        title_cue = title_cue or words[0] in gz.titles
        start = text.find(words[0], start) + len(words[0])
        words.pop(0)
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    if not words:
        return None
    name = " ".join(words)
    norm = normalise_name(name)
    if not norm:
        return None
    if norm in gz.orgs:
        return "org", name
    if norm in gz.places:
        return None  # places come from the gazetteer scan
    folded = [normalise_name(w) for w in words]
    if _org_prefixed(folded, gz.org_prefixes, longer=True):
        return "org", name
    before = _before(text, start, 3)
    lower_before = [w.casefold() for w in before if w != ","]
    if len(words) >= 2 and folded[-1] in gz.org_suffixes:
        return "org", name
    if lower_before and lower_before[-1] in gz.org_cues and before[-1] != ",":
        return "org", name
    if len(before) >= 2 and before[-1] == "," and before[-2].casefold() in gz.org_cues:
        return "org", name
    if not 2 <= len(words) <= 4 or any(w.islower() and w not in _NAME_CONNECTORS for w in words):
        return None
    preceded_by_title = bool(before) and (
        before[-1] in gz.titles
        or (before[-1] == "," and len(before) >= 2 and before[-2].casefold() in gz.titles_folded)
    )
    if title_cue or preceded_by_title or folded[0] in gz.given_names:
        return "person", name
    after = text[run.end : run.end + 20]
    if (
        len(words) <= 3
        and (_SAID.match(after) or _WHO.match(after))
        and not _places_in(_Run(words, start, run.end), gz)
    ):
        return "person", name
    return None


def _place_by_position(run: _Run, text: str, gz: Gazetteer) -> tuple[str, str] | None:
    """An unknown capitalised name right after "in", "near", "at" (``in Kericho``,
    ``in the Rift Valley``) or before "-based" (``Kyoto-based``) is taken as a place."""
    words = [w for w in run.words if w not in gz.stopwords]
    if len(words) == 1 and words[0].endswith("-based") and len(words[0]) > 6:
        return "place", words[0][: -len("-based")]
    if not 1 <= len(run.words) <= 3 or any(not _is_cap(w) for w in run.words):
        return None
    if run.words[0] in gz.stopwords or run.words[0] in gz.titles:
        return None
    before = [w.casefold() for w in _before(text, run.start, 2)]
    if before and before[-1] == "the":
        before = before[:-1]
    if before and before[-1] in _PLACE_PREPOSITIONS:
        return "place", " ".join(run.words)
    return None


# "Ministry of Economy, Trade and Industry": a comma list inside one name.
_MINISTRY = re.compile(
    r"(?:M(?<!\w.)inistry|D(?<!\w.)epartment|S(?<!\w.)ecretariat)"  # \b first, rearranged
    r" (?:of|for) (?:the )?[A-Z][\w\-]*"
    r"(?:, [A-Z][\w\-]*)+,? and [A-Z][\w\-]*"
)


# -- CJK ---------------------------------------------------------------------------------------
_KANJI = "\u3005\u4e00-\u9fff"
_CJK_ORG = re.compile(
    rf"[{_KANJI}\u30a0-\u30ff][{_KANJI}\u30a0-\u30ff]{{0,11}}?"  # {{1,12}}?, a class first
    r"(?:省|庁|委員会|銀行|大学|協会|研究所|機構|公社|財団|会議所|裁判所|議会|株式会社)"
)
_CJK_HONORIFIC = re.compile(rf"([{_KANJI}](?<![{_KANJI}].)[{_KANJI}]{{1,3}})(?:さん|氏)")


_CJK_CHAR = re.compile(f"[\u3040-\u30ff{_KANJI}]")


@lru_cache(maxsize=4)
def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern[str]:
    # One look-behind in front, not one per surname: each copy of the kanji class costs the
    # regex compiler ~0.7 ms (75 ms for the gazetteer, paid by every import's fork server);
    # the matches are the same and the scan is no slower.
    alternation = "|".join(re.escape(s) for s in surnames if s)
    return re.compile(rf"(?<![{_KANJI}])({alternation})[ \u3000]([{_KANJI}\u3040-\u309f]{{1,2}})")


def _cjk_people(text: str, gz: Gazetteer) -> list[str]:
    found: list[str] = []
    if not gz.cjk_surnames:
        return found
    if not _CJK_CHAR.search(text):
        return found
    for m in _surname_pattern(gz.cjk_surnames).finditer(text):
        found.append(f"{m.group(1)} {m.group(2)}")
    for m in _CJK_HONORIFIC.finditer(text):
        found.append(m.group(1))
    return found


# -- one-word runs ----------------------------------------------------------------------------
# Most runs are one capitalised word (a sentence start, a lone name). What the general rules
# (_places_in, _classify_run) make of such a run depends only on the word, except for the words
# before it; so that part is worked out once per word (_Single) and only the look at the words
# before is left per run (_single_run). Same results as the general rules, a fraction of the work.
@dataclass(frozen=True, slots=True)
class _Single:
    place: bool  # a gazetteer place (what _places_in finds in the run)
    known: tuple[str, str] | None  # the classification when no context is needed
    cue: bool  # an organisation when a cue ("startup", "firm") comes before
    based: tuple[str, str] | None  # "Kyoto-based": a place (when not ``cue``)
    prep: bool  # a place when "in", "near", "at" comes before


def _single(word: str, gz: Gazetteer) -> _Single:
    """_places_in, _classify and _place_by_position for the run ``[word]``, context aside."""
    norm = normalise_name(word)
    lower = word.lower()
    place = lower not in _CONNECTORS and norm in gz.places
    known: tuple[str, str] | None = None
    cue = False
    # _classify: a stopword or title is dropped (leaving nothing) unless an org prefix starts
    # here; so is a connector; then known orgs, known places (None: the scan has them)
    dropped = (word in gz.stopwords or word in gz.titles) and not _org_prefixed([norm], gz.org_prefixes)
    if not dropped and lower not in _CONNECTORS and norm:
        if norm in gz.orgs or _org_prefixed([norm], gz.org_prefixes, longer=True):
            known = ("org", word)
        elif norm not in gz.places:
            cue = True  # one word: no suffix rule, and too short for a person
    # _place_by_position
    based: tuple[str, str] | None = None
    if word not in gz.stopwords and word.endswith("-based") and len(word) > 6:
        based = ("place", word[: -len("-based")])
    prep = based is None and _is_cap(word) and word not in gz.stopwords and word not in gz.titles
    return _Single(place, known, cue, based, prep)


def _single_run(word: str, info: _Single, text: str, start: int, gz: Gazetteer) -> tuple[str, str] | None:
    """What _classify_run gives for the one-word run ``word`` at ``start``."""
    if info.known is not None:
        return info.known
    if info.cue or info.prep:
        before = _tokens_before(text, start)
        if before:
            last = before[-1]
            if info.cue:
                if last != ",":
                    if last.casefold() in gz.org_cues:
                        return "org", word
                elif len(before) >= 2 and before[-2].casefold() in gz.org_cues:
                    return "org", word
            if info.based is not None:
                return info.based
            if info.prep:
                two = [w.casefold() for w in before[-2:]]
                if two[-1] == "the":
                    two.pop()
                if two and two[-1] in _PLACE_PREPOSITIONS:
                    return "place", word
            return None
    return info.based


class _Index:
    """Per-gazetteer memo of one-word run facts (bounded: cleared when it grows large)."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.singles: dict[str, _Single] = {}

    def single(self, word: str) -> _Single:
        info = self.singles.get(word)
        if info is None:
            if len(self.singles) >= 65536:
                self.singles.clear()
            info = self.singles[word] = _single(word, self.gz)
        return info


_INDEXES: dict[int, _Index] = {}


def _index(gz: Gazetteer) -> _Index:
    index = _INDEXES.get(id(gz))
    if index is None or index.gz is not gz:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        index = _INDEXES[id(gz)] = _Index(gz)
    return index


# -- all together ------------------------------------------------------------------------------
def extract(text: str, *, gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Entities in ``text`` in order of first mention, each once (see :func:`extract_counts`)."""
    return list(extract_counts(text, gazetteer=gazetteer))


def extract_counts(text: str, *, gazetteer: Gazetteer | None = None) -> dict[Entity, int]:
    """Entities in ``text`` with how often each is mentioned (first spelling kept as name)."""
    gz = gazetteer or load()
    text = text or ""
    found: list[tuple[str, str]] = []
    found += [("money", m) for m in _money(text)]
    found += [("date", d) for d in _dates(text)]
    if not text.isascii() and _CJK_CHAR.search(text):
        if gz.cjk_place_pattern is not None:
            found += [("place", m.group()) for m in gz.cjk_place_pattern.finditer(text)]
        found += [("person", p) for p in _cjk_people(text, gz)]
        found += [("org", m.group()) for m in _CJK_ORG.finditer(text)]
    spans = []
    ministry: list[tuple[str, str]] = []
    if "Ministry" in text or "Department" in text or "Secretariat" in text:
        for m in _MINISTRY.finditer(text):
            ministry.append(("org", m.group()))
            spans.append((m.start(), m.end()))
    # one pass over the runs: gazetteer places of every run come first in ``found``, then the
    # organisations of _MINISTRY, then what each run is (as when these were separate passes)
    places: list[tuple[str, str]] = []
    classified: list[tuple[str, str]] = []
    index = _index(gz)
    for m in _RUN.finditer(text):
        start = m.start(1)
        words = m.group(1).split()
        if len(words) == 1:
            word = words[0]
            info = index.single(word)
            if info.place:
                places.append(("place", word))
            if spans and any(s <= start < e for s, e in spans):
                continue
            one = _single_run(word, info, text, start, gz)
            if one is not None:
                classified.append(one)
            continue
        run = _Run(words, start, m.end(1))
        places += [("place", p) for p in _places_in(run, gz)]
        if spans and any(s <= start < e for s, e in spans):
            continue
        classified += _classify_run(run, text, gz)
    found += places
    found += ministry
    found += classified
    counts: Counter[tuple[str, str]] = Counter()
    names: dict[tuple[str, str], str] = {}
    for kind, name in found:
        norm = normalise_name(name)
        if not norm:
            continue
        key = (kind, norm)
        counts[key] += 1
        names.setdefault(key, " ".join(name.split()))
    return {Entity(k, names[(k, n)], n): c for (k, n), c in counts.items()}
