"""find_issue: ids and printed labels, with clear messages for no match and ambiguity."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import NotFoundError, UserError
from reader.core.library import AmbiguousError, Library
from reader.core.library.refs import parse_ref
from tests.core.test_library_support import Store


@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        work = tmp_path / "w"
        work.mkdir()
        store = Store(library, work)
        store(series="Energy Brief", label="Vol 2.10", volume=2, number=10)  # id 1
        store(series="Energy Brief", label="Vol 2.11", volume=2, number=11)  # id 2
        store(series="Asia Watch", label="Volume 3, No. 4", volume=3, number=4)  # id 3
        store(series="Field Notes", label="Issue 17", volume=None, number=17, date=None)  # id 4
        store(series="Asia Watch", label="Vol 2.10", volume=2, number=10)  # id 5
        store(series="Field Notes", label="Issue 2", volume=None, number=2, date=None)  # id 6
        yield library


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("1", 1),
        ("4", 4),
        ("Volume 3, No. 4", 3),
        ("volume 3 no 4", 3),
        ("3.4", 3),
        ("Vol 3.4", 3),
        ("v3 n4", 3),
        ("Issue 17", 4),
        ("issue   17", 4),
        ("#17", 4),
        ("No. 17", 4),
        ("17", 4),  # no issue has id 17: issue number 17
        ("2.11", 2),
        ("Energy Brief Vol 2.10", 1),
        ("energy brief 2.10", 1),
        ("Asia Watch 2.10", 5),
        ("Asia 2.10", 5),
        ("Field Notes 2", 6),
    ],
)
def test_find_issue_refs(lib: Library, ref: str, expected: int) -> None:
    assert lib.find_issue(ref).id == expected


def test_ambiguous_label_lists_candidates(lib: Library) -> None:
    with pytest.raises(AmbiguousError) as err:
        lib.find_issue("Vol 2.10")
    message = str(err.value)
    assert isinstance(err.value, UserError)
    assert message.startswith("ambiguous: 'Vol 2.10' matches 2 issues:")
    assert "Energy Brief Vol 2.10 (id 1)" in message and "Asia Watch Vol 2.10 (id 5)" in message
    assert "\n" not in message
    assert set(err.value.candidates) == {1, 5}


@pytest.mark.parametrize("ref", ["99.99", "Issue 99", "Nonsense label", "Unknown Series 2.10"])
def test_no_match_is_not_found(lib: Library, ref: str) -> None:
    with pytest.raises(NotFoundError, match="no issue matches"):
        lib.find_issue(ref)


@pytest.mark.parametrize("ref", ["", "   "])
def test_empty_ref(lib: Library, ref: str) -> None:
    with pytest.raises(NotFoundError, match="no issue given"):
        lib.find_issue(ref)


def test_odd_refs_never_crash(lib: Library) -> None:
    for ref in ["%", "_", "'", '"', "\\", "2.", ".10", "vol", "Vol 2.10.3", "1e5", "-1", "٣"]:
        try:
            lib.find_issue(ref)
        except UserError:
            pass


def test_parse_ref_parts() -> None:
    assert parse_ref("12").id == 12 and parse_ref("12").number == 12
    ref = parse_ref("Energy Brief, Vol. 2, No. 10")
    assert (ref.series, ref.volume, ref.number, ref.id) == ("Energy Brief", 2, 10, None)
    ref = parse_ref("Issue 17")
    assert (ref.series, ref.volume, ref.number) == (None, None, 17)
    assert parse_ref("hello").number is None
