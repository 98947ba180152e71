"""Library.search: BM25 ranking (headline above body), snippets with marks, series filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import QueryError
from reader.core.library import Library
from tests.core.test_library_support import Store


@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        work = tmp_path / "w"
        work.mkdir()
        store = Store(library, work)
        store(series="Energy Brief", label="Vol 1.1", volume=1, number=1, items=[
            ("Ministers debate tariffs", (
                "A long paragraph that mentions semiconductor supply once among many other "
                "words about ports, shipping lanes, tariffs and customs duties.")),
            ("Semiconductor plant opens", "The factory in Kumamoto employs 1,700 people."),
        ])
        store(series="Asia Watch", label="Issue 5", volume=None, number=5, items=[
            ("Rail link approved", "Officials in Osaka approved a semiconductor logistics hub."),
            ("Naïve forecasts", "Analysts revised the café sector outlook for Zürich."),
        ])
        yield library


def test_headline_match_beats_body_match(lib: Library) -> None:
    hits = lib.search("semiconductor")
    assert len(hits) == 3
    assert hits[0].headline == "Semiconductor plant opens"
    assert hits[0].rank < hits[1].rank <= hits[2].rank
    assert hits[0].series == "Energy Brief" and hits[0].label == "Vol 1.1"


def test_snippet_marks_the_match(lib: Library) -> None:
    hit = lib.search("kumamoto")[0]
    assert "[Kumamoto]" in hit.snippet
    hit = lib.search("kumamoto", marks=("<b>", "</b>"))[0]
    assert "<b>Kumamoto</b>" in hit.snippet
    body_hit = next(h for h in lib.search("semiconductor") if h.headline == "Rail link approved")
    assert "[semiconductor]" in body_hit.snippet


def test_prefix_phrase_and_operators(lib: Library) -> None:
    assert {h.headline for h in lib.search("semi*")} == {
        "Ministers debate tariffs", "Semiconductor plant opens", "Rail link approved"}
    assert [h.headline for h in lib.search('"logistics hub"')] == ["Rail link approved"]
    assert [h.headline for h in lib.search("semiconductor NOT osaka NOT tariffs")] == [
        "Semiconductor plant opens"]
    assert {h.headline for h in lib.search("kumamoto OR osaka")} == {
        "Semiconductor plant opens", "Rail link approved"}


def test_diacritics_ignored_both_ways(lib: Library) -> None:
    assert [h.headline for h in lib.search("naive cafe zurich")] == ["Naïve forecasts"]
    assert [h.headline for h in lib.search("Zürich")] == ["Naïve forecasts"]


def test_series_filter_and_limit(lib: Library) -> None:
    asia = next(s.id for s in lib.list_series() if s.name == "Asia Watch")
    assert [h.headline for h in lib.search("semiconductor", series_id=asia)] == ["Rail link approved"]
    assert len(lib.search("semiconductor", limit=1)) == 1
    assert lib.search("semiconductor", limit=0) == []


def test_no_match_is_empty(lib: Library) -> None:
    assert lib.search("photosynthesis") == []


@pytest.mark.parametrize("query", ["*", '"', "", "#", " - ", "()"])
def test_nothing_to_search(lib: Library, query: str) -> None:
    with pytest.raises(QueryError):
        lib.search(query)


@pytest.mark.parametrize("query", ['semiconductor "', "semiconductor AND", "(osaka", "osaka)",
                                   "#osaka", "-osaka", "osaka:", "NOT osaka", "osaka OR OR"])
def test_messy_queries_still_answer(lib: Library, query: str) -> None:
    assert isinstance(lib.search(query), list)


def test_index_follows_item_changes(lib: Library) -> None:
    """The triggers keep the FTS index in step with updates and deletes."""
    item = lib.search("kumamoto")[0]
    lib._db.execute("UPDATE items SET body = 'Moved to Sendai.' WHERE id = ?", [item.item_id])
    assert lib.search("kumamoto") == []
    assert lib.search("sendai")[0].item_id == item.item_id
    lib.set_read([item.item_id], True)  # flag updates don't disturb the index
    assert lib.search("sendai")[0].item_id == item.item_id
    lib._db.execute("DELETE FROM items WHERE id = ?", [item.item_id])
    assert lib.search("sendai") == []
    assert lib._db.execute(
        "INSERT INTO items_fts(items_fts, rank) VALUES('integrity-check', 1)"
    ).rowcount is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30) | st.lists(st.sampled_from(
    ['"', "*", "(", ")", "AND", "OR", "NOT", "#", "-", ":", " ", "semi", "osaka", "é"]),
    max_size=10).map(" ".join))
def test_any_text_gets_results_or_query_error(lib: Library, text: str) -> None:
    try:
        assert isinstance(lib.search(text), list)
    except QueryError as err:
        assert "\n" not in str(err)
