"""Joining lines into running text: hyphenated line ends, CJK lines, whitespace.

Pure string functions so they can be tested without a PDF.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_HYPHENS = "-\u2010\u00ad"


def is_cjk(ch: str) -> bool:
    """True for Han, kana, Hangul, and CJK/full-width punctuation (text joined without spaces)."""
    if not ch:
        return False
    o = ord(ch)
    return (
        0x3000 <= o <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0xAC00 <= o <= 0xD7AF  # Hangul syllables
        or 0x31F0 <= o <= 0x31FF
        or 0x20000 <= o <= 0x2FFFF
    )


CJK_CHARS = re.compile(
    "[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af"
    "\u31f0-\u31ff\U00020000-\U0002ffff]"
)
"""The characters ``is_cjk`` accepts, for counting them in one pass."""


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return " ".join(text.split())


def _last_word(text: str) -> str:
    m = re.search(r"(\w+)[" + _HYPHENS + r"]$", text)
    return m.group(1) if m else ""


def join_lines(lines: Sequence[str], known_word: Callable[[str], bool] | None = None) -> str:
    """Join the text of consecutive lines into one paragraph string.

    A line ending in a hyphen after a letter, followed by a line starting with a lowercase
    letter, is a hyphenated break: the hyphen goes and the halves join ("gov-" + "ernment").
    The hyphen stays when the next line starts with an uppercase letter or digit
    ("Franco-" + "German", "COVID-" + "19"), or when ``known_word`` says the joined word is
    unknown but the hyphenated compound is known. A soft hyphen always goes. Lines whose
    boundary characters are both CJK join without a space; everything else joins with one.
    """
    out = ""
    for raw in lines:
        text = collapse(raw)
        if not text:
            continue
        if not out:
            out = text
            continue
        last, first = out[-1], text[0]
        if last == "\u00ad":
            out = out[:-1] + text
        elif last in _HYPHENS and len(out) >= 2 and out[-2].isalpha():
            if first.islower():
                head = _last_word(out)
                tail = re.match(r"\w+", text)
                joined = head + (tail.group(0) if tail else "")
                hyphenated = head + "-" + (tail.group(0) if tail else "")
                if known_word is not None and not known_word(joined) and known_word(hyphenated):
                    out = out[:-1] + "-" + text
                else:
                    out = out[:-1] + text
            else:
                out = out[:-1] + "-" + text if last != "-" else out + text
        elif last in _HYPHENS or last in "/" or is_cjk(last) and is_cjk(first):
            out = out + text
        else:
            out = out + " " + text
    return out.replace("\u00ad", "")
