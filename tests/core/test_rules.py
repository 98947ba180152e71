"""Rules applied by the importer to newly imported items, and saved searches (CRUD, order, counts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import NotFoundError, QueryError, UserError
from reader.core.importer import import_paths
from reader.core.library import Library
from reader.core.search import (
    add_rule,
    add_saved,
    apply_rules,
    delete_rule,
    delete_saved,
    enable_rule,
    get_saved,
    list_rules,
    list_saved,
    move_saved,
    rename_saved,
    saved_counts,
    search,
    update_saved,
)
from tests.core.test_search_support import SAMPLES


def test_rules_run_on_newly_imported_items_only(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        first = import_paths(lib, [SAMPLES / "pacific-tech-41.pdf"], jobs=1)
        assert first[0].outcome == "imported"
        chips = add_rule(lib, 'series:"Pacific Tech" semiconductor* OR 補助金', "tag", "chips")
        star = add_rule(lib, "place:Osaka", "star")
        read = add_rule(lib, "series:grid", "read")
        assert [r.id for r in list_rules(lib)] == [chips.id, star.id, read.id]
        outcomes = import_paths(
            lib, [SAMPLES / "pacific-tech-43.pdf", SAMPLES / "grid-pipe-2-10.pdf"], jobs=2
        )
        assert [o.outcome for o in outcomes] == ["imported", "imported"]
        assert all(not o.warnings for o in outcomes)
        tagged = search(lib, "tag:chips", limit=None).hits
        assert [h.label for h in tagged] == ["No. 43"]  # not No. 41: it was imported before
        assert "補助金" in tagged[0].headline
        assert {h.label for h in search(lib, "is:starred", limit=None).hits} == {"No. 43"}
        grid = search(lib, "series:grid", limit=None).hits
        assert grid and all(h.read for h in grid)
        # on demand, over the whole library
        results = {r.rule.id: r.item_ids for r in apply_rules(lib)}
        assert len(results[chips.id]) == 2 and len(search(lib, "tag:chips").hits) == 2


def test_disabled_and_deleted_rules_do_nothing(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        rule = add_rule(lib, "semiconductor", "star")
        enable_rule(lib, rule.id, False)
        import_paths(lib, [SAMPLES / "pacific-tech-41.pdf"], jobs=1)
        assert search(lib, "is:starred").hits == ()
        delete_rule(lib, rule.id)
        assert list_rules(lib) == [] and apply_rules(lib) == []


@pytest.mark.parametrize(
    ("query", "action", "argument", "error"),
    [
        ("foo:bar", "tag", "x", QueryError),
        ("chips", "delete", "", UserError),
        ("chips", "tag", "", UserError),
        ("chips", "tag", "a,b", UserError),
        ("chips", "star", "extra", UserError),
    ],
)
def test_bad_rules_are_refused(tmp_path: Path, query: str, action: str, argument: str, error: type) -> None:
    with Library.open(tmp_path / "lib") as lib:
        with pytest.raises(error):
            add_rule(lib, query, action, argument)


def test_saved_searches_crud_order_and_counts(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [SAMPLES / "pacific-tech-41.pdf"], jobs=1)
        a = add_saved(lib, "Chips", "semiconductor*")
        b = add_saved(lib, "Osaka", "大阪")
        c = add_saved(lib, "First", "robots", position=0)
        assert [s.name for s in list_saved(lib)] == ["First", "Chips", "Osaka"]
        assert [s.position for s in list_saved(lib)] == [0, 1, 2]
        move_saved(lib, "first", 2)
        assert [s.name for s in list_saved(lib)] == ["Chips", "Osaka", "First"]
        rename_saved(lib, b.id, "Ōsaka news")
        assert get_saved(lib, "ōsaka NEWS").query == "大阪"
        counts = saved_counts(lib)
        assert counts == {a.id: 1, b.id: 1, c.id: 1}
        update_saved(lib, a.id, "semiconductor* OR robots")
        assert saved_counts(lib)[a.id] == 2
        with pytest.raises(UserError):
            add_saved(lib, "chips", "x")  # names are unique, case-insensitively
        with pytest.raises(QueryError):
            add_saved(lib, "Bad", "colour:mauve")
        with pytest.raises(UserError):
            rename_saved(lib, c.id, "CHIPS")
        delete_saved(lib, "Chips")
        assert [(s.name, s.position) for s in list_saved(lib)] == [("Ōsaka news", 0), ("First", 1)]
        with pytest.raises(NotFoundError):
            get_saved(lib, "Chips")
