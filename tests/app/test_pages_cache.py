"""The page render cache (memory bound, LRU) and the page layout geometry: no window needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.app.pages.cache import PageKey, RenderCache
from reader.app.pages.layout import MAX_ZOOM, MIN_ZOOM, PageLayout, step_zoom


def key(page: int, zoom: float = 1.0, doc: str = "a.pdf", dpr: float = 1.0) -> PageKey:
    return PageKey.of(doc, page, zoom, dpr)


def test_cache_stays_within_its_byte_bound_evicting_least_recently_used() -> None:
    cache = RenderCache(max_bytes=300)
    for page in range(3):
        assert cache.put(key(page), f"img{page}", 100)
    assert cache.bytes_used == 300
    assert cache.get(key(0)) == "img0"  # page 0 is now the most recent
    cache.put(key(3), "img3", 100)
    assert key(1) not in cache  # the least recently used went
    assert [k.page for k in cache] == [2, 0, 3]
    cache.put(key(4), "img4", 250)
    assert cache.bytes_used <= 300
    assert list(cache) == [key(4)]


def test_cache_refuses_a_value_bigger_than_the_bound_and_replaces_same_key() -> None:
    cache = RenderCache(max_bytes=100)
    assert not cache.put(key(0), "huge", 101)
    assert len(cache) == 0
    cache.put(key(0), "a", 60)
    cache.put(key(0), "b", 40)
    assert cache.get(key(0)) == "b"
    assert cache.bytes_used == 40


def test_cache_keys_differ_by_zoom_and_dpr_but_not_float_noise() -> None:
    cache = RenderCache()
    cache.put(key(0, 1.5), "z15", 1)
    assert cache.get(key(0, 1.5000000001)) == "z15"
    assert cache.get(key(0, 1.5, dpr=2.0)) is None
    assert cache.get(key(0, 2.0)) is None
    assert cache.hits == 1 and cache.misses == 2


def test_nearest_and_drop_document() -> None:
    cache = RenderCache()
    cache.put(key(0, 1.0), "z1", 1)
    cache.put(key(0, 2.0), "z2", 1)
    cache.put(key(0, 1.0, doc="b.pdf"), "other", 1)
    assert cache.nearest("a.pdf", 0, 1.8, 1.0)[1] == "z2"
    assert cache.nearest("a.pdf", 1, 1.0, 1.0) is None
    cache.put(PageKey.of("a.pdf", 1, 4.0, 1.0, tile=(0, 0)), "tile", 1)
    assert cache.nearest("a.pdf", 1, 4.0, 1.0) is None  # tiles are never stand-ins
    assert cache.drop_document("a.pdf") == 3
    assert list(cache) == [key(0, 1.0, doc="b.pdf")]
    cache.clear()
    assert cache.bytes_used == 0 and len(cache) == 0


def test_layout_stacks_pages_and_maps_points_both_ways() -> None:
    lay = PageLayout()
    lay.set([(600, 800), (600, 800), (400, 300)], zoom=0.5, viewport_width=500)
    assert len(lay.rects) == 3
    x, y, w, h = lay.rects[1]
    assert (w, h) == (300, 400)
    assert x == pytest.approx((500 - 300) / 2)
    assert list(lay.pages_in(0, 100)) == [0]
    assert list(lay.pages_in(y - 5, y + 10)) == [0, 1] or list(lay.pages_in(y - 5, y + 10)) == [1]
    page, px, py = lay.page_at(x + 50, y + 100)
    assert (page, px, py) == (1, 100, 200)
    assert lay.to_layout(1, (100, 200, 300, 260)) == (x + 50, y + 100, 100, 30)
    assert lay.page_at(1, 1) is None  # the margin is no page


def test_fit_zooms_and_zoom_steps() -> None:
    lay = PageLayout()
    lay.set([(600, 800)], zoom=1.0, viewport_width=620)
    assert lay.fit_width_zoom(620) == pytest.approx(1.0)
    assert lay.fit_page_zoom(620, 420) == pytest.approx(0.5)
    assert step_zoom(1.0, +1) > 1.0 > step_zoom(1.0, -1)
    assert step_zoom(MAX_ZOOM, +1) == MAX_ZOOM
    assert step_zoom(0.2, -1) >= MIN_ZOOM


sizes_strategy = st.lists(st.tuples(st.floats(100, 2000), st.floats(100, 2000)), min_size=1, max_size=6)


@given(
    sizes=sizes_strategy,
    zoom=st.floats(MIN_ZOOM, MAX_ZOOM),
    width=st.integers(0, 3000),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_layout_point_mapping_round_trips(sizes, zoom, width, data) -> None:
    lay = PageLayout()
    lay.set(sizes, zoom, width)
    page = data.draw(st.integers(0, len(sizes) - 1))
    w, h = sizes[page]
    x = data.draw(st.floats(0, w))
    y = data.draw(st.floats(0, h))
    lx, ly = lay.point_to_layout(page, x, y)
    hit = lay.page_at(lx, ly)
    assert hit is not None and hit[0] == page  # pages never overlap (there is a gap)
    assert hit[1] == pytest.approx(x, abs=1e-6) and hit[2] == pytest.approx(y, abs=1e-6)
    top = lay.rects[page][1]
    assert page in lay.pages_in(top, top + 1)
