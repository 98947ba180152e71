"""Random entity-rich text for the extraction equivalence tests: gazetteer words, capitalised
syllable words, connectors, cues, punctuation, money and dates, glued by spaces, commas, line
breaks or nothing. One fragment list feeds both a seeded generator (the golden's ``mixed``
cases) and a hypothesis strategy."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from reader.core.entities.gazetteer import read_list

SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "to", "ru", "an", "qui", "hal", "el", "ost", "wyn"]


def _lists() -> dict[str, list[str]]:
    places = read_list("countries.txt") + read_list("places.txt")
    given = read_list("given_names.txt")
    return {
        "place": places + [p.upper() for p in places[::9]] + [p.lower() for p in places[::11]],
        "given": given + [g.lower() for g in given[::13]],
        "title": read_list("person_titles.txt"),
        "prefix": read_list("org_prefixes.txt"),
        "suffix": read_list("org_suffixes.txt"),
        "cue": read_list("org_cues.txt"),
        "org": read_list("orgs.txt"),
        "stop": read_list("stopwords.txt"),
        "cjk_place": read_list("places_cjk.txt"),
        "cjk_surname": read_list("surnames_cjk.txt"),
        "cjk": [
            "健",
            "直子",
            "太郎",
            "さん",
            "氏",
            "省",
            "庁",
            "委員会",
            "銀行",
            "大学",
            "株式会社",
            "経済産業",
            "は",
            "が",
            "の",
            "、",
            "。",
            "　",
            "研究所",
            "カナ",
            "発表した",
            "東京都",
        ],
        "connector": [
            "of",
            "the",
            "for",
            "and",
            "&",
            "de",
            "del",
            "van",
            "von",
            "der",
            "la",
            "le",
            "du",
            "in",
            "near",
            "at",
            "The",
            "Of",
            "And",
        ],
        "verb": ["said", "says", "told", "added", "wrote", "warned", "who", "noted", "grew", "met"],
        "punct": [
            ",",
            ".",
            ";",
            ":",
            "(",
            ")",
            "\n",
            "'s",
            "’s",
            "-based",
            "!",
            "?",
            "[",
            "]",
            '"',
            "-",
            "'",
            "’",
            "/",
            "_",
            "%",
            "percent",
        ],
        "money": [
            "$1.2bn",
            "€40 million",
            "US$5m",
            "1.5 billion yen",
            "¥3 trillion",
            "£5,500",
            "五百万円",
            "USD 3",
            "HK$ 2.5 tn",
            "20 dollars",
            "3 euros",
            "A$7k",
            "EUR12,000.50",
            "8 won",
            "2 pounds sterling",
            "¥",
            "$",
            "JPY",
            "0.0円",
            "1,234,567 rupees",
            "R$9 b",
        ],
        "date": [
            "14 April 2026",
            "April 14, 2026",
            "September 2026",
            "2026-03-05",
            "三月十八日",
            "2026年3月",
            "May",
            "Monday",
            "3rd",
            "Sept.",
            "Jan",
            "31st",
            "2019",
            "12",
            "Dec. 1",
            "June 5 percent",
            "八月",
            "March 2.5",
        ],
        "ministry": [
            "Ministry",
            "Department",
            "Secretariat",
            "Ministry of Economy, Trade and Industry",
            "Department for Culture, Media and Sport",
        ],
        "odd": [
            "Vásquez",
            "Ωmega",
            "Москва",
            "ÉCOLE",
            "Åland",
            "O’Neill",
            "D'Arcy",
            "McDonald",
            "X",
            "AB",
            "a",
            "ß",
            "İstanbul",
            "ﬁnance",
            "Ǆ",
            "1",
            "42",
        ],
    }


LISTS = _lists()
SEPARATORS = [" "] * 8 + ["", ", ", "  ", "\u00a0", "\t", "\n", ". "]


def _syllable_word(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    r = rng.random()
    return word.capitalize() if r < 0.6 else word.upper() if r < 0.65 else word


def mixed_text(rng: random.Random, n_min: int = 5, n_max: int = 60) -> str:
    """A seeded random text of ``n_min``..``n_max`` fragments."""
    kinds = list(LISTS) + ["syllable"] * 6
    parts = []
    for _ in range(rng.randint(n_min, n_max)):
        kind = rng.choice(kinds)
        parts.append(_syllable_word(rng) if kind == "syllable" else rng.choice(LISTS[kind]))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


_syllable = st.tuples(
    st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map("".join),
    st.sampled_from(["cap", "cap", "cap", "upper", "lower"]),
).map(lambda p: p[0].capitalize() if p[1] == "cap" else p[0].upper() if p[1] == "upper" else p[0])
_fragment = st.one_of(_syllable, _syllable, *[st.sampled_from(words) for words in LISTS.values()])
texts = st.lists(st.tuples(_fragment, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(f + s for f, s in parts)
)
"""Hypothesis strategy: the same kind of text as :func:`mixed_text`."""
