"""Compile a query tree into FTS5 MATCH expressions and SQL conditions.

Items are ``it`` (items) joined to ``i`` (issues); highlights add ``a`` (annotations).
Pure-text parts become one FTS5 expression where possible, so BM25 ranks them in one pass;
text under an ``OR`` with a filter becomes ``it.id IN (SELECT rowid FROM items_fts ...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.core.library.refs import parse_ref
from reader.core.search import cjk
from reader.core.search.language import And, Filter, Node, Not, Or, Term

_ITEM_DATE = "coalesce(i.date, substr(i.imported_at, 1, 10))"
_ENTITY_KIND = {"person": "person", "org": "org", "place": "place"}


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_tokens(text: str) -> bool:
    from reader.core.library.fts_query import is_token_char

    return any(is_token_char(ch) for ch in text)


def term_fts(term: Term, *, with_cjk: bool = True) -> str | None:
    """The FTS5 expression for one word or phrase; CJK runs become bigram phrases.

    With ``with_cjk=False`` (indexes without bigram columns) CJK runs are left out and the
    caller matches them another way. None when nothing searchable is left.
    """
    parts: list[str] = []
    pieces = cjk.split_runs(term.text)
    for k, (is_cjk, piece) in enumerate(pieces):
        last = k == len(pieces) - 1
        if is_cjk:
            if with_cjk:
                parts.append(cjk.match_expression(piece))
            continue
        if not _has_tokens(piece):
            continue
        text = " ".join(piece.split()) if term.phrase else piece.strip()
        parts.append(_quote(text) + ("*" if term.prefix and last else ""))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def cjk_runs(term: Term) -> list[str]:
    return [piece for is_cjk, piece in cjk.split_runs(term.text) if is_cjk]


def is_text(node: Node) -> bool:
    """True when ``node`` holds only words/phrases (no filters)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return is_text(node.child)
    if isinstance(node, (And, Or)):
        return all(is_text(c) for c in node.children)
    return False


def fts_of(node: Node) -> str | None:
    """An FTS5 expression for a pure-text ``node`` that has a positive part, else None."""
    if isinstance(node, Term):
        return term_fts(node)
    if isinstance(node, And):
        pos: list[str] = []
        neg: list[str] = []
        for child in node.children:
            if isinstance(child, Not):
                inner = fts_of(child.child)
                if inner is None:
                    return None
                neg.append(inner)
            else:
                expr = fts_of(child)
                if expr is None:
                    return None
                pos.append(expr)
        if not pos:
            return None
        text = " AND ".join(f"({p})" for p in pos)
        return text + "".join(f" NOT ({n})" for n in neg)
    if isinstance(node, Or):
        exprs = [fts_of(c) for c in node.children]
        if any(e is None for e in exprs):
            return None
        return " OR ".join(f"({e})" for e in exprs)
    return None


