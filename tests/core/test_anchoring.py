"""Anchoring: quote selectors, fuzzy re-location, item matching, and a corrected PDF re-import.

The re-import test builds two PDFs of the same issue (same series, volume and number): in the
second one sentence is edited and one item is gone. Text is invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations import NotAnOrphanError
from reader.core.annotations.anchoring import (
    CONTEXT,
    Quote,
    item_text,
    locate,
    match_items,
    quote_at,
)
from reader.core.importer import import_paths
from reader.core.library import Library
from tests.core.test_library_support import Store

ITEMS_V1 = [
    (
        "Tide gauge installed at Wrenmouth pier",
        "Engineers from the Saltmarsh Survey fitted a tide gauge to Wrenmouth pier on 2 May. "
        "Readings will be published every ten minutes. The gauge cost 18,000 crowns and was paid "
        "for by the fishing cooperative.",
    ),
    (
        "Bakery guild lowers apprentice fees",
        "The Norholm bakery guild cut apprentice fees by a third after a vote on 5 May. "
        "Guild master Ilse Varga said the cooperative ovens will stay open to apprentices on "
        "Sundays. Twelve new apprentices have signed up since April.",
    ),
    (
        "Footbridge closed for repainting",
        "The iron footbridge over the Kell river closes for repainting from 12 May until the end "
        "of June. Walkers should use the ferry crossing at Amble Quay instead.",
    ),
    (
        "Choir wins regional contest",
        "The Hollin valley choir won the regional contest in Dunmere with a programme of folk "
        "songs. Conductor Petra Sundby thanked the parish for rehearsal space.",
    ),
]
EDITED = "Guild master Ilse Varga said the cooperative ovens would stay open to apprentices on Sundays."
ITEMS_V2 = [
    ITEMS_V1[0],
    (
        ITEMS_V1[1][0],
        ITEMS_V1[1][1].replace(
            "Guild master Ilse Varga said the cooperative ovens will stay open to apprentices on Sundays.",
            EDITED,
        ),
    ),
    ITEMS_V1[3],
]


def digest(
    path: Path,
    items: list[tuple[str, str]],
    *,
    series: str = "Larkspur Ledger",
    label: str = "Vol 4.7",
    date: str = "9 May 2025",
) -> Path:
    """A one-page digest: masthead, headline bullets, detail bullets, footer."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 60
    page.insert_text((50, y), series, fontsize=22, fontname="helv")
    page.insert_text((50, y + 24), f"{label} - {date}", fontsize=11, fontname="helv")
    y += 54
    for headline, _ in items:
        page.insert_text((50, y), "\u2022", fontsize=11, fontname="helv")
        page.insert_text((64, y), headline, fontsize=11, fontname="hebo")
        y += 16
    y += 14
    for _, body in items:
        page.insert_text((50, y + 11), "\u2022", fontsize=10, fontname="helv")
        page.insert_textbox(pymupdf.Rect(64, y, 545, y + 90), body, fontsize=10, fontname="helv")
        y += 100
    page.insert_text((50, 810), "Compiled by the Larkspur volunteers.", fontsize=8, fontname="helv")
    doc.save(str(path))
    doc.close()
    return path


# ---------------------------------------------------------------- pure functions
def test_item_text_is_headline_newline_body() -> None:
    assert item_text("Head", "Body text") == "Head\nBody text"
    assert item_text("", "Body") == "\nBody"


def test_quote_at_keeps_context_either_side() -> None:
    text = "x" * 50 + "TARGET" + "y" * 50
    q = quote_at(text, 50, 56)
    assert (q.exact, q.start, q.end) == ("TARGET", 50, 56)
    assert q.prefix == "x" * CONTEXT and q.suffix == "y" * CONTEXT


def test_locate_exact_and_disambiguates_by_context() -> None:
    text = "the cat sat. A dog ran. the cat slept."
    second = quote_at(text, text.rindex("the cat"), text.rindex("the cat") + 7)
    assert locate(text, second).start == text.rindex("the cat")
    moved = "Preface. " + text
    found = locate(moved, second)
    assert (found.start, found.fuzzy) == (moved.rindex("the cat"), False)


def test_locate_fuzzy_tolerates_a_small_edit() -> None:
    old = "Intro. The council approved a new ferry timetable on 3 March after a long session. End."
    start = old.index("The council")
    end = old.index(" End.")
    q = quote_at(old, start, end)
    new = "Intro. The council approved a revised ferry timetable on 4 March after a long session. End."
    found = locate(new, q)
    assert found is not None and found.fuzzy and found.score < 1.0
    assert new[found.start : found.end] == new[new.index("The council") : new.index(" End.")]


