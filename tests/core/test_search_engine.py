"""Search over a small library: ranking, every operator, combinations, CJK substrings,
highlights, sorting, counts, and arbitrary text getting an answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import QueryError
from reader.core.library import Library
from reader.core.search import count, item_ids, matches, search
from reader.core.search.hooks import after_store
from tests.core.test_library_support import Store

NOW = date(2026, 3, 10)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("search")
    lib = Library.open(folder / "lib")
    store = Store(lib, folder)
    ids: dict[str, int] = {}

    def add(key: str, **kwargs: object) -> None:
        issue = store(**kwargs)
        after_store(lib, issue)
        for n, item in enumerate(lib.items(issue)):
            ids[f"{key}{n + 1}"] = item.id
        ids[key] = issue

    add(
        "a",
        series="Energy Brief",
        label="Vol 1.1",
        volume=1,
        number=1,
        date="2026-01-10",
        items=[
            (
                "Ministers debate tariffs",
                (
                    "A long paragraph that mentions semiconductor supply once among many other "
                    "words about ports, shipping lanes, tariffs and customs duties."
                ),
            ),
            ("Semiconductor plant opens", "The factory in Kumamoto employs 1,700 people."),
        ],
    )
    add(
        "b",
        series="Asia Watch",
        label="Issue 5",
        volume=None,
        number=5,
        date="2026-03-01",
        items=[
            ("Rail link approved", "Officials in Osaka approved a semiconductor logistics hub."),
            ("Naïve forecasts", "Analysts revised the café sector outlook for Zürich."),
            ("東京の新駅", "Deputy director 佐藤 健 said the 大阪 line opens. 経済産業省 approved it."),
        ],
    )
    add(
        "c",
        series="Energy Brief",
        label="Vol 1.2",
        volume=1,
        number=2,
        date=None,
        items=[
            ("Grid storage deal", "Battery storage capacity doubles while export controls loom."),
            ("Export controls tightened", "New rules on chip exports were announced."),
        ],
    )
    svc = lib.annotations
    svc.tag_items([ids["a2"]], ["chips", "region/asia"])
    svc.tag_items([ids["b1"]], ["region"])
    svc.tag_items([ids["c1"]], ["energy"])
    svc.tag_issues([ids["b"]], ["watchlist"])
    svc.add_highlight(ids["a2"], color="green", comment="check the headcount")
    svc.add_highlight(ids["c2"], color="yellow", quote="chip exports")
    svc.set_note(ids["b2"], "remember the pelican")
    lib.set_starred([ids["b1"]], True)
    lib.set_read([ids["a1"]], True)
    yield lib, ids
    lib.close()


def found(world, query: str, **kw: object) -> list[str]:
    lib, ids = world
    names = {v: k for k, v in ids.items() if len(k) == 2}
    return [names[i] for i in search(lib, query, limit=None, now=NOW, **kw).item_ids]


def test_headline_match_beats_body_match(world) -> None:
    assert found(world, "semiconductor")[0] == "a2"
    assert set(found(world, "semiconductor")) == {"a1", "a2", "b1"}
    assert found(world, '"export controls"') == ["c2", "c1"]


def test_prefix_phrase_and_boolean_operators(world) -> None:
    assert set(found(world, "semi*")) == {"a1", "a2", "b1"}
    assert set(found(world, "semiconductor NOT osaka")) == {"a1", "a2"}
    assert set(found(world, "semiconductor -osaka")) == {"a1", "a2"}
    assert set(found(world, "kumamoto OR osaka")) == {"a2", "b1"}
    assert found(world, "(kumamoto OR osaka) plant") == ["a2"]
    assert found(world, "semiconductor AND plant") == ["a2"]


def test_diacritics_are_ignored(world) -> None:
    assert found(world, "naive cafe zurich") == ["b2"]
    assert found(world, "Zürich") == ["b2"]


def test_notes_and_highlight_comments_are_searched(world) -> None:
    assert found(world, "pelican") == ["b2"]
    assert found(world, "headcount") == ["a2"]


def test_snippets_mark_the_match(world) -> None:
    lib, ids = world
    hit = search(lib, "kumamoto", marks=("<b>", "</b>")).hits[0]
    assert "<b>Kumamoto</b>" in hit.snippet and hit.series == "Energy Brief" and hit.label == "Vol 1.1"
    prefix = search(lib, "kumamo*").hits[0]  # prefix snippets are built without FTS5 snippet()
    assert "[Kumamoto]" in prefix.snippet
    assert "[Zürich]" in search(lib, "zurich").hits[0].snippet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag:chips", {"a2"}),
        ("tag:chips,energy", {"a2", "c1"}),  # any of
        ("tag:chips tag:region/asia", {"a2"}),  # all of
        ("tag:chips tag:energy", set()),
        ("tag:region/*", {"a2", "b1"}),  # a tag and its children
        ("tag:region", {"b1"}),
        ("tag:REGION/ASIA", {"a2"}),
        ("tag:watchlist", {"b1", "b2", "b3"}),  # an issue tag covers its items
        ("-tag:chips", {"a1", "b1", "b2", "b3", "c1", "c2"}),
        ('series:"Energy Brief"', {"a1", "a2", "c1", "c2"}),
        ("series:asia semiconductor", {"b1"}),
        ("issue:1.1", {"a1", "a2"}),
        ('issue:"Issue 5"', {"b1", "b2", "b3"}),
        ("issue:5", {"b1", "b2", "b3"}),
        ('issue:"Vol 1.2",1.1', {"a1", "a2", "c1", "c2"}),
        ("is:read", {"a1"}),
        ("is:unread series:energy", {"a2", "c1", "c2"}),
        ("is:starred", {"b1"}),
        ("has:highlights", {"a2", "c2"}),
        ("has:notes", {"b2"}),
        ("has:comments", {"a2"}),
        ("has:tags", {"a2", "b1", "b2", "b3", "c1"}),
        ("color:green", {"a2"}),
        ("color:yellow,green", {"a2", "c2"}),
        ("before:2026-02-01", {"a1", "a2"}),
        ("after:2026-02-01 before:2026-04-01", {"b1", "b2", "b3"}),
        ('after:"2 weeks ago" series:asia', {"b1", "b2", "b3"}),  # now = 2026-03-10
        ("place:kumamoto", {"a2"}),
        ('person:"佐藤 健"', {"b3"}),
        ('entity:"Osaka"', {"b1"}),
        ("tag:chips OR is:starred", {"a2", "b1"}),
        ("semiconductor (tag:chips OR is:starred)", {"a2", "b1"}),
        ("-(tag:chips OR has:notes) series:energy", {"a1", "c1", "c2"}),
        ("storage OR tag:chips", {"a2", "c1"}),
        ("has:highlights -color:green", {"c2"}),
    ],
)
def test_operators_and_combinations(world, query: str, expected: set[str]) -> None:
    assert set(found(world, query)) == expected
    assert count(world[0], query, now=NOW) == len(expected)


def test_filters_alone_list_newest_issue_first(world) -> None:
    assert found(world, "series:energy")[:2] == ["a1", "a2"]  # undated C goes last
    assert found(world, "semiconductor sort:date") == ["b1", "a1", "a2"]
    assert found(world, "semiconductor sort:oldest") == ["a1", "a2", "b1"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("佐藤", ["b3"]),  # a two-character name
        ("大阪", ["b3"]),
        ("経済", ["b3"]),  # the start of a longer run (経済産業省)
        ("産業", ["b3"]),  # the middle of it
        ("産業省", ["b3"]),
        ("東", ["b3"]),  # one character, in the headline
        ("駅", ["b3"]),  # one character at the end of a run
        ("新駅 佐藤", ["b3"]),
        ("佐藤 semiconductor", []),
        ("東京大阪", []),  # not adjacent in the text
    ],
)
def test_cjk_substrings(world, query: str, expected: list[str]) -> None:
    assert found(world, query) == expected


def test_cjk_mixed_with_other_words_and_snippets(world) -> None:
    assert set(found(world, "佐藤 OR kumamoto")) == {"a2", "b3"}
    hit = search(world[0], "佐藤").hits[0]
    assert "[佐藤]" in hit.snippet


def test_highlights_instead_of_items(world) -> None:
    lib, ids = world
    res = search(lib, "type:highlights", now=NOW)
    assert res.kind == "highlights" and {h.item_id for h in res.hits} == {ids["a2"], ids["c2"]}
    chip = search(lib, "type:highlights chip").hits
    assert [h.exact for h in chip] == ["chip exports"]
    green = search(lib, "type:highlights color:green").hits
    assert [(h.item_id, h.comment) for h in green] == [(ids["a2"], "check the headcount")]
    assert count(lib, "type:highlights series:energy") == 2


def test_paging_counts_ids_and_matches(world) -> None:
    lib, ids = world
    every = search(lib, "series:energy", limit=None).item_ids
    assert search(lib, "series:energy", limit=2, offset=1).item_ids == every[1:3]
    assert item_ids(lib, "series:energy") == every
    assert matches(lib, "semiconductor", [ids["a1"], ids["b2"], ids["b1"]]) == sorted([ids["a1"], ids["b1"]])
    assert search(lib, "semiconductor", limit=0).hits == ()


def test_library_search_still_returns_search_hits(world) -> None:
    lib, ids = world
    hits = lib.search("semiconductor", limit=2)
    assert [h.item_id for h in hits] == found_ids(world, "semiconductor")[:2]
    assert lib.search("tag:chips")[0].item_id == ids["a2"]


def found_ids(world, query: str) -> list[int]:
    return search(world[0], query, limit=None).item_ids


def test_bigram_index_follows_edits(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        store = Store(lib, tmp_path)
        issue = store(items=[("Plain", "Nothing to see.")])
        item = lib.items(issue)[0].id
        assert search(lib, "熊本").hits == ()
        lib._db.execute("UPDATE items SET body = '熊本の工場' WHERE id = ?", [item])
        assert search(lib, "熊本").item_ids == [item]
        lib.annotations.set_note(item, "大阪で会議")  # notes are searched too
        assert search(lib, "大阪").item_ids == [item]
        lib._db.execute("DELETE FROM items WHERE id = ?", [item])
        assert search(lib, "熊本").hits == ()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=40)
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
                "tag:",
                "tag:chips",
                "is:read",
                "佐藤",
                "大",
                "semi",
                "osaka",
                "é",
                ":",
                "type:highlights",
                "sort:date",
                "color:green",
                "after:2026-01-01",
                "has:notes",
                "series:energy",
                "NEAR(",
                "{",
                "^",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_any_text_gets_results_or_a_query_error(world, text: str) -> None:
    try:
        res = search(world[0], text, limit=5, now=NOW)
        assert count(world[0], text, now=NOW) >= len(res.hits)
    except QueryError as err:
        assert str(err) and "\n" not in str(err)


def test_library_from_before_issue_6_gets_bigrams_and_pending_entities(tmp_path: Path) -> None:
    """Upgrading: items stored under migration 0004 are found by CJK substrings after 0005,
    and wait for entity extraction until it is run."""
    from reader.core.entities import facets, index_pending, pending_count
    from reader.core.library import db as dbmod

    with Library.open(tmp_path / "lib") as lib:
        Store(lib, tmp_path)(items=[("熊本の工場", "Deputy director 佐藤 健 said Kumamoto grows.")])
    # roll the library back to what issue 4 made: no 0005 tables, bigram columns or queue rows
    conn = dbmod.connect(tmp_path / "lib" / "library.sqlite")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_search'")
    for table in ("cjk_dirty", "entity_dirty", "item_entities", "entities", "saved_searches", "rules"):
        conn.execute(f"DROP TABLE {table}")
    for trigger in (
        "items_search_dirty_ai",
        "items_search_dirty_text",
        "items_search_dirty_notes",
        "items_search_dirty_ad",
    ):
        conn.execute(f"DROP TRIGGER {trigger}")
    for name in ("items_fts_ai", "items_fts_ad", "items_fts_au"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE items_fts")  # the three-column index of migrations 0003/0004
    conn.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5(headline, body, annotation_text,"
        " content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    conn.execute("ALTER TABLE items DROP COLUMN cjk_head")
    conn.execute("ALTER TABLE items DROP COLUMN cjk_rest")
    conn.close()
    with Library.open(tmp_path / "lib") as lib:
        assert [h.headline for h in search(lib, "佐藤").hits] == ["熊本の工場"]
        assert [h.headline for h in search(lib, "工場").hits] == ["熊本の工場"]
        assert pending_count(lib) == 1 and facets(lib) == []
        assert index_pending(lib) == 1 and pending_count(lib) == 0
        assert {f.name for f in facets(lib, "person")} == {"佐藤 健"}
