"""Text helpers for export formats: Markdown escaping, YAML scalars, Obsidian tags, CSV cells.

Pure functions, no I/O; the Markdown template filters and the CSV writer use them.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata

# Characters that start Markdown syntax in CommonMark (emphasis, code, links, HTML, headings,
# tables in GFM) or in Obsidian (==mark==, $math$, %%comment%%, ^block ids, #tags, ~~strike~~).
# A backslash before any ASCII punctuation is literal text in CommonMark, so escaping is safe.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~=$%^&])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_LINE_START = ("-", "+")


def md_escape(text: object) -> str:
    """``text`` as Markdown that renders to exactly that text (lines kept; each line's leading
    and trailing whitespace dropped, as rendering would drop it)."""
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _MD_SPECIAL.sub(r"\\\1", line.strip())
        if line.startswith(_LINE_START):
            line = "\\" + line
        else:
            line = _ORDERED.sub(r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def md_inline(text: object) -> str:
    """``text`` on one line (whitespace collapsed), escaped: for headings and list items."""
    return md_escape(" ".join(str(text).split()))


def block_quote(text: object) -> str:
    """Prefix every line with ``> `` (an empty line becomes ``>``) so it stays in one quote."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in str(text).split("\n"))


_YAML_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_scalar(value: object) -> str:
    """A YAML flow scalar for ``value``: ``null``, a number, a bool, or a double-quoted string
    (JSON string syntax, which YAML shares; characters YAML treats as line breaks or forbids
    are written as ``\\uXXXX`` escapes so the value reads back unchanged)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def yaml_list(values: object) -> str:
    """A YAML flow sequence of strings: ``["a", "b"]`` (``[]`` when empty)."""
    return "[" + ", ".join(yaml_scalar(v) for v in (values or [])) + "]"  # type: ignore[attr-defined]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def yaml_date(value: object) -> str:
    """An ISO date unquoted (Obsidian shows it as a date property), anything else quoted."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    return yaml_scalar(value)


def _tag_char_ok(ch: str) -> bool:
    return ch in "_-/" or unicodedata.category(ch)[0] in "LNM"


@functools.lru_cache(maxsize=4096)
def obsidian_tag(name: object) -> str:
    """A tag name spelled the way Obsidian accepts it (without ``#``): letters, digits, ``_``,
    ``-`` and ``/`` (nesting) only; runs of anything else become ``-``; empty nesting levels are
    dropped; a tag without any letter (``2024``) gets a leading ``tag-`` (Obsidian refuses purely
    numeric tags). ``""`` if nothing is left."""
    parts = []
    for segment in str(name).split("/"):
        cleaned = "".join(ch if _tag_char_ok(ch) and ch != "/" else " " for ch in segment)
        cleaned = "-".join(cleaned.split()).strip("-")
        if cleaned:
            parts.append(cleaned)
    tag = "/".join(parts)
    if tag and not any(unicodedata.category(ch)[0] == "L" for ch in tag):
        tag = "tag-" + tag
    return tag


@functools.lru_cache(maxsize=4096)
def hashtag(name: object) -> str:
    """``#tag`` for :func:`obsidian_tag` (``""`` when nothing is left)."""
    tag = obsidian_tag(name)
    return f"#{tag}" if tag else ""


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: object) -> object:
    """A CSV cell safe from formula injection: text starting with ``= + - @``, tab, CR or LF
    gets a leading ``'`` so spreadsheets show it as text. Numbers and None pass unchanged."""
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
