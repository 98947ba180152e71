"""The query sanitizer: any user text becomes a valid FTS5 expression or a QueryError."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import QueryError
from reader.core.library.fts_query import to_fts_query


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(headline, body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)",
        [
            ("Chip export controls", "New rules on semiconductor exports."),
            ("Café prices", "Don't expect cheaper coffee in São Paulo."),
            ("Grid storage", "Export of batteries and chips grew."),
            ("東京 report", "Officials met in 東京."),
        ],
    )
    return conn


def _match(conn: sqlite3.Connection, text: str) -> list[int]:
    query = to_fts_query(text)
    return [r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", [query])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chip", '"chip"'),
        ("chip*", '"chip"*'),
        ("Chip  Export", '"Chip" AND "Export"'),
        ('"export controls"', '"export controls"'),
        ('"export cont"*', '"export cont"*'),
        ("chip AND export", '"chip" AND "export"'),
        ("chip OR coffee", '"chip" OR "coffee"'),
        ("export NOT chip", '"export" NOT "chip"'),
        ("(chip OR coffee) AND export", '( "chip" OR "coffee" ) AND "export"'),
        ("don't", '"don\'t"'),
        ("chip-*", '"chip"*'),
        ("and or not", '"and" AND "or" AND "not"'),
        ("chip AND", '"chip" "AND"'),
        ("OR chip", '"OR" "chip"'),
        ("(chip", '"chip"'),
        ("chip)", '"chip"'),
        ('chip "', '"chip"'),
        ('"chip', '"chip"'),
        ("chip # export", '"chip" AND "export"'),
        ("NEAR(chip export)", '"NEAR" AND ( "chip" AND "export" )'),
        ("headline:chip", '"headline:chip"'),
        ("-chip", '"-chip"'),
        ("(chip OR coffee) export", '( "chip" OR "coffee" ) AND "export"'),
        ("x NOT y z", '"x" NOT "y" AND "z"'),
        ("a\x00b", '"ab"'),
    ],
)
def test_translation(text: str, expected: str) -> None:
    assert to_fts_query(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "*", '"', '""', "#", "-", ":", "()", "((", "* * *", '" "', "!?"])
def test_nothing_to_search_is_query_error(text: str) -> None:
    with pytest.raises(QueryError, match="nothing to search for") as err:
        to_fts_query(text)
    assert "\n" not in str(err.value)


def test_non_text_is_query_error() -> None:
    with pytest.raises(QueryError):
        to_fts_query(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("chip*", [1, 3]),
        ("chips", [3]),
        ('"export controls"', [1]),
        ("export NOT chip", [3]),
        ("(coffee OR batteries) AND export", [3]),
        ("cafe", [2]),  # diacritics ignored
        ("SAO paulo", [2]),
        ("don't", [2]),
        ("chip AND", []),  # "and" becomes a word: no item has both
        ('export "', [1, 3]),
        ("#export", [1, 3]),
        ("東京", [4]),
        ("export NOT chip batteries", [3]),  # (export NOT chip) AND batteries
        ("(coffee OR batteries) export", [3]),
    ],
)
def test_queries_against_fts5(fts: sqlite3.Connection, text: str, rows: list[int]) -> None:
    assert _match(fts, text) == rows


SYNTAX = st.sampled_from(
    ['"', "*", "(", ")", "AND", "OR", "NOT", "NEAR", "#", "-", ":", "^", "+", "'", ",", ".",
     " ", " ", "chip", "export", "café", "東京", "\x00", "\\", "{", "}", "[", "]"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SYNTAX, max_size=12).map("".join))
def test_syntax_soup_never_breaks_fts5(fts: sqlite3.Connection, text: str) -> None:
    try:
        _match(fts, text)
    except QueryError:
        pass


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_arbitrary_text_never_breaks_fts5(fts: sqlite3.Connection, text: str) -> None:
    try:
        _match(fts, text)
    except QueryError as err:
        assert "\n" not in str(err)