def test_locate_gives_up_on_unrelated_text() -> None:
    q = Quote("harbour dredging contract signed", "", "", 0, 31)
    assert locate("Choir wins the regional contest with folk songs.", q) is None
    assert locate("", q) is None


def test_match_items_pairs_edited_and_skips_removed() -> None:
    old = [item_text(h, b) for h, b in ITEMS_V1]
    new = [item_text(h, b) for h, b in ITEMS_V2]
    assert match_items(old, new) == {0: 0, 1: 1, 3: 2}


# ---------------------------------------------------------------- re-import of a corrected PDF
@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        yield library


def test_corrected_pdf_becomes_new_version_and_annotations_follow(lib: Library, tmp_path: Path) -> None:
    v1 = digest(tmp_path / "ledger-4-7.pdf", ITEMS_V1)
    [first] = import_paths(lib, [v1], jobs=1)
    assert first.outcome == "imported"
    issue_id = first.issue_id
    items = lib.items(issue_id)
    assert [i.headline for i in items] == [h for h, _ in ITEMS_V1]
    a = lib.annotations
    bakery, bridge, tide = items[1], items[2], items[0]
    old_sentence = (
        "Guild master Ilse Varga said the cooperative ovens will stay open to apprentices on Sundays."
    )
    fuzzy_hl = a.add_highlight(bakery.id, quote=old_sentence, color="green", comment="check").after[0]
    exact_hl = a.add_highlight(tide.id, quote="The gauge cost 18,000 crowns").after[0]
    whole_hl = a.add_highlight(tide.id).after[0]
    gone = [
        a.add_highlight(bridge.id, quote="closes for repainting").after[0],
        a.add_highlight(bridge.id, color="pink").after[0],
        a.tag_items([bridge.id], ["roads/closures"]).after[0],
        a.set_note(bridge.id, "Ask the council about the ferry").after[0],
        a.star([bridge.id]).after[0],
    ]
    a.tag_items([tide.id, bakery.id], ["coast"])
    a.set_note(bakery.id, "Fee cut *follow up*")
    a.tag_issues([issue_id], ["weekly"])
    a.set_issue_note(issue_id, "Read on the train")
    lib.set_read([tide.id], True)

    v2 = digest(tmp_path / "ledger-4-7-corrected.pdf", ITEMS_V2)
    [second] = import_paths(lib, [v2], jobs=1)
    assert second.outcome == "imported" and second.issue_id == issue_id
    [warning] = [w for w in second.warnings if "new version" in w]
    assert "6 annotation(s) re-anchored (1 fuzzily), 5 orphaned" in warning
    assert "1 removed" in warning
    assert lib.count_issues() == 1 and lib.get_issue(issue_id).item_count == 3

    new_items = lib.items(issue_id)
    assert [i.id for i in new_items] == [tide.id, bakery.id, items[3].id]  # ids survive
    assert lib.get_item(tide.id).read is True
    # unchanged quote: exact; edited sentence: fuzzy, now covering the corrected words
    assert a.get(exact_hl.id).exact == "The gauge cost 18,000 crowns"
    moved = a.get(fuzzy_hl.id)
    assert moved.item_id == bakery.id and not moved.orphan
    assert moved.exact == EDITED and (moved.color, moved.comment) == ("green", "check")
    text = a.item_text(bakery.id)
    assert text[moved.start : moved.end] == EDITED
    assert a.get(whole_hl.id).whole and a.get(whole_hl.id).end == len(a.item_text(tide.id))
    # the removed item's annotations are orphans, with their selectors and old headline
    orphans = a.orphans(issue_id)
    assert sorted(o.id for o in orphans) == sorted(g.id for g in gone)
    assert {o.kind for o in orphans} == {"highlight", "tag", "note", "star"}
    assert all(o.context == "Footbridge closed for repainting" for o in orphans)
    assert next(o for o in orphans if o.kind == "highlight" and not o.whole).exact == "closes for repainting"
    # item tags/notes of kept items and issue-level ones stayed
    assert a.item_tags(tide.id) == ["coast"] and a.note(bakery.id) == "Fee cut *follow up*"
    assert a.issue_tags(issue_id) == ["weekly"] and a.issue_note(issue_id) == "Read on the train"
    assert [t.name for t in a.tags()] == ["coast", "roads/closures", "weekly"]
    assert lib.search("footbridge") == [] and lib.search("follow")[0].item_id == bakery.id
    # the old version is recorded, and importing it again is a duplicate of the issue
    [version] = a.versions(issue_id)
    assert version["superseded_by"] == lib.get_issue(issue_id).sha256
    assert version["report"]["orphaned"] == 5 and version["report"]["fuzzy"] == 1
    assert [i["headline"] for i in version["items"]][2] == "Footbridge closed for repainting"
    [again] = import_paths(lib, [v1], jobs=1)
    assert again.outcome == "duplicate" and again.issue_id == issue_id
    assert lib.integrity_check() == "ok"


