"""Threads across issues on the sample issues: related items, timelines, followed topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.entities import facets, find_entities, item_entities, reindex
from reader.core.errors import NotFoundError
from reader.core.search import add_saved, follow, mark_seen, news, related, search, timeline
from tests.core.test_search_support import build_sample_library, item_id_by_headline


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):
    library = build_sample_library(tmp_path_factory.mktemp("samples") / "lib")
    yield library
    library.close()


def test_related_items_come_from_other_issues_of_the_series(lib) -> None:
    chips = item_id_by_headline(lib, "Chip subsidy round")  # Pacific Tech Ledger No. 41
    hits = related(lib, chips, limit=5)
    source_issue = lib.get_item(chips).issue_id
    assert hits and all(h.hit.issue_id != source_issue for h in hits)
    best = hits[0]
    assert best.hit.series == "Pacific Tech Ledger" and best.hit.label == "No. 43"
    assert "経済産業省" in best.shared  # the ministry appears in both issues
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_related_shares_rare_words_even_without_entities(lib) -> None:
    robots = item_id_by_headline(lib, "Osaka expo site")  # No. 43: delivery robots in 大阪
    labels = {(h.hit.series, h.hit.label) for h in related(lib, robots, limit=3)}
    assert ("Pacific Tech Ledger", "No. 41") in labels  # the warehouse robots startup in 大阪


def test_related_unknown_item(lib) -> None:
    with pytest.raises(NotFoundError):
        related(lib, 10**6)


def test_timeline_of_an_entity_runs_oldest_first(lib) -> None:
    res = timeline(lib, "経済産業省")
    assert [h.label for h in res.hits] == ["No. 41", "No. 43"]
    assert [h.date for h in res.hits] == sorted(h.date for h in res.hits)


def test_timeline_of_a_query(lib) -> None:
    dates = [h.date or "" for h in timeline(lib, "auction*").hits]
    assert len(dates) >= 2 and dates == sorted(dates)


def test_facets_count_items_per_entity(lib) -> None:
    places = {f.name: f.item_count for f in facets(lib, "place", limit=None)}
    assert places["Osaka"] >= 2 and places["大阪"] >= 2
    people = facets(lib, "person", limit=None)
    assert any(f.name == "Fiona Calloway" for f in people)
    assert all(f.kind == "person" for f in people)
    in_series = {f.name for f in facets(lib, "place", query='series:"Pacific Tech"', limit=None)}
    assert "Osaka" in in_series and "Leeds" not in in_series
    first = facets(lib, "org", limit=1)[0]
    assert search(lib, first.query).hits  # a facet's query filters to its items


def test_entities_of_one_item_and_lookup(lib) -> None:
    item = item_id_by_headline(lib, "Regulator delays capacity")
    names = {(e.kind, e.name) for e in item_entities(lib, item)}
    assert {("person", "Fiona Calloway"), ("place", "Leeds"), ("date", "14 April")} <= names
    assert [e.kind for e in find_entities(lib, "fiona calloway")] == ["person"]


def test_reindex_rebuilds_the_same_entities(lib) -> None:
    before = {(f.kind, f.norm, f.item_count) for f in facets(lib, limit=None)}
    assert reindex(lib) == lib.stats()["items"]
    assert {(f.kind, f.norm, f.item_count) for f in facets(lib, limit=None)} == before


def test_news_lists_items_imported_since_last_seen(tmp_path: Path) -> None:
    from reader.core.library import Library, file_sha256
    from reader.core.parse import parse
    from reader.core.search.hooks import after_store
    from tests.core.test_search_support import SAMPLES

    def store(lib, name: str) -> None:
        pdf = SAMPLES / name
        after_store(lib, lib.store_issue(parse(pdf), pdf, file_sha256(pdf), original_name=name))

    with Library.open(tmp_path / "l") as lib:
        store(lib, "pacific-tech-41.pdf")
        saved = add_saved(lib, "Ministry", "経済産業省")
        follow(lib, saved.id)
        mark_seen(lib, saved.id, "2000-01-01T00:00:00+00:00")  # everything so far is news
        assert [len(n.hits) for n in news(lib)] == [1]
        mark_seen(lib, saved.id, "2999-01-01T00:00:00+00:00")  # seen everything
        assert [len(n.hits) for n in news(lib)] == [0]
        mark_seen(lib, saved.id, "2000-01-01T00:00:00+00:00")
        store(lib, "pacific-tech-43.pdf")
        assert [h.label for h in news(lib)[0].hits] == ["No. 43", "No. 41"]
        assert news(lib, since="2999-01-01")[0].hits == ()
        follow(lib, saved.id, False)
        assert news(lib) == []
