"""Rules: a saved query plus an action, applied to newly imported items that match.

``series:"Energy Brief" semiconductor*`` + tag ``chips`` tags every matching item of each new
issue. Actions: ``tag`` (argument: the tag), ``star``, ``read`` (mark read). Rules run in the
importer right after an issue is stored, on that issue's items only (cheap: one indexed query
per rule), and can be run over the whole library on demand (:func:`apply_rules` with
``item_ids=None``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import NotFoundError, QueryError, UserError
from reader.core.search.engine import _db, item_ids, matches
from reader.core.search.language import parse_query

ACTIONS = ("tag", "star", "read")


@dataclass(frozen=True)
class Rule:
    id: int
    name: str
    query: str
    action: str
    argument: str
    enabled: bool
    created: str

    @property
    def description(self) -> str:
        what = {"tag": f"tag '{self.argument}'", "star": "star", "read": "mark read"}[self.action]
        return f"{self.query}  ->  {what}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "query": self.query,
            "action": self.action,
            "argument": self.argument,
            "enabled": self.enabled,
        }


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    item_ids: tuple[int, ...]  # items that matched (the action may have been a no-op for some)


_COLS = "id, name, query, action, argument, enabled, created"


def _row(r: Any) -> Rule:
    return Rule(int(r[0]), r[1], r[2], r[3], r[4], bool(r[5]), r[6])


def list_rules(lib: Any) -> list[Rule]:
    with _db(lib) as db:
        return [_row(r) for r in db.execute(f"SELECT {_COLS} FROM rules ORDER BY id").fetchall()]


def get_rule(lib: Any, rule_id: int) -> Rule:
    with _db(lib) as db:
        row = db.execute(f"SELECT {_COLS} FROM rules WHERE id = ?", [int(rule_id)]).fetchone()
    if row is None:
        raise NotFoundError(f"no rule with id {rule_id}")
    return _row(row)


def add_rule(lib: Any, query: str, action: str, argument: str = "", *, name: str = "") -> Rule:
    """Store a rule; the query must parse, ``action`` is tag|star|read (tag needs a tag)."""
    parse_query(query)
    if action not in ACTIONS:
        raise UserError(f"unknown rule action {action!r}: use one of {', '.join(ACTIONS)}")
    arg = " ".join(str(argument or "").split())
    if action == "tag":
        from reader.core.annotations.tags import normalise_tag

        arg = normalise_tag(arg)  # EmptyTagError / BadTagError are UserErrors
    elif arg:
        raise UserError(f"the {action!r} action takes no argument")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with _db(lib) as db, db.atomic():
        cur = db.execute(
            "INSERT INTO rules (name, query, action, argument, enabled, created) VALUES (?, ?, ?, ?, 1, ?)",
            [" ".join(name.split()), query.strip(), action, arg, now],
        )
        new_id = int(cur.lastrowid)
    return get_rule(lib, new_id)


def delete_rule(lib: Any, rule_id: int) -> Rule:
    rule = get_rule(lib, rule_id)
    with _db(lib) as db, db.atomic():
        db.execute("DELETE FROM rules WHERE id = ?", [rule.id])
    return rule


def enable_rule(lib: Any, rule_id: int, enabled: bool = True) -> Rule:
    rule = get_rule(lib, rule_id)
    with _db(lib) as db, db.atomic():
        db.execute("UPDATE rules SET enabled = ? WHERE id = ?", [int(enabled), rule.id])
    return get_rule(lib, rule.id)


def apply_rules(lib: Any, item_ids_: Iterable[int] | None = None) -> list[RuleResult]:
    """Apply every enabled rule to ``item_ids_`` (None = the whole library); return what matched.

    A rule whose query no longer parses is skipped (it cannot match anything).
    """
    results: list[RuleResult] = []
    ids = None if item_ids_ is None else [int(i) for i in item_ids_]
    if ids is not None and not ids:
        return results
    for rule in list_rules(lib):
        if not rule.enabled:
            continue
        try:
            hit = item_ids(lib, rule.query) if ids is None else matches(lib, rule.query, ids)
        except QueryError:
            continue
        if not hit:
            continue
        if rule.action == "tag":
            lib.annotations.tag_items(hit, [rule.argument])
        elif rule.action == "star":
            lib.set_starred(hit, True)
        else:
            lib.set_read(hit, True)
        results.append(RuleResult(rule, tuple(hit)))
    return results
