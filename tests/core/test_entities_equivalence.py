"""The fast entity extraction gives exactly what the original one gave.

Two references: ``golden/entities.json`` (written by ``make_entities_golden.py`` from the code
before the speed work: every sample item, every hand-written expected name, 300 generated
digest items, 300 seeded mixed texts) and ``entities_oracle.py`` (a frozen verbatim copy of that
code) for hypothesis-made text. Entities are compared as ordered lists, so the order of first
mention (what ``extract`` returns) counts, and so do names, norms and mention counts.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.entities.extract import extract, extract_counts
from reader.core.search.cjk import grams
from reader.core.search.hooks import prepare_items
from tests.core import entities_oracle as oracle
from tests.core.entity_texts import texts
from tests.core.make_entities_golden import expected_names, sample_items

HERE = Path(__file__).resolve().parent
GOLDEN = json.loads((HERE / "golden" / "entities.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = GOLDEN["cases"]
SAMPLES = {ident: (headline, body) for ident, headline, body in sample_items()}


def _text(case: dict[str, Any]) -> tuple[str, str]:
    if case["source"] == "sample":
        return SAMPLES[case["id"]]
    if case["source"] == "name":
        return "", case["id"].removeprefix("name:")
    return case["headline"], case["body"]


def _entities(found: dict[Any, int]) -> list[list[Any]]:
    return [[e.kind, e.name, e.norm, n] for e, n in found.items()]


def test_golden_covers_every_sample_item_and_expected_name() -> None:
    """A new sample issue or expected name must get a golden case (rerun the generator)."""
    ids = {c["id"] for c in CASES}
    assert set(SAMPLES) <= ids
    assert {f"name:{n}" for n in expected_names()} <= ids
    by_source = Counter(c["source"] for c in CASES)
    assert by_source["digest"] >= 300 and by_source["mixed"] >= 300
    kinds = Counter(e[0] for c in CASES for e in c["entities"])
    assert min(kinds[k] for k in ("person", "org", "place", "money", "date")) >= 100, kinds
    assert sum(bool(c["grams"][0] or c["grams"][1]) for c in CASES) >= 200


def test_golden_inputs_are_unchanged() -> None:
    changed = [
        c["id"]
        for c in CASES
        if hashlib.sha256("\n".join(_text(c)).encode("utf-8")).hexdigest()[:16] != c["sha"]
    ]
    assert not changed, f"inputs changed since the golden was made: {changed[:5]}"


@pytest.mark.parametrize("source", ["sample", "name", "digest", "mixed"])
def test_extract_counts_equals_golden(source: str) -> None:
    cases = [c for c in CASES if c["source"] == source]
    assert cases
    for case in cases:
        headline, body = _text(case)
        got = _entities(extract_counts(f"{headline}\n{body}"))
        assert got == case["entities"], case["id"]
        assert [[e.kind, e.name, e.norm] for e in extract(f"{headline}\n{body}")] == [
            e[:3] for e in case["entities"]
        ], case["id"]


@pytest.mark.parametrize("source", ["sample", "name", "digest", "mixed"])
def test_prepare_items_equals_golden(source: str) -> None:
    cases = [c for c in CASES if c["source"] == source]
    prepared = prepare_items([_text(c) for c in cases])
    want = [(c["grams"][0], c["grams"][1], tuple(tuple(e) for e in c["entities"])) for c in cases]
    assert list(prepared) == want


def test_oracle_equals_golden() -> None:
    """The oracle is still the code the golden was made with."""
    for case in CASES:
        headline, body = _text(case)
        assert _entities(oracle.extract_counts(f"{headline}\n{body}")) == case["entities"], case["id"]
        assert [oracle.grams(headline), oracle.grams(f"{body}\n")] == case["grams"], case["id"]


def _same_as_oracle(text: str) -> None:
    assert _entities(extract_counts(text)) == _entities(oracle.extract_counts(text))
    assert grams(text) == oracle.grams(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_same_as_oracle_on_entity_rich_text(text: str) -> None:
    _same_as_oracle(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=2, max_size=4).map("\n".join))
def test_same_as_oracle_on_longer_text(text: str) -> None:
    """Longer texts: caches keyed by position or by text see several runs and clauses."""
    _same_as_oracle(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_same_as_oracle_on_any_text(text: str) -> None:
    _same_as_oracle(text)
