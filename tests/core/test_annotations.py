"""AnnotationService: each kind, every error case, undo/redo through revert, tags, notes in search."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotations import (
    COLORS,
    BadRangeError,
    BadTagError,
    Change,
    EmptyTagError,
    QuoteNotFoundError,
    TagExistsError,
    UnknownAnnotationError,
    UnknownColorError,
    UnknownIssueError,
    UnknownItemError,
    UnknownTagError,
    normalise_tag,
)
from reader.core.errors import NotFoundError, UserError
from reader.core.library import Library
from tests.core.test_library_support import Store

ITEMS = [
    ("Grid operator signs storage deal", "The operator agreed to buy capacity from Halvard Cells."),
    ("Wind auction results", "Three bidders won offshore blocks worth 40 million."),
    ("Ferry fares frozen", "The ferry company froze fares until the autumn."),
]


@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        yield library


@pytest.fixture
def ids(lib: Library, tmp_path: Path) -> dict:
    store = Store(lib, tmp_path)
    issue = store(items=ITEMS)
    other = store(label="Vol 2.11", number=11, items=[("Port levy", "A levy on cargo.")])
    return {
        "issue": issue,
        "other": other,
        "items": [i.id for i in lib.items(issue)],
        "other_item": lib.items(other)[0].id,
    }


def snapshot(lib: Library) -> list:
    """Everything annotation-related, for comparing states before/after undo."""
    a = lib.annotations
    return [a.annotations(), a.tags(), lib.item_ids("starred"), lib.item_ids("unread")]


# ---------------------------------------------------------------- highlights
def test_highlight_whole_item_range_and_quote(lib: Library, ids: dict) -> None:
    a = lib.annotations
    first = ids["items"][0]
    text = a.item_text(first)
    assert text == ITEMS[0][0] + "\n" + ITEMS[0][1]
    whole = a.add_highlight(first).after[0]
    assert (whole.kind, whole.color, whole.start, whole.end) == ("highlight", "yellow", 0, len(text))
    assert whole.whole
    assert whole.exact == text and whole.pages == (1,) and whole.issue_id == ids["issue"]
    ranged = a.add_highlight(first, start=5, end=13, color="Blue", comment="who?").after[0]
    assert (ranged.exact, ranged.color, ranged.comment, ranged.whole) == ("operator", "blue", "who?", False)
    assert ranged.prefix == "Grid " and ranged.suffix.startswith(" signs storage deal\nThe")
    quoted = a.add_highlight(first, quote="halvard cells", color="purple").after[0]
    assert quoted.exact == "Halvard Cells" and text[quoted.start : quoted.end] == "Halvard Cells"
    spaced = a.add_highlight(first, quote="storage   deal").after[0]
    assert spaced.exact == "storage deal"
    assert [h.id for h in a.highlights(first)] == [whole.id, ranged.id, spaced.id, quoted.id]


def test_every_colour_and_recolour_and_comment(lib: Library, ids: dict) -> None:
    a = lib.annotations
    item = ids["items"][1]
    made = [a.add_highlight(item, color=c).after[0] for c in COLORS]
    assert [h.color for h in made] == list(COLORS)
    change = a.recolor(made[0].id, "green")
    assert change.before[0].color == "yellow" and change.after[0].color == "green"
    assert change.item_ids == {item} and change.issue_ids == {ids["issue"]}
    assert not a.recolor(made[0].id, "green")  # nothing changed: empty Change is falsy
    comment = a.set_comment(made[0].id, "Important")
    assert a.get(made[0].id).comment == "Important" and comment.after[0].modified
    assert a.set_comment(made[0].id, "").after[0].comment == ""


def test_highlight_errors(lib: Library, ids: dict) -> None:
    a = lib.annotations
    item = ids["items"][0]
    with pytest.raises(UnknownItemError, match="no item with id 999"):
        a.add_highlight(999)
    with pytest.raises(UnknownItemError):
        a.add_highlight("nope")  # type: ignore[arg-type]
    with pytest.raises(UnknownColorError, match="unknown colour 'orange': use one of yellow"):
        a.add_highlight(item, color="orange")
    with pytest.raises(QuoteNotFoundError, match="does not occur in item"):
        a.add_highlight(item, quote="not in the text")
    with pytest.raises(QuoteNotFoundError):
        a.add_highlight(item, quote="   ")
    with pytest.raises(BadRangeError):
        a.add_highlight(item, start=5, end=5)
    with pytest.raises(BadRangeError):
        a.add_highlight(item, start=0, end=10_000)
    hl = a.add_highlight(item).after[0]
    with pytest.raises(UnknownColorError):
        a.recolor(hl.id, "")
    with pytest.raises(UnknownAnnotationError):
        a.recolor(12345, "green")
    tag = a.tag_items([item], "x").after[0]
    with pytest.raises(UnknownAnnotationError, match="is a tag, not a highlight"):
        a.set_comment(tag.id, "no")
    for err in (UnknownItemError, UnknownColorError, QuoteNotFoundError, UnknownAnnotationError):
        assert issubclass(err, UserError)
    assert issubclass(UnknownItemError, NotFoundError)
    assert a.annotations(kinds=["highlight"]) == [hl]  # failed calls wrote nothing


def test_remove_and_restore_keep_the_same_id(lib: Library, ids: dict) -> None:
    a = lib.annotations
    hl = a.add_highlight(ids["items"][0], quote="storage deal", comment="c").after[0]
    removed = a.remove_highlight(hl.id)
    assert removed.before == (hl,) and removed.after == () and removed.description == "Remove highlight"
    with pytest.raises(UnknownAnnotationError):
        a.get(hl.id)
    a.restore(removed.before)
    assert a.get(hl.id) == hl


# ---------------------------------------------------------------- undo / redo
def test_every_operation_undoes_and_redoes_exactly(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, three = ids["items"]
    a.tag_items([one], ["keep"])
    hl = a.add_highlight(two, quote="Three bidders").after[0]
    ops = [
        lambda: a.add_highlight(one, quote="storage deal", color="pink"),
        lambda: a.recolor(hl.id, "blue"),
        lambda: a.set_comment(hl.id, "a comment"),
        lambda: a.remove(hl.id),
        lambda: a.tag_items([one, two, three], ["energy", "region/north"]),
        lambda: a.untag_items([one], ["keep"]),
        lambda: a.tag_issues([ids["issue"]], ["weekly"]),
        lambda: a.set_note(one, "A *note*"),
        lambda: a.set_issue_note(ids["issue"], "Issue note"),
        lambda: a.star([one, two]),
        lambda: a.rename_tag("keep", "kept"),
        lambda: a.merge_tags(["keep"], "energy"),
        lambda: a.mark_read([one, two]),
    ]
    for op in ops:
        before = snapshot(lib)
        change = op()
        assert isinstance(change, Change) and change, change
        after = snapshot(lib)
        assert after != before
        undone = a.revert(change)
        assert snapshot(lib) == before, change.description
        a.revert(undone)  # redo
        assert snapshot(lib) == after, change.description
        a.revert(change)  # leave the library as it was for the next op
        assert snapshot(lib) == before


def test_star_and_unstar_with_library_views(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, _ = ids["items"]
    change = a.star([one, two])
    assert {s.item_id for s in change.after} == {one, two} and all(s.kind == "star" for s in change.after)
    assert set(lib.item_ids("starred")) == {one, two} and lib.get_item(one).starred
    assert not a.star([one])  # already starred: nothing changed
    off = a.unstar([one])
    assert [s.item_id for s in off.before] == [one] and lib.item_ids("starred") == [two]
    lib.set_starred([one], True)  # the library's own setter is mirrored too
    assert {s.item_id for s in a.annotations(kinds=["star"])} == {one, two}
    lib.set_starred([one, two], False)
    assert a.annotations(kinds=["star"]) == []
    with pytest.raises(UnknownItemError):
        a.star([one, 424242])
    assert lib.item_ids("starred") == []


def test_mark_read_lists_only_items_that_changed(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, three = ids["items"]
    lib.set_read([one], True)
    change = a.mark_read([one, two, three])
    assert change.read_before == ((two, False), (three, False)) and change.item_ids == {two, three}
    assert change.description == "Mark read" and lib.item_ids("unread") == [ids["other_item"]]
    a.revert(change)
    assert set(lib.item_ids("unread")) == {two, three, ids["other_item"]}
    assert not a.mark_read([one])
    with pytest.raises(UnknownItemError):
        a.mark_read([999])


def test_note_set_edit_clear_and_merging_autosaves(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one = ids["items"][0]
    first = a.set_note(one, "Draft")
    second = a.set_note(one, "Draft, longer")
    assert first.description == "Add note" and second.description == "Edit note"
    assert second.before[0].id == second.after[0].id and a.note(one) == "Draft, longer"
    typed = first.then(second)  # one undo step for a burst of autosaves
    a.revert(typed)
    assert a.note(one) == "" and a.annotations(kinds=["note"]) == []
    a.revert(typed.inverse())
    assert a.note(one) == "Draft, longer"
    cleared = a.set_note(one, "   ")
    assert cleared.before and not cleared.after and a.note(one) == ""
    assert not a.clear_note(one)
    with pytest.raises(UnknownItemError):
        a.set_note(999, "x")
    with pytest.raises(UnknownIssueError):
        a.set_issue_note(999, "x")


# ---------------------------------------------------------------- tags
def test_tag_normalisation_and_errors() -> None:
    assert normalise_tag("  Region /  South  East Asia// ") == "Region/South East Asia"
    for bad in ("", "   ", "/", " // "):
        with pytest.raises(EmptyTagError):
            normalise_tag(bad)
    with pytest.raises(BadTagError, match="comma"):
        normalise_tag("a,b")


def test_bulk_tagging_reports_only_what_changed(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, three = ids["items"]
    a.tag_items([one], ["energy"])
    change = a.tag_items([one, two, three, two], ["Energy", " grid "])
    added = {(x.item_id, x.tag) for x in change.after}
    assert added == {(two, "energy"), (three, "energy"), (one, "grid"), (two, "grid"), (three, "grid")}
    assert [t.name for t in change.tags_after] == ["grid"] and change.tags_changed
    assert change.item_ids == {one, two, three}
    assert not a.tag_items([one], ["ENERGY"])
    assert a.item_tags(two) == ["energy", "grid"]
    counts = {t.name: (t.item_count, t.issue_count) for t in a.tags()}
    assert counts == {"energy": (3, 0), "grid": (3, 0)}
    for bad in ([""], ["  "], []):
        with pytest.raises(EmptyTagError):
            a.tag_items([one], bad)
    with pytest.raises(UnknownItemError, match="no item with id 777"):
        a.tag_items([one, 777], ["x"])
    assert "x" not in [t.name for t in a.tags()]  # nothing half-done
    removed = a.untag_items([one, two], ["grid"])
    assert {x.item_id for x in removed.before} == {one, two} and a.item_tags(three) == ["energy", "grid"]
    gone = a.untag_items([three], ["grid"])
    assert [t.name for t in gone.tags_before] == ["grid"]  # last use: the tag goes too
    assert [t.name for t in a.tags()] == ["energy"]
    assert a.tag_names("EN") == ["energy"] and a.tag_names("zz") == []


def test_issue_tags(lib: Library, ids: dict) -> None:
    a = lib.annotations
    change = a.tag_issues([ids["issue"], ids["other"]], ["weekly"])
    assert change.issue_ids == {ids["issue"], ids["other"]} and change.item_ids == set()
    assert a.issue_tags(ids["issue"]) == ["weekly"]
    assert [(t.name, t.item_count, t.issue_count) for t in a.tags()] == [("weekly", 0, 2)]
    assert a.untag_issues([ids["other"]], ["weekly"]).before[0].issue_id == ids["other"]
    with pytest.raises(UnknownIssueError):
        a.tag_issues([4242], ["x"])


def test_filter_items_by_tags_all_any_and_nested(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, three = ids["items"]
    other = ids["other_item"]
    a.tag_items([one, two], ["energy"])
    a.tag_items([two, three, other], ["region/north"])
    a.tag_items([three], ["region/south"])
    assert a.item_ids_with_tags(["energy", "region/north"]) == [two]
    assert a.item_ids_with_tags(["energy", "region/south"], mode="any") == [one, two, three]
    # "Vol 2.11" sorts before "Vol 2.10" (same date, higher number first)
    assert a.item_ids_with_tags(["region/*"]) == [other, two, three]
    assert a.item_ids_with_tags(["region"]) == []
    assert a.item_ids_with_tags(["nothing"], mode="any") == []
    with pytest.raises(UserError, match="unknown tag filter mode"):
        a.item_ids_with_tags(["energy"], mode="some")


def test_rename_tag_with_children_and_clash(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, _ = ids["items"]
    a.tag_items([one], ["region/north", "region/south/coast"])
    a.tag_items([two], ["Region", "places"])
    change = a.rename_tag("region", "Area")
    assert sorted(t.name for t in change.tags_after) == ["Area", "Area/north", "Area/south/coast"]
    assert a.item_tags(one) == ["Area/north", "Area/south/coast"] and change.item_ids == {one, two}
    with pytest.raises(TagExistsError, match="merge"):
        a.rename_tag("area", "places")
    with pytest.raises(UnknownTagError):
        a.rename_tag("nowhere", "x")
    a.rename_tag("area/north", "area/NORTH")  # case-only rename is allowed
    assert a.item_tags(one) == ["area/NORTH", "Area/south/coast"]


def test_merge_tags_removes_duplicates(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, three = ids["items"]
    a.tag_items([one, two], ["chips"])
    a.tag_items([two, three], ["semiconductors"])
    a.tag_issues([ids["issue"]], ["semiconductors"])
    change = a.merge_tags(["semiconductors"], "chips")
    assert [t.name for t in change.tags_before] == ["semiconductors"]
    assert {t.name: (t.item_count, t.issue_count) for t in a.tags()} == {"chips": (3, 1)}
    assert a.item_ids_with_tags(["chips"]) == [one, two, three]
    with pytest.raises(UnknownTagError):
        a.merge_tags(["nope"], "chips")
    assert not a.merge_tags(["chips"], "CHIPS")


# ---------------------------------------------------------------- search and listing
def test_notes_and_highlight_comments_are_searchable(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, _ = ids["items"]
    a.set_note(one, "Ask Marguerite about the pelican contract")
    hl = a.add_highlight(two, quote="Three bidders", comment="compare with the kestrel bid").after[0]
    assert [h.item_id for h in lib.search("pelican")] == [one]
    assert [h.item_id for h in lib.search("kestrel")] == [two]
    assert "[kestrel]" in lib.search("kestrel")[0].snippet
    a.set_comment(hl.id, "no bird here")
    assert lib.search("kestrel") == []
    a.set_note(one, "")
    assert lib.search("pelican") == []
    a.set_issue_note(ids["issue"], "osprey")  # issue notes are not item text
    assert lib.search("osprey") == []
    assert lib.integrity_check() == "ok"


def test_annotations_listing_and_json_shape(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, _ = ids["items"]
    a.tag_issues([ids["issue"]], ["weekly"])
    a.add_highlight(two, quote="Three bidders", color="green", comment="c")
    a.tag_items([one], ["energy"])
    a.set_note(one, "n")
    a.star([one])
    a.add_highlight(ids["other_item"])
    listed = a.annotations(ids["issue"])
    assert [(x.kind, x.item_id) for x in listed] == [
        ("tag", None),
        ("tag", one),
        ("note", one),
        ("star", one),
        ("highlight", two),
    ]
    assert len(a.annotations()) == 6 and a.annotations(ids["other"])[0].kind == "highlight"
    keys = {
        "id",
        "item_id",
        "issue_id",
        "kind",
        "color",
        "quote",
        "comment",
        "tag",
        "note",
        "orphan",
        "created",
        "modified",
    }
    for x in listed:
        data = x.to_json()
        assert keys <= set(data) and data["orphan"] is False
    hl = listed[-1].to_json()
    assert (hl["color"], hl["quote"], hl["comment"], hl["tag"]) == ("green", "Three bidders", "c", None)
    assert listed[0].to_json()["tag"] == "weekly" and listed[0].to_json()["target"] == "issue"
    assert a.for_items([one, two, 999]).keys() == {one, two}
    with pytest.raises(UnknownIssueError):
        a.annotations(999)


def test_closed_library_refuses(lib: Library, ids: dict) -> None:
    a = lib.annotations
    lib.close()
    with pytest.raises(UserError, match="closed"):
        a.tags()


def test_search_in_notes_comments_and_issue_notes(lib: Library, ids: dict) -> None:
    a = lib.annotations
    one, two, _ = ids["items"]
    note = a.set_note(one, "Ask Marguerite about the pelican contract").after[0]
    hl = a.add_highlight(two, quote="Three bidders", comment="pelican bid too").after[0]
    issue_note = a.set_issue_note(ids["issue"], "Pelican season issue").after[0]
    hits = a.search("pelican")
    assert {h.annotation.id for h in hits} == {note.id, hl.id, issue_note.id}
    assert all("[pelican]" in h.snippet.lower() for h in hits)
    assert [h.annotation.id for h in a.search("bidders")] == [hl.id]  # the highlighted text
    assert [h.annotation.id for h in a.search("pelican", kinds=["highlight"])] == [hl.id]
    a.set_issue_note(ids["issue"], "")
    assert {h.annotation.id for h in a.search("pelican")} == {note.id, hl.id}
    a.revert(a.remove(hl.id))
    assert len(a.search("pelican")) == 2 and a.search('"unbalanced') == []
    with pytest.raises(UserError):
        a.search("   ")


def test_any_user_text_gets_an_answer(lib: Library, ids: dict) -> None:
    """Arbitrary text as tag, quote, colour, note, comment or search: success or a UserError."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    a = lib.annotations
    item = ids["items"][0]

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=40), st.sampled_from(["tag", "quote", "color", "note", "comment", "search"]))
    def check(text: str, what: str) -> None:
        try:
            if what == "tag":
                change = a.tag_items([item], [text])
                assert normalise_tag(text) in a.item_tags(item)
                a.revert(change)
            elif what == "quote":
                a.revert(a.add_highlight(item, quote=text))
            elif what == "color":
                a.revert(a.add_highlight(item, color=text))
            elif what == "note":
                change = a.set_note(item, text)
                assert a.note(item) == (text if text.strip() else "")
                a.revert(change)
            elif what == "comment":
                change = a.add_highlight(item, comment=text)
                assert a.get(change.after[0].id).comment == text
                a.revert(change)
            else:
                a.search(text)
        except UserError as err:
            assert "\n" not in str(err)

    check()
    assert a.annotations() == [] and a.tags() == []
