"""The query language: free text mixed with ``operator:value`` filters, parsed into a tree.

One string is used everywhere (the window's search field, saved searches, rules, the CLI
``search``, ``export --query``). The full description users see is
:data:`reader.core.search.help.QUERY_LANGUAGE_HELP`; in short:

- words (all must match), ``chip*`` (prefix), ``"export controls"`` (phrase), ``AND``, ``OR``,
  ``NOT`` (upper case), parentheses, ``-word`` / ``-tag:x`` (exclude);
- ``tag:a,b`` (any of), ``tag:a tag:b`` (all of), ``tag:region/*`` (a tag and its children),
  ``series:"Energy Brief"``, ``issue:2.10``, ``is:unread|read|starred|unstarred``,
  ``has:highlights|notes|tags|comments``, ``color:green``, ``after:`` / ``before:`` (dates),
  ``entity:"Name"`` / ``person:`` / ``org:`` / ``place:``, ``type:items|highlights``,
  ``sort:rank|date|oldest``.

Anything a user types yields a :class:`Query` or a one-line :class:`QueryError`; malformed
boolean structure (a stray ``)``, ``OR OR``) is read as plain words rather than refused.
An unknown ``name:value`` is refused with the list of known operators (quote the text to
search for it literally: ``"http://example.org"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

from reader.core.errors import QueryError
from reader.core.library.fts_query import is_token_char
from reader.core.library.refs import parse_ref
from reader.core.search.dates import parse_date

OPERATORS = (
    "tag",
    "series",
    "issue",
    "is",
    "has",
    "color",
    "after",
    "before",
    "entity",
    "person",
    "org",
    "place",
    "type",
    "sort",
)
ALIASES = {"colour": "color", "tags": "tag", "organisation": "org", "organization": "org"}
IS_VALUES = ("unread", "read", "starred", "unstarred")
HAS_VALUES = {
    "highlights": "highlights",
    "highlight": "highlights",
    "notes": "notes",
    "note": "notes",
    "tags": "tags",
    "tag": "tags",
    "comments": "comments",
    "comment": "comments",
}
TYPE_VALUES = {"items": "items", "item": "items", "highlights": "highlights", "highlight": "highlights"}
SORT_VALUES = {"rank": "rank", "relevance": "rank", "date": "date", "newest": "date", "oldest": "oldest"}
COLORS = ("yellow", "green", "blue", "pink", "purple")  # = reader.core.annotations.COLORS
_BOOL_WORDS = ("AND", "OR", "NOT")
_OP_NAME = re.compile(r"([A-Za-z]+):(?=[^\s)])")
MAX_QUERY_LENGTH = 2000


# -- the tree ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """A word (``prefix`` for ``chip*``) or a quoted phrase."""

    text: str
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Filter:
    """``op:values`` with values already checked (dates as ISO days, tags normalised)."""

    op: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Filter | Not | And | Or


@dataclass(frozen=True)
class Query:
    """A parsed query. ``root`` is None when only options were given (``type:highlights``)."""

    text: str
    root: Node | None
    kind: str = "items"  # "items" | "highlights"
    sort: str | None = None  # "rank" | "date" | "oldest" | None (rank with text, else date)
    terms: tuple[str, ...] = field(default=())  # positive search words, for snippets

    @property
    def has_text(self) -> bool:
        return bool(self.terms)


# -- tokens ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Tok:
    kind: str  # "term" | "filter" | "op" | "neg" | "(" | ")" | "option"
    value: object = None


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch != "\x00" and not 0xD800 <= ord(ch) <= 0xDFFF)


def _searchable(text: str) -> bool:
    return any(is_token_char(ch) for ch in text)


def _read_values(text: str, i: int) -> tuple[list[str], int]:
    """Comma-separated values starting at ``i`` (each bare or quoted); returns (values, end)."""
    n = len(text)
    values: list[str] = []
    while True:
        if i < n and text[i] == '"':
            end = text.find('"', i + 1)
            if end == -1:
                values.append(text[i + 1 :])
                i = n
            else:
                values.append(text[i + 1 : end])
                i = end + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in ",()":
                j += 1
            values.append(text[i:j])
            i = j
        if i < n and text[i] == ",":
            i += 1
            continue
        return [" ".join(v.split()) for v in values if v.strip()], i


def _tokenize(text: str, now: datetime | date | None) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            toks.append(_Tok(ch))
            i += 1
            continue
        if ch == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] not in "-)":
            toks.append(_Tok("neg"))
            i += 1
            continue
        if m := _OP_NAME.match(text, i):
            raw_name = m.group(1)
            name = ALIASES.get(raw_name.lower(), raw_name.lower())
            if name not in OPERATORS:
                raise QueryError(
                    f"unknown operator '{raw_name}:' — known: {', '.join(OPERATORS)}"
                    ' (put text in quotes to search for it: "a:b")'
                )
            values, i = _read_values(text, m.end())
            if not values:
                raise QueryError(f"operator '{name}:' needs a value, e.g. {_example(name)}")
            toks.append(_filter_token(name, values, now))
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            if end == -1:  # a lone quote: ignored, the rest read as words
                i += 1
                continue
            inner = " ".join(text[i + 1 : end].split())
            i = end + 1
            prefix = False
            while i < n and text[i] == "*":
                prefix, i = True, i + 1
            if _searchable(inner):
                toks.append(_Tok("term", Term(inner, prefix=prefix, phrase=True)))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in '()"':
            i += 1
        word = text[start:i]
        if word in _BOOL_WORDS:
            toks.append(_Tok("op", word))
            continue
        stripped = word.rstrip("*")
        prefix = stripped != word
        while prefix and stripped and not is_token_char(stripped[-1]):
            stripped = stripped[:-1]
        if _searchable(stripped):
            toks.append(_Tok("term", Term(stripped, prefix=prefix)))
    return toks


_EXAMPLES = {
    "tag": "tag:energy,grid or tag:region/*",
    "series": 'series:"Energy Brief"',
    "issue": "issue:2.10",
    "is": "is:" + "|".join(IS_VALUES),
    "has": "has:highlights|notes|tags|comments",
    "color": "color:" + "|".join(COLORS),
    "after": 'after:2026-03-01 or after:"2 weeks ago"',
    "before": "before:2026-04-01 or before:yesterday",
    "entity": 'entity:"Minato Research"',
    "person": 'person:"Fiona Calloway"',
    "org": 'org:"Kittiwake Transmission"',
    "place": "place:Osaka",
    "type": "type:items|highlights",
    "sort": "sort:rank|date|oldest",
}


def _example(name: str) -> str:
    return _EXAMPLES.get(name, f"{name}:value")


def _choice(name: str, value: str, allowed: dict[str, str] | tuple[str, ...]) -> str:
    key = value.lower()
    if isinstance(allowed, dict):
        if key in allowed:
            return allowed[key]
        shown = sorted(set(allowed.values()))
    else:
        if key in allowed:
            return key
        shown = list(allowed)
    raise QueryError(f"'{name}:{value}' is not known: use {name}:{'|'.join(shown)}")


def _filter_token(name: str, values: list[str], now: datetime | date | None) -> _Tok:
    if name in ("type", "sort"):
        if len(values) != 1:
            raise QueryError(f"'{name}:' takes one value, e.g. {_example(name)}")
        table = TYPE_VALUES if name == "type" else SORT_VALUES
        return _Tok("option", (name, _choice(name, values[0], table)))
    if name == "tag":
        return _Tok("filter", Filter("tag", tuple(_tag_value(v) for v in values)))
    if name == "is":
        return _Tok("filter", Filter("is", tuple(_choice("is", v, IS_VALUES) for v in values)))
    if name == "has":
        return _Tok("filter", Filter("has", tuple(_choice("has", v, HAS_VALUES) for v in values)))
    if name == "color":
        return _Tok("filter", Filter("color", tuple(_choice("color", v, COLORS) for v in values)))
    if name in ("after", "before"):
        if len(values) != 1:
            raise QueryError(f"'{name}:' takes one date, e.g. {_example(name)}")
        return _Tok("filter", Filter(name, (parse_date(values[0], now).isoformat(),)))
    if name == "issue":
        for v in values:
            ref = parse_ref(v)
            if ref.number is None and not v:
                raise QueryError(f"cannot read the issue {v!r}: use e.g. {_example('issue')}")
        return _Tok("filter", Filter("issue", tuple(values)))
    if name in ("entity", "person", "org", "place"):
        from reader.core.entities.names import normalise_name

        names = tuple(n for n in (normalise_name(v) for v in values) if n)
        if not names:
            raise QueryError(f"operator '{name}:' needs a name, e.g. {_example(name)}")
        return _Tok("filter", Filter(name, names))
    return _Tok("filter", Filter(name, tuple(values)))  # series


def _tag_value(raw: str) -> str:
    """A tag as stored, keeping a trailing ``/*`` (tag and children) or ``*`` (prefix)."""
    from reader.core.annotations.tags import normalise_tag

    text = raw.strip()
    suffix = ""
    if text.endswith("/*"):
        text, suffix = text[:-2], "/*"
    elif text.endswith("*"):
        text, suffix = text.rstrip("*"), "*"
    try:
        return normalise_tag(text) + suffix
    except Exception as err:  # EmptyTagError, BadTagError: UserErrors with one-line messages
        raise QueryError(f"bad tag in query: {err}") from None


# -- the grammar -------------------------------------------------------------------------------
class _Grammar:
    """or := and (OR and)* ; and := unary ([AND] unary)* ; unary := (NOT|-) unary | primary ;
    primary := term | filter | ( or ).  Raises _Malformed when tokens do not fit."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node:
        node = self.or_expr()
        if self.i != len(self.toks):
            raise _Malformed
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (t := self.peek()) is not None and t.kind == "op" and t.value == "OR":
            self.i += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.unary()]
        while (t := self.peek()) is not None:
            if t.kind == "op" and t.value == "AND":
                self.i += 1
                parts.append(self.unary())
            elif t.kind in ("term", "filter", "(", "neg") or (t.kind == "op" and t.value == "NOT"):
                parts.append(self.unary())
            else:
                break
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        t = self.peek()
        if t is not None and (t.kind == "neg" or (t.kind == "op" and t.value == "NOT")):
            self.i += 1
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        t = self.peek()
        if t is None:
            raise _Malformed
        if t.kind in ("term", "filter"):
            self.i += 1
            return t.value  # type: ignore[return-value]
        if t.kind == "(":
            self.i += 1
            node = self.or_expr()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise _Malformed
            self.i += 1
            return node
        raise _Malformed


class _Malformed(Exception):
    pass


def _fallback(toks: list[_Tok]) -> Node | None:
    """Malformed structure: every term/filter ANDed, operators read as words, parens dropped."""
    parts: list[Node] = []
    negate = False
    for tok in toks:
        if tok.kind == "neg":
            negate = True
            continue
        if tok.kind == "op":
            node: Node | None = Term(str(tok.value))
        elif tok.kind in ("term", "filter"):
            node = tok.value  # type: ignore[assignment]
        else:
            node = None
        if node is not None:
            parts.append(Not(node) if negate else node)
        negate = False
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _positive_terms(node: Node | None, negated: bool = False) -> list[str]:
    if node is None:
        return []
    if isinstance(node, Term):
        return [] if negated else [node.text]
    if isinstance(node, Not):
        return _positive_terms(node.child, not negated)
    if isinstance(node, (And, Or)):
        return [t for c in node.children for t in _positive_terms(c, negated)]
    return []


def parse_query(text: str, *, now: datetime | date | None = None) -> Query:
    """Parse what a user typed into a :class:`Query`, or raise a one-line :class:`QueryError`.

    ``now`` anchors relative dates (``after:"2 weeks ago"``); default: today.
    """
    if not isinstance(text, str):
        raise QueryError("search query must be text")
    cleaned = _clean(text)
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise QueryError(f"query is too long ({len(cleaned)} characters, at most {MAX_QUERY_LENGTH})")
    toks = _tokenize(cleaned, now)
    options: dict[str, str] = {}
    body: list[_Tok] = []
    for tok in toks:
        if tok.kind == "option":
            name, value = cast(tuple[str, str], tok.value)
            if body and body[-1].kind == "neg":
                raise QueryError(f"'{name}:' cannot be excluded with '-'")
            options[name] = value
        else:
            body.append(tok)
    # drop a '-' / NOT left dangling by a removed option, and empty groups "()"
    body = _drop_empty_groups(body)
    root: Node | None
    if not body:
        root = None
    else:
        try:
            root = _Grammar(body).parse()
        except _Malformed:
            root = _fallback(body)
    if root is None and not options:
        shown = " ".join(text.split())[:40]
        raise QueryError(
            f"nothing to search for in {shown!r}: type at least one word or operator"
            if shown
            else "nothing to search for: type at least one word or operator"
        )
    return Query(
        text=text,
        root=root,
        kind=options.get("type", "items"),
        sort=options.get("sort"),
        terms=tuple(dict.fromkeys(_positive_terms(root))),
    )


def _drop_empty_groups(toks: list[_Tok]) -> list[_Tok]:
    out: list[_Tok] = []
    for tok in toks:
        if tok.kind == ")" and out and out[-1].kind == "(":
            out.pop()
            continue
        out.append(tok)
    return out
