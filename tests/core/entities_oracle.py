"""ORACLE FOR TESTS ONLY: a frozen copy of entity extraction as it was before the speed work.

Copied verbatim from commit ce15dcf (branch ``entities`` started from it):
``reader/core/entities/extract.py`` (whole), ``names.normalise_name``, ``gazetteer.load`` and
``reader/core/search/cjk.grams``. Equivalence tests compare the live implementation with this
one; it reads the same word lists (``resources/gazetteers/``) through ``gazetteer.read_list``.

Never import this from ``reader/``; never edit it to follow the live code: if the behaviour is
meant to change, the equivalence tests and their golden must be changed on purpose instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core.entities.gazetteer import read_list


# -- reader/core/entities/names.py -------------------------------------------------------------
@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Case-folded, accents removed, whitespace collapsed, leading "the " dropped.

    ``"The  Ministry of Économie"`` and ``"ministry of economie"`` compare equal.
    """
    text = unicodedata.normalize("NFKC", " ".join(str(name).split())).casefold()
    text = "".join(_strip_accent(ch) for ch in text)
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


# -- reader/core/entities/gazetteer.py -------------------------------------------------------
@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]  # normalised
    place_pattern: re.Pattern[str] | None  # unused since places are looked up per run
    cjk_place_pattern: re.Pattern[str] | None
    given_names: frozenset[str]  # normalised
    cjk_surnames: tuple[str, ...]
    titles: frozenset[str]  # as written (case matters: "Chair" vs "chair" both listed)
    titles_folded: frozenset[str]
    org_suffixes: frozenset[str]  # normalised
    org_prefixes: tuple[tuple[str, ...], ...]  # normalised word tuples
    org_cues: frozenset[str]
    orgs: frozenset[str]  # normalised
    stopwords: frozenset[str]  # as written


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=4)
def load(folder: Path | None = None) -> Gazetteer:
    """Read and compile every list (cached)."""
    countries = read_list("countries.txt", folder)
    places = read_list("places.txt", folder)
    cjk_places = read_list("places_cjk.txt", folder)
    latin = countries + places
    titles = read_list("person_titles.txt", folder)
    return Gazetteer(
        places=frozenset(normalise_name(p) for p in latin + cjk_places),
        place_pattern=None,  # places are looked up per capitalised run (extract._places_in)
        cjk_place_pattern=re.compile(_alternation(cjk_places)) if cjk_places else None,
        given_names=frozenset(normalise_name(n) for n in read_list("given_names.txt", folder)),
        cjk_surnames=tuple(sorted(read_list("surnames_cjk.txt", folder), key=len, reverse=True)),
        titles=frozenset(titles),
        titles_folded=frozenset(t.casefold() for t in titles),
        org_suffixes=frozenset(normalise_name(s) for s in read_list("org_suffixes.txt", folder)),
        org_prefixes=tuple(tuple(normalise_name(p).split()) for p in read_list("org_prefixes.txt", folder)),
        org_cues=frozenset(c.casefold() for c in read_list("org_cues.txt", folder)),
        orgs=frozenset(normalise_name(o) for o in read_list("orgs.txt", folder)),
        stopwords=frozenset(read_list("stopwords.txt", folder)),
    )


# -- reader/core/entities/extract.py ---------------------------------------------------------
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
_MONEY_SYMBOL = re.compile(
    r"(?<![\w$])(US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|[$€£¥₩₹]|(?:USD|EUR|GBP|JPY|CNY|KRW)\s?)"
    rf"\s?({_NUM})(?:\s?(bn|billion|million|mn|trillion|tn|thousand|m|b|k)\b)?"
)
_MONEY_WORD = re.compile(
    rf"(?<![\w.,])({_NUM})(?:\s(billion|million|trillion|thousand))?\s"
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
_ISO_DAY = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
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
    if _CJK_DATE_HINT.search(text):
        for m in _DATE_JA.finditer(text):
            if m.group(1) or m.group(3):  # a bare "八月" is too vague
                found.append((m.start(), m.group(0)))
    return [name for _, name in sorted(found)]


_CJK_DATE_HINT = re.compile("月")


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


@dataclass
class _Run:
    words: list[str]
    start: int
    end: int
    possessive: bool = False


_UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017d"  # Latin, Latin-1, Latin Extended-A
    "\u0391-\u03a9\u0410-\u042f"  # Greek, Cyrillic capitals
)
_NAME_WORD = rf"[{_UPPER}][\w\-]*(?:['’][{_UPPER}][\w\-]*)?"
_RUN = re.compile(
    rf"(?<![\w'’\-])({_NAME_WORD}(?:[ \t\u00a0]+(?:(?:of|the|for|and|de|del|da|di|du|la|le|van"
    rf"|von|der|den|&)[ \t\u00a0]+)*{_NAME_WORD})*)(['’]s\b)?"
)


