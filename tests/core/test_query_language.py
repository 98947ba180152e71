"""The query language parser: operators, negation, grouping, dates, errors (no database)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import QueryError
from reader.core.search import parse_date, parse_query, query_language_help
from reader.core.search.language import OPERATORS, And, Filter, Not, Or, Term

NOW = date(2026, 3, 20)  # a Friday


def test_words_and_filters_form_a_top_level_and() -> None:
    q = parse_query('chip* "export controls" tag:a,b -tag:x', now=NOW)
    assert q.root == And(
        (
            Term("chip", prefix=True),
            Term("export controls", phrase=True),
            Filter("tag", ("a", "b")),
            Not(Filter("tag", ("x",))),
        )
    )
    assert q.terms == ("chip", "export controls") and q.kind == "items" and q.sort is None


def test_boolean_precedence_not_and_or() -> None:
    q = parse_query("a OR b c NOT d")
    assert q.root == Or((Term("a"), And((Term("b"), Term("c"), Not(Term("d"))))))
    assert parse_query("(a OR b) c").root == And((Or((Term("a"), Term("b"))), Term("c")))


def test_malformed_structure_is_read_as_words() -> None:
    assert parse_query("osaka OR OR").root == And((Term("osaka"), Term("OR"), Term("OR")))
    assert parse_query("(osaka").root == Term("osaka")
    assert parse_query("osaka:").root == Term("osaka:")  # no value: not an operator


def test_options_type_and_sort() -> None:
    q = parse_query("type:highlights sort:oldest color:green")
    assert (q.kind, q.sort, q.root) == ("highlights", "oldest", Filter("color", ("green",)))
    assert parse_query("sort:date").root is None  # options alone: everything, sorted


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("tag:region/*", ("region/*",)),
        ('tag:"Region / Asia",chips', ("Region/Asia", "chips")),
        ("tags:chip*", ("chip*",)),
    ],
)
def test_tag_values_are_normalised(text: str, values: tuple[str, ...]) -> None:
    assert parse_query(text).root == Filter("tag", values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('series:"Energy Brief"', Filter("series", ("Energy Brief",))),
        ("issue:2.10", Filter("issue", ("2.10",))),
        ("is:unread,starred", Filter("is", ("unread", "starred"))),
        ("has:notes", Filter("has", ("notes",))),
        ("has:highlight", Filter("has", ("highlights",))),
        ("colour:Green", Filter("color", ("green",))),
        ('entity:"The Bank of Japan"', Filter("entity", ("bank of japan",))),
        ("org:Acme", Filter("org", ("acme",))),
        ("after:2026-03", Filter("after", ("2026-03-01",))),
        ('before:"2 weeks ago"', Filter("before", ("2026-03-06",))),
    ],
)
def test_each_operator(text: str, expected: Filter) -> None:
    assert parse_query(text, now=NOW).root == expected


def test_unknown_operator_names_itself_and_the_known_ones() -> None:
    with pytest.raises(QueryError) as err:
        parse_query("chips foo:bar")
    message = str(err.value)
    assert "unknown operator 'foo:'" in message and "known: tag, series, issue" in message
    assert "\n" not in message
    assert parse_query('"foo:bar"').root == Term("foo:bar", phrase=True)  # quoted: plain text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("is:sleepy", "is:unread|read|starred|unstarred"),
        ("color:mauve", "color:"),
        ("after:someday", "cannot read the date"),
        ("after:2026-02-30", "not a valid date"),
        ("-type:items", "cannot be excluded"),
        ("tag:,", "needs a value"),
        ("type:pages", "type:"),
        ("*", "nothing to search for"),
        ("", "nothing to search for"),
    ],
)
def test_bad_values_get_one_line_messages(text: str, fragment: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(text, now=NOW)
    assert fragment in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-05", date(2026, 3, 5)),
        ("2026", date(2026, 1, 1)),
        ("today", NOW),
        ("yesterday", date(2026, 3, 19)),
        ("3 days ago", date(2026, 3, 17)),
        ("2w", date(2026, 3, 6)),
        ("1 month ago", date(2026, 2, 20)),
        ("1y", date(2025, 3, 20)),
        ("last week", date(2026, 3, 9)),
        ("this week", date(2026, 3, 16)),
        ("last month", date(2026, 2, 1)),
        ("this year", date(2026, 1, 1)),
        ("past month", date(2026, 2, 20)),
    ],
)
def test_relative_dates(text: str, day: date) -> None:
    assert parse_date(text, NOW) == day


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert parse_date("1 month ago", date(2026, 3, 31)) == date(2026, 2, 28)


def test_help_text_documents_every_operator() -> None:
    text = query_language_help()
    for op in OPERATORS:
        assert f"`{op}:" in text, op


@settings(max_examples=400, deadline=None)
@given(
    st.text(max_size=60)
    | st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "-",
                ":",
                ",",
                "tag:",
                "is:read",
                "after:",
                "series:",
                "x",
                "佐藤",
                "é",
                "type:highlights",
                "sort:",
                "color:green",
                "/*",
                "entity:",
            ]
        ),
        max_size=12,
    ).map(lambda parts: "".join(p + (" " if i % 2 else "") for i, p in enumerate(parts)))
)
def test_any_text_parses_or_gives_a_query_error(text: str) -> None:
    try:
        q = parse_query(text, now=NOW)
    except QueryError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert q.root is not None or q.kind != "items" or q.sort is not None
