"""A bounded, least-recently-used cache of rendered pages, with a memory bound in bytes.

Keys are ``PageKey(document, page, zoom, dpr, tile)``: the same page at another zoom or device
pixel ratio (or another tile of a big page) is another entry (Frescobaldi's qpageview keys its
cache the same way). Values are anything (the page pane stores ``QPixmap``s); the caller says
how many bytes each one costs. Plain Python, no Qt, so it is testable without a window.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Any, NamedTuple

# Pixmaps at 4 bytes a pixel: ~15 full-HD screens of pages and thumbnails.
DEFAULT_MAX_BYTES = 128 * 1024 * 1024


class PageKey(NamedTuple):
    """What identifies one rendered page image. ``zoom`` and ``dpr`` are rounded to 1/1000 so
    float noise does not create near-duplicate entries."""

    document: Hashable
    page: int
    zoom: float
    dpr: float
    tile: tuple[int, int] | None = None  # (column, row) of a tile of a big page; None = whole page

    @classmethod
    def of(
        cls, document: Hashable, page: int, zoom: float, dpr: float, tile: tuple[int, int] | None = None
    ) -> PageKey:
        return cls(document, int(page), round(float(zoom), 3), round(float(dpr), 3), tile)


class RenderCache:
    """LRU mapping ``PageKey -> value`` whose summed byte sizes stay within ``max_bytes``.

    ``put`` evicts least-recently-used entries until the new one fits; a value larger than the
    whole bound is not stored. ``get`` marks an entry as recently used.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = int(max_bytes)
        self._entries: OrderedDict[PageKey, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[PageKey]:
        return iter(self._entries)

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def get(self, key: PageKey) -> Any | None:
        """The value for ``key`` (now most recently used), or None."""
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    def put(self, key: PageKey, value: Any, nbytes: int) -> bool:
        """Store ``value`` costing ``nbytes``; evict LRU entries to stay in bound.
        Returns False when the value alone exceeds the bound (and is not stored)."""
        nbytes = max(0, int(nbytes))
        self.discard(key)
        if nbytes > self.max_bytes:
            return False
        while self._entries and self._bytes + nbytes > self.max_bytes:
            _, (_, old) = self._entries.popitem(last=False)
            self._bytes -= old
        self._entries[key] = (value, nbytes)
        self._bytes += nbytes
        return True

    def discard(self, key: PageKey) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry[1]

    def nearest(self, document: Hashable, page: int, zoom: float, dpr: float) -> tuple[PageKey, Any] | None:
        """Another whole-page rendering of the same page (closest zoom; tiles never), to stretch
        as a placeholder while the right one renders. Does not count as a hit or change the LRU order."""
        best: tuple[float, PageKey, Any] | None = None
        for key, (value, _) in self._entries.items():
            if key.document == document and key.page == page and key.tile is None:
                distance = abs(key.zoom * key.dpr - zoom * dpr)
                if best is None or distance < best[0]:
                    best = (distance, key, value)
        return None if best is None else (best[1], best[2])

    def drop_document(self, document: Hashable) -> int:
        """Forget every page of ``document``; returns how many entries went."""
        gone = [k for k in self._entries if k.document == document]
        for key in gone:
            self.discard(key)
        return len(gone)

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0