class Compiler:
    """Builds ``WHERE`` conditions for items (``mode="items"``) or highlights (``"highlights"``)."""

    def __init__(self, mode: str = "items") -> None:
        self.mode = mode

    def where(self, node: Node) -> tuple[str, list[Any]]:
        if isinstance(node, Not):
            sql, params = self.where(node.child)
            return f"NOT ({sql})", params
        if isinstance(node, (And, Or)):
            joiner = " AND " if isinstance(node, And) else " OR "
            parts, params = [], []
            for child in node.children:
                sql, p = self.where(child)
                parts.append(f"({sql})")
                params.extend(p)
            return joiner.join(parts), params
        if isinstance(node, Term):
            return self.term(node)
        if not isinstance(node, Filter):  # pragma: no cover - the tree has no other nodes
            raise TypeError(f"unexpected query node {node!r}")
        return self.filter(node)

    # -- text
    def term(self, term: Term) -> tuple[str, list[Any]]:
        if self.mode == "items":
            expr = term_fts(term)
            if expr is None:
                return "0", []
            return "it.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)", [expr]
        # highlights: the highlighted text, its comment (annotations_fts has no bigram columns)
        parts: list[str] = []
        params: list[Any] = []
        expr = term_fts(term, with_cjk=False)
        if expr is not None:
            parts.append("a.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)")
            params.append(expr)
        for run in cjk_runs(term):
            parts.append("instr(a.exact || char(10) || a.comment || char(10) || a.note, ?) > 0")
            params.append(run)
        return (" AND ".join(parts) or "0"), params

    # -- filters
    def filter(self, f: Filter) -> tuple[str, list[Any]]:
        method: Callable[[tuple[str, ...]], tuple[str, list[Any]]] = getattr(self, f"op_{f.op}")
        return method(f.values)

    def op_tag(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        conds, params = [], []
        for v in values:
            if v.endswith("/*"):
                base = v[:-2]
                conds.append("(name = ? OR name LIKE ? ESCAPE '\\')")
                params += [base, _like(base) + "/%"]
            elif v.endswith("*"):
                conds.append("name LIKE ? ESCAPE '\\'")
                params.append(_like(v[:-1]) + "%")
            else:
                conds.append("name = ?")
                params.append(v)
        tag_ids = f"SELECT id FROM tags WHERE {' OR '.join(conds)}"
        if self.mode == "highlights":
            sql = (
                "(it.id IN (SELECT item_id FROM annotations WHERE kind = 'tag' AND target = 'item'"
                f" AND tag_id IN ({tag_ids}))"
                " OR it.issue_id IN (SELECT issue_id FROM annotations WHERE kind = 'tag'"
                f" AND target = 'issue' AND tag_id IN ({tag_ids})))"
            )
            return sql, params + params
        # one IN (...) over both item and issue tags, so SQLite can start from the few
        # tagged items instead of testing every item
        return _tagged_items(f"tag_id IN ({tag_ids})"), params + params

    def op_series(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        conds = " OR ".join("name LIKE ? ESCAPE '\\'" for _ in values)
        return (
            f"i.series_id IN (SELECT id FROM series WHERE {conds})",
            ["%" + _like(v) + "%" for v in values],
        )

    def op_issue(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        for v in values:
            ref = parse_ref(v)
            alts = ["i.label = ? COLLATE NOCASE"]
            params.append(v)
            if ref.number is not None:
                clause = "i.number = ?"
                params.append(ref.number)
                if ref.volume is not None:
                    clause += " AND i.volume = ?"
                    params.append(ref.volume)
                if ref.series:
                    clause += " AND i.series_id IN (SELECT id FROM series WHERE name LIKE ? ESCAPE '\\')"
                    params.append("%" + _like(ref.series) + "%")
                alts.append(f"({clause})")
            conds.append("(" + " OR ".join(alts) + ")")
        return " OR ".join(conds), params

    def op_is(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        sql = {
            "unread": "it.read = 0",
            "read": "it.read = 1",
            "starred": "it.starred = 1",
            "unstarred": "it.starred = 0",
        }
        return " OR ".join(sql[v] for v in values), []

    def op_has(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        conds = []
        for v in values:
            if v == "tags":
                conds.append(_tagged_items("1"))
            elif v == "comments" and self.mode == "highlights":
                conds.append("a.comment != ''")
            elif v == "comments":
                conds.append(
                    "it.id IN (SELECT item_id FROM annotations WHERE kind = 'highlight'"
                    " AND comment != '' AND item_id IS NOT NULL)"
                )
            else:
                kind = "highlight" if v == "highlights" else "note"
                conds.append(
                    f"it.id IN (SELECT item_id FROM annotations WHERE kind = '{kind}'"
                    " AND target = 'item' AND item_id IS NOT NULL)"
                )
        return " OR ".join(conds), []

    def op_color(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        marks = ",".join("?" * len(values))
        if self.mode == "highlights":
            return f"a.color IN ({marks})", list(values)
        return (
            "it.id IN (SELECT item_id FROM annotations WHERE kind = 'highlight'"
            f" AND color IN ({marks}) AND item_id IS NOT NULL)",
            list(values),
        )

    def op_after(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return f"{_ITEM_DATE} >= ?", [values[0]]

    def op_before(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return f"{_ITEM_DATE} < ?", [values[0]]

    def _entity(self, values: tuple[str, ...], kind: str | None) -> tuple[str, list[Any]]:
        marks = ",".join("?" * len(values))
        kind_sql = " AND e.kind = ?" if kind else ""
        return (
            "it.id IN (SELECT ie.item_id FROM entities e JOIN item_entities ie ON ie.entity_id = e.id"
            f" WHERE e.norm IN ({marks}){kind_sql})",
            [*values, *([kind] if kind else [])],
        )

    def op_entity(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return self._entity(values, None)

    def op_person(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return self._entity(values, "person")

    def op_org(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return self._entity(values, "org")

    def op_place(self, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        return self._entity(values, "place")


def _tagged_items(tag_condition: str) -> str:
    """Items carrying a tag that meets ``tag_condition`` themselves or through their issue."""
    return (
        "it.id IN (SELECT item_id FROM annotations WHERE kind = 'tag' AND target = 'item'"
        f" AND item_id IS NOT NULL AND {tag_condition}"
        " UNION ALL SELECT x.id FROM items x WHERE x.issue_id IN (SELECT issue_id FROM annotations"
        f" WHERE kind = 'tag' AND target = 'issue' AND {tag_condition}))"
    )


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def split_top(root: Node | None) -> tuple[str | None, list[Node]]:
    """Split the top-level AND into one FTS5 expression (ranked) and the remaining nodes.

    Positive text parts join the FTS expression; negated text joins it as ``NOT`` when there
    is a positive part; everything else (filters, text OR'd with filters) is returned for SQL.
    """
    if root is None:
        return None, []
    children = list(root.children) if isinstance(root, And) else [root]
    pos: list[str] = []
    neg: list[tuple[str, Node]] = []
    rest: list[Node] = []
    for child in children:
        if isinstance(child, Not) and is_text(child.child) and (e := fts_of(child.child)):
            neg.append((e, child))
        elif not isinstance(child, Not) and is_text(child) and (e := fts_of(child)):
            pos.append(e)
        else:
            rest.append(child)
    if not pos:
        return None, [n for _, n in neg] + rest
    match = " AND ".join(f"({p})" for p in pos) + "".join(f" NOT ({e})" for e, _ in neg)
    return match, rest
