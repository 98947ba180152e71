"""Turn any text a user types into a valid FTS5 MATCH expression, or a one-line QueryError.

FTS5's own syntax fails on everyday input (a lone ``"``, ``#``, ``-``, ``:``, a stray ``AND``),
so user text is never passed through raw. The rules:

- a word becomes a quoted FTS5 string: ``don't`` -> ``"don't"`` (FTS5 tokenizes inside the
  quotes, so punctuation inside a word is harmless and acts like a phrase);
- a trailing ``*`` keeps prefix search: ``chip*`` -> ``"chip"*``;
- ``"export controls"`` (balanced quotes) is a phrase, ``"export cont"*`` a phrase prefix;
- ``AND``, ``OR``, ``NOT`` (upper case) and parentheses are operators when the whole query is
  well formed (precedence NOT > AND > OR; words side by side mean AND, written out explicitly
  because FTS5 itself gives side-by-side words a higher precedence than NOT); otherwise they
  are treated as ordinary words and parentheses are dropped;
- a lone quote is ignored; pieces with no letters or digits (``#``, ``-``, ``*``) are dropped.

A query with nothing searchable left raises :class:`QueryError`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reader.core.errors import QueryError

OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class _Tok:
    kind: str  # "term", "op", "(", ")"
    text: str  # for "term": the FTS5 string already quoted; for "op": AND/OR/NOT


def is_token_char(ch: str) -> bool:
    """True for characters FTS5's unicode61 tokenizer keeps in tokens (letters, digits, marks)."""
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "N", "M") or cat == "Co"


def _has_token_chars(text: str) -> bool:
    return any(is_token_char(ch) for ch in text)


def _quote(text: str, prefix: bool) -> str:
    quoted = '"' + text.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def _clean(text: str) -> str:
    """Drop characters SQLite cannot take in a query string (NUL, lone surrogates)."""
    return "".join(
        ch for ch in text if ch != "\x00" and not (0xD800 <= ord(ch) <= 0xDFFF)
    )


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok(ch, ch))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end == -1:  # a lone quote: ignore it, read the rest as words
                i += 1
                continue
            inner = text[i + 1 : end]
            i = end + 1
            prefix = False
            while i < n and text[i] == "*":
                prefix = True
                i += 1
            if _has_token_chars(inner):
                toks.append(_Tok("term", _quote(" ".join(inner.split()), prefix)))
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in '()"':
                i += 1
            word = text[start:i]
            if word in OPERATORS:
                toks.append(_Tok("op", word))
                continue
            stripped = word.rstrip("*")
            prefix = stripped != word
            if prefix:
                # "chip-*": the prefix applies to the last token, so trailing punctuation goes.
                while stripped and not is_token_char(stripped[-1]):
                    stripped = stripped[:-1]
            if _has_token_chars(stripped):
                toks.append(_Tok("term", _quote(stripped, prefix)))
    return toks


class _Parser:
    """Checks the token list against FTS5's grammar (NOT > AND > OR, implicit AND)."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> bool:
        if not self.toks:
            return False
        ok = self.or_expr()
        return ok and self.i == len(self.toks)

    def or_expr(self) -> bool:
        if not self.and_expr():
            return False
        while (t := self.peek()) is not None and t.kind == "op" and t.text == "OR":
            self.i += 1
            if not self.and_expr():
                return False
        return True

    def and_expr(self) -> bool:
        if not self.not_expr():
            return False
        while (t := self.peek()) is not None:
            if t.kind == "op" and t.text == "AND":
                self.i += 1
                if not self.not_expr():
                    return False
            elif t.kind in ("term", "("):
                if not self.not_expr():
                    return False
            else:
                break
        return True

    def not_expr(self) -> bool:
        if not self.primary():
            return False
        while (t := self.peek()) is not None and t.kind == "op" and t.text == "NOT":
            self.i += 1
            if not self.primary():
                return False
        return True

    def primary(self) -> bool:
        t = self.peek()
        if t is None:
            return False
        if t.kind == "term":
            self.i += 1
            return True
        if t.kind == "(":
            self.i += 1
            if not self.or_expr():
                return False
            closing = self.peek()
            if closing is None or closing.kind != ")":
                return False
            self.i += 1
            return True
        return False


def to_fts_query(text: str) -> str:
    """Return a valid FTS5 MATCH expression for ``text`` or raise :class:`QueryError`."""
    if not isinstance(text, str):
        raise QueryError("search query must be text")
    toks = _tokenize(_clean(text))
    if _Parser(toks).parse():
        # FTS5 only allows implicit AND between plain phrases, and there it binds tighter than
        # NOT; writing every implicit AND out keeps "NOT > AND > OR" and makes groups legal.
        parts: list[str] = []
        for prev, tok in zip([None, *toks], toks, strict=False):
            if prev is not None and prev.kind in ("term", ")") and tok.kind in ("term", "("):
                parts.append("AND")
            parts.append(tok.text)
        return " ".join(parts)
    # Not well formed: operators become words, parentheses go.
    terms = [
        tok.text if tok.kind == "term" else _quote(tok.text, False)
        for tok in toks
        if tok.kind in ("term", "op")
    ]
    if not terms:
        raise QueryError(
            f"nothing to search for in {text.strip()[:40]!r}: type at least one word"
            if text.strip()
            else "nothing to search for: type at least one word"
        )
    return " ".join(terms)
