"""A large backlog of items waiting for CJK bigrams (a library upgraded from before they
existed) can be worked through in batches while searches stay quick; searches are complete
again once it is done, and by default (the command line) always are."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.search import catch_up_cjk, cjk_pending, search
from tests.core.test_library_support import Store


@pytest.fixture
def upgraded(tmp_path: Path):
    """Six issues of three items, the last with a two-character Japanese name; every item
    waits for its bigrams, as right after migration 0005 on an old library."""
    lib = Library.open(tmp_path / "lib")
    store = Store(lib, tmp_path)
    for n in range(6):
        items = [(f"Harbour note {n}.{k}", f"Plain text of item {k} in issue {n}.") for k in range(2)]
        if n == 5:
            items.append(("Port visit", "Deputy director 佐藤 健 toured the terminal."))
        store(label=f"Vol 2.{n + 1}", volume=2, number=n + 1, items=items)
    lib._db.execute("UPDATE items SET cjk_head = '', cjk_rest = ''")  # noqa: SLF001
    lib._db.execute("INSERT OR IGNORE INTO cjk_dirty (item_id) SELECT id FROM items")  # noqa: SLF001
    yield lib
    lib.close()


def _found(lib: Library, query: str) -> list[str]:
    return [hit.headline for hit in search(lib, query)]


def test_by_default_a_search_brings_every_item_up_to_date_first(upgraded: Library) -> None:
    assert cjk_pending(upgraded) == 13
    assert upgraded.search_sync_limit is None
    assert _found(upgraded, "佐藤") == ["Port visit"]
    assert cjk_pending(upgraded) == 0


def test_with_the_limit_at_zero_searches_leave_the_backlog_to_the_catch_up(upgraded: Library) -> None:
    upgraded.search_sync_limit = 0
    assert _found(upgraded, "harbour") != []  # plain words are found meanwhile
    assert cjk_pending(upgraded) == 13  # the search did no bigram work
    left = [catch_up_cjk(upgraded, batch=5) for _ in range(4)]
    assert left == [8, 3, 0, 0]
    assert _found(upgraded, "佐藤") == ["Port visit"]
    upgraded.search_sync_limit = None


def test_a_positive_limit_bounds_the_work_one_search_does(upgraded: Library) -> None:
    upgraded.search_sync_limit = 4
    search(upgraded, "harbour")
    assert cjk_pending(upgraded) == 9
    upgraded.search_sync_limit = -3  # clamped to 0
    assert upgraded.search_sync_limit == 0
