"""Plain records the annotation service hands out: annotations, tags, and "what changed".

Every write returns a :class:`Change`: the annotation (and tag) records as they were before and
after the operation. The GUI refreshes only ``change.item_ids`` / ``change.issue_ids``, and an
undo command calls ``service.revert(change)``; redo calls ``service.revert(change.inverse())``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
KINDS: tuple[str, ...] = ("highlight", "tag", "note", "star")
DEFAULT_COLOR = "yellow"


@dataclass(frozen=True)
class Tag:
    """A tag name with its id (names are unique regardless of case)."""

    id: int
    name: str
    created: str


@dataclass(frozen=True)
class TagCount:
    """A tag with how many items and issues carry it (for the sidebar and ``tags``)."""

    id: int
    name: str
    item_count: int
    issue_count: int


@dataclass(frozen=True)
class Annotation:
    """One annotation row: a highlight, a tag use, a note, or a star.

    ``target`` is ``"item"`` or ``"issue"`` (issue-level tags and notes). An item annotation whose
    item is gone (``item_id is None``) is an **orphan**: it keeps its issue, its selectors and
    ``context`` (the headline of the item it was on) until the user places or deletes it.
    Highlight offsets (``start``/``end``) index the item text ``headline + "\\n" + body``.
    """

    id: int
    kind: str
    target: str
    item_id: int | None
    issue_id: int | None
    tag_id: int | None = None
    tag: str | None = None
    color: str | None = None
    comment: str = ""
    note: str = ""
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    whole: bool = False
    pages: tuple[int, ...] = ()
    context: str = ""
    created: str = ""
    modified: str = ""

    @property
    def orphan(self) -> bool:
        return self.target == "item" and self.item_id is None

    def to_json(self) -> dict[str, Any]:
        """The stable ``annotations --json`` shape (see README "JSON contract")."""
        return {
            "id": self.id,
            "item_id": self.item_id,
            "issue_id": self.issue_id,
            "kind": self.kind,
            "target": self.target,
            "color": self.color,
            "quote": self.exact if self.kind == "highlight" else None,
            "prefix": self.prefix if self.kind == "highlight" else None,
            "suffix": self.suffix if self.kind == "highlight" else None,
            "start": self.start,
            "end": self.end,
            "pages": list(self.pages),
            "comment": self.comment if self.kind == "highlight" else None,
            "tag": self.tag,
            "note": self.note if self.kind == "note" else None,
            "orphan": self.orphan,
            "context": self.context or None,
            "created": self.created,
            "modified": self.modified,
        }


@dataclass(frozen=True)
class Change:
    """What one operation changed: records before and after, plus tag rows before and after.

    An annotation id present only in ``after`` was created; only in ``before``, deleted; in
    both, modified. ``description`` names the action for an Edit menu ("Undo Highlight").
    """

    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()
    tags_before: tuple[Tag, ...] = ()
    tags_after: tuple[Tag, ...] = ()
    description: str = ""
    extra_items: frozenset[int] = field(default_factory=frozenset)
    read_before: tuple[tuple[int, bool], ...] = ()  # (item_id, read) of items mark_read changed
    read_after: tuple[tuple[int, bool], ...] = ()

    @property
    def empty(self) -> bool:
        return (
            self.before == self.after
            and self.tags_before == self.tags_after
            and self.read_before == self.read_after
        )

    def __bool__(self) -> bool:
        return not self.empty

    @property
    def item_ids(self) -> frozenset[int]:
        """Items whose annotations changed (refresh these rows)."""
        ids = {a.item_id for a in (*self.before, *self.after) if a.item_id is not None}
        ids |= {item_id for item_id, _ in (*self.read_before, *self.read_after)}
        return frozenset(ids) | self.extra_items

    @property
    def issue_ids(self) -> frozenset[int]:
        """Issues touched (issue-level annotations, or the issue of a touched item/orphan)."""
        return frozenset(a.issue_id for a in (*self.before, *self.after) if a.issue_id is not None)

    @property
    def annotation_ids(self) -> frozenset[int]:
        return frozenset(a.id for a in (*self.before, *self.after))

    @property
    def created(self) -> tuple[Annotation, ...]:
        old = {a.id for a in self.before}
        return tuple(a for a in self.after if a.id not in old)

    @property
    def removed(self) -> tuple[Annotation, ...]:
        new = {a.id for a in self.after}
        return tuple(a for a in self.before if a.id not in new)

    @property
    def tags_changed(self) -> bool:
        """True when tag names or tag uses changed (refresh the sidebar's Tags section)."""
        return self.tags_before != self.tags_after or any(
            a.kind == "tag" for a in (*self.before, *self.after)
        )

    def inverse(self) -> Change:
        """The change that undoes this one (what ``revert`` performs)."""
        return Change(
            self.after,
            self.before,
            self.tags_after,
            self.tags_before,
            self.description,
            self.extra_items,
            self.read_after,
            self.read_before,
        )

    def then(self, later: Change) -> Change:
        """This change followed by ``later`` as one change (e.g. merging autosaves of a note)."""
        touched = {a.id for a in (*self.before, *self.after)}
        before = {a.id: a for a in self.before}
        before.update({a.id: a for a in later.before if a.id not in touched})
        after = {a.id: a for a in self.after}
        later_after = {a.id for a in later.after}
        for a in later.before:  # deleted by the later change
            if a.id not in later_after:
                after.pop(a.id, None)
        after.update({a.id: a for a in later.after})
        tags_touched = {t.id for t in (*self.tags_before, *self.tags_after)}
        tb = {t.id: t for t in self.tags_before}
        tb.update({t.id: t for t in later.tags_before if t.id not in tags_touched})
        ta = {t.id: t for t in self.tags_after}
        later_tags_after = {t.id for t in later.tags_after}
        for t in later.tags_before:
            if t.id not in later_tags_after:
                ta.pop(t.id, None)
        ta.update({t.id: t for t in later.tags_after})
        read_before = dict(later.read_before)
        read_before.update(dict(self.read_before))
        read_after = dict(self.read_after)
        read_after.update(dict(later.read_after))
        return Change(
            tuple(before.values()),
            tuple(after.values()),
            tuple(tb.values()),
            tuple(ta.values()),
            self.description or later.description,
            self.extra_items | later.extra_items,
            tuple(read_before.items()),
            tuple(read_after.items()),
        )


@dataclass(frozen=True)
class AnnotationHit:
    """A search hit in notes, comments or highlighted text; ``rank`` is BM25 (lower is better)."""

    annotation: Annotation
    snippet: str
    rank: float


@dataclass(frozen=True)
class VersionReport:
    """What happened when a PDF became the new version of an existing issue."""

    issue_id: int
    old_sha256: str
    new_sha256: str
    items_kept: int
    items_added: int
    items_removed: int
    reanchored: int
    fuzzy: int
    orphaned: int

    def warning(self, display_name: str = "") -> str:
        """One line for ``ImportOutcome.warnings``."""
        name = f" ({display_name})" if display_name else ""
        return (
            f"new version of issue {self.issue_id}{name}: {self.reanchored} annotation(s) "
            f"re-anchored ({self.fuzzy} fuzzily), {self.orphaned} orphaned; items: "
            f"{self.items_kept} kept, {self.items_added} added, {self.items_removed} removed"
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
