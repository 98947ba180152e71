"""Fixtures shared by the core tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.core.render import RenderProcess


@pytest.fixture(scope="module")
def rp() -> Iterator[RenderProcess]:
    """A render process for the tests of one module (started once, closed after them)."""
    with RenderProcess(deadline=20) as process:
        yield process