def _runs(text: str) -> list[_Run]:
    """Runs of capitalised words (connectors such as "of", "and", "&" allowed inside); a run
    ends at punctuation, a line break or a possessive ("Japan's")."""
    return [
        _Run(m.group(1).split(), m.start(1), m.end(1), possessive=m.group(2) is not None)
        for m in _RUN.finditer(text)
    ]


_MAX_PLACE_WORDS = 5


def _places_in(run: _Run, gz: Gazetteer) -> list[str]:
    """Gazetteer places inside a run of capitalised words, longest first, not overlapping
    (``Panama Canal Authority`` holds ``Panama Canal``, not also ``Panama``)."""
    words = run.words
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


@lru_cache(maxsize=4)
def _prefix_index(
    prefixes: tuple[tuple[str, ...], ...],
) -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    return frozenset(prefixes), tuple(sorted({len(p) for p in prefixes}))


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
    r"\b(?:Ministry|Department|Secretariat) (?:of|for) (?:the )?[A-Z][\w\-]*"
    r"(?:, [A-Z][\w\-]*)+,? and [A-Z][\w\-]*"
)


# -- CJK ---------------------------------------------------------------------------------------
_KANJI = "\u3005\u4e00-\u9fff"
_CJK_ORG = re.compile(
    rf"[{_KANJI}\u30a0-\u30ff]{{1,12}}?"
    r"(?:省|庁|委員会|銀行|大学|協会|研究所|機構|公社|財団|会議所|裁判所|議会|株式会社)"
)
_CJK_HONORIFIC = re.compile(rf"(?<![{_KANJI}])([{_KANJI}]{{2,4}})(?:さん|氏)")


_CJK_CHAR = re.compile(f"[\u3040-\u30ff{_KANJI}]")


@lru_cache(maxsize=4)
def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(s) for s in surnames)
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
    if _CJK_CHAR.search(text):
        if gz.cjk_place_pattern is not None:
            found += [("place", m.group()) for m in gz.cjk_place_pattern.finditer(text)]
        found += [("person", p) for p in _cjk_people(text, gz)]
        found += [("org", m.group()) for m in _CJK_ORG.finditer(text)]
    runs = _runs(text)
    found += [("place", p) for run in runs for p in _places_in(run, gz)]
    spans = []
    if "Ministry" in text or "Department" in text or "Secretariat" in text:
        for m in _MINISTRY.finditer(text):
            found.append(("org", m.group()))
            spans.append((m.start(), m.end()))
    for run in runs:
        if spans and any(s <= run.start < e for s, e in spans):
            continue
        found.extend(_classify_run(run, text, gz))
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


# -- reader/core/search/cjk.py (grams) -------------------------------------------------------
_CJK_CLASS = (
    "\u3005\u3006\u3007"  # 々 〆 〇
    "\u3040-\u30ff"  # hiragana, katakana (incl. ー)
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width katakana
    "\U00020000-\U0002fa1f"  # CJK extensions B-F, compatibility supplement
)
CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")


def grams(text: str) -> str:
    """The bigram form of every CJK run in ``text``, space separated ("" when there is none)."""
    out: list[str] = []
    for match in CJK_RUN.finditer(text or ""):
        run = match.group()
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)