def test_orphans_can_be_placed_or_deleted(lib: Library, tmp_path: Path) -> None:
    [first] = import_paths(lib, [digest(tmp_path / "a.pdf", ITEMS_V1)], jobs=1)
    items = lib.items(first.issue_id)
    a = lib.annotations
    bridge, choir = items[2], items[3]
    hl = a.add_highlight(bridge.id, quote="Walkers should use the ferry crossing").after[0]
    tag = a.tag_items([bridge.id, choir.id], ["music"]).after[0]
    note = a.set_note(bridge.id, "first").after[0]
    a.set_note(choir.id, "second")
    star = a.star([bridge.id]).after[0]
    import_paths(lib, [digest(tmp_path / "b.pdf", ITEMS_V2)], jobs=1)
    assert {o.id for o in a.orphans()} == {hl.id, tag.id, note.id, star.id}
    with pytest.raises(NotAnOrphanError):
        a.place_orphan(a.for_item(choir.id, ["tag"])[0].id, choir.id)

    placed = a.place_orphan(hl.id, choir.id)
    assert placed.after[0].item_id == choir.id and placed.after[0].whole  # quote not there
    merged = a.place_orphan(tag.id, choir.id)  # choir has "music" already: merged away
    assert merged.after == () or all(x.id != tag.id for x in merged.after)
    a.place_orphan(note.id, choir.id)
    assert a.note(choir.id) == "second\n\nfirst"
    a.place_orphan(star.id, choir.id)
    assert lib.get_item(choir.id).starred and a.orphans() == []
    undo = a.revert(placed)
    assert a.get(hl.id).orphan
    removed = a.remove(hl.id)
    assert a.orphans() == []
    a.revert(removed)
    assert [o.id for o in a.orphans()] == [hl.id] and undo


def test_locate_long_quote_with_edits_word_by_word() -> None:
    sentences = [f"Sentence {n} names the harbour, the ferry and sum number {n * 37}." for n in range(30)]
    old = " ".join(sentences)
    start, end = old.index("Sentence 10"), old.index("Sentence 20")
    q = quote_at(old, start, end)
    assert len(q.exact) > 400
    new = old.replace("sum number 555", "sum nr 555").replace("Sentence 15 names", "Sentence 15 lists")
    found = locate("Preface added. " + new, q)
    assert found is not None and found.fuzzy
    got = ("Preface added. " + new)[found.start : found.end]
    assert got.startswith("Sentence 10") and got.rstrip().endswith(f"{19 * 37}.")


def test_match_items_many_items_pairs_by_content_not_position() -> None:
    old = [
        f"Item {n}: the council of town {n} met on day {n} to discuss budget line {n * 7}." for n in range(80)
    ]
    new = [t.replace("met on", "gathered on") for t in reversed(old)]
    pairs = match_items(old, new)
    assert len(pairs) == 80 and all(j == 79 - i for i, j in pairs.items())


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(min_size=1, max_size=60), st.integers(0, 300))
def test_locate_never_fails_and_finds_exact_text(text: str, exact: str, at: int) -> None:
    at = min(at, len(text))
    combined = text[:at] + exact + text[at:]
    q = quote_at(combined, at, at + len(exact))
    found = locate(combined, q)
    assert found is not None and not found.fuzzy and combined[found.start : found.end] == exact
    other = locate(text, q)  # absent or approximate: never an error, always inside the text
    assert other is None or 0 <= other.start < other.end <= len(text)


def test_only_a_true_correction_becomes_a_version(lib: Library, tmp_path: Path) -> None:
    store = Store(lib, tmp_path)
    base = dict(series="Larkspur Ledger", label="Vol 4.7", volume=4, number=7, date="2025-05-09")
    first = store(items=ITEMS_V1, **base)
    assert store(items=ITEMS_V2, **{**base, "series": "larkspur  LEDGER"}) == first  # a version
    other_date = store(items=ITEMS_V2, **{**base, "date": "2025-06-01"})
    unrelated = store(items=[("Completely different", "Nothing in common here at all.")], **base)
    unsorted = [store(items=ITEMS_V1, **{**base, "series": ""}) for _ in range(2)]
    no_number = [store(items=ITEMS_V1, **{**base, "number": None}) for _ in range(2)]
    ids = {first, other_date, unrelated, *unsorted, *no_number}
    assert len(ids) == 7 and lib.count_issues() == 7
    assert len(lib.annotations.versions(first)) == 1
