"""Chinese, Japanese and Korean text as overlapping bigrams, for substring search.

FTS5's unicode61 tokenizer keeps a run of CJK characters as ONE token (``経済産業省``), so a
word inside it (``産業``) is never found, and the trigram tokenizer of SQLite 3.40 matches
nothing under three characters (most Japanese names have two). So every CJK run is also
stored as its overlapping bigrams plus its last character alone (``熊本市`` -> ``熊本 本市 市``)
in two extra ``items_fts`` columns (headline, rest). Then:

- a query run of two or more characters is the phrase of its bigrams (``"熊本 本市"``);
- a one-character query is a prefix query (``"熊"*``): every occurrence of a character is
  either the first character of a bigram or the lone last character of its run.

The trailing lone character also separates runs, so a phrase never spans two runs.
"""

from __future__ import annotations

import re

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

# The items_fts columns holding the bigrams (added by migration 0005_search).
CJK_COLUMNS = ("cjk_head", "cjk_rest")


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK character."""
    return bool(text) and _CJK_CHAR.search(text) is not None


def grams(text: str) -> str:
    """The bigram form of every CJK run in ``text``, space separated ("" when there is none)."""
    if not text or text.isascii():
        return ""  # no CJK character: skip the scan (isascii() looks at a flag, not the text)
    out: list[str] = []
    for match in CJK_RUN.finditer(text):
        run = match.group()
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)


def match_expression(run: str) -> str:
    """The FTS5 expression finding the CJK ``run`` as a substring (restricted to the CJK columns)."""
    columns = "{" + " ".join(CJK_COLUMNS) + "}"
    if len(run) == 1:
        return f'{columns} : "{run}"*'
    phrase = " ".join(run[i : i + 2] for i in range(len(run) - 1))
    return f'{columns} : "{phrase}"'


def split_runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_cjk, piece) parts, in order."""
    parts: list[tuple[bool, str]] = []
    pos = 0
    for match in CJK_RUN.finditer(text):
        if match.start() > pos:
            parts.append((False, text[pos : match.start()]))
        parts.append((True, match.group()))
        pos = match.end()
    if pos < len(text):
        parts.append((False, text[pos:]))
    return parts
