"""Undoable annotation actions: every write runs through the service and lands on a QUndoStack.

A command holds the core ``Change`` the write returned. Undo is ``service.revert(change)``,
redo ``service.revert(change.inverse())``; neither touches a widget: views refresh from the
service's ``annotations_changed`` signal (orange-canvas-core's ``document/commands.py`` idea).
The first ``redo()`` Qt makes on push is skipped, because the write has already happened (it
had to, to learn the Change).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.annotations import Change, normalise_tag

NOTE_COMMAND_ID = 4101


# A plain name lupdate recognises (a wrapper function would hide the strings from it).
translate = QCoreApplication.translate


def _tag_names(tags: Iterable[str] | str) -> list[str]:
    """Tag names as the core reads them: normalised, case-insensitive duplicates dropped."""
    names: dict[str, str] = {}
    for raw in [tags] if isinstance(tags, str) else tags:
        name = normalise_tag(raw)
        names.setdefault(name.lower(), name)
    return list(names.values())


class ChangeCommand(QUndoCommand):
    """One undo step made of a core Change (already applied when pushed)."""

    def __init__(self, service: LibraryService, change: Change, text: str = "") -> None:
        super().__init__(text or change.description or translate("AnnotationController", "Annotation"))
        self.service = service
        self.change = change
        self._done = True  # applied by the caller before the push
        self.merge_key: object = None

    def redo(self) -> None:
        if self._done:
            return
        done = self.service.revert(self.change.inverse())
        if done is None:
            self.setObsolete(True)
            return
        self._done = True

    def undo(self) -> None:
        done = self.service.revert(self.change)
        if done is None:
            self.setObsolete(True)
            return
        self._done = False

    def id(self) -> int:  # noqa: A003 - Qt API
        return NOTE_COMMAND_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Consecutive autosaves of one note (same ``merge_key``) become one undo step."""
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        self.change = self.change.then(other.change)
        return True


class AnnotationController(QObject):
    """Named, undoable annotation actions for the window, its panels and dialogs.

    Each returns the core Change (None when the library refused; the service already told
    the status bar why). ``last_color`` remembers the colour of the last highlight.
    """

    def __init__(self, service: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.stack = QUndoStack(self)
        self.stack.setObjectName("annotationUndoStack")
        self.last_color = "yellow"

    def _do(self, operation: str, *args: Any, merge_key: object = None, **kwargs: Any) -> Change | None:
        change = self.service.annotate(operation, *args, **kwargs)
        if change:
            command = ChangeCommand(self.service, change, self.describe(operation, args, change))
            command.merge_key = merge_key
            self.stack.push(command)
        return change

    def describe(self, operation: str, args: tuple[Any, ...], change: Change) -> str:
        """The undo step's name in the window's language ("Undo %1" in the Edit menu).

        The core's ``Change.description`` is English (the core has no Qt); this says the same
        from the operation and its arguments, through tr(). Unknown operations keep the core's.
        """
        kind = next((a.kind for a in (*change.before, *change.after)), "")
        if operation == "add_highlight":
            return self.tr("Highlight")
        if operation == "recolor":
            return self.tr("Recolour highlight")
        if operation == "set_comment":
            return self.tr("Comment highlight")
        if operation == "remove":
            removed = {a.kind for a in change.before}
            return {"highlight": self.tr("Remove highlight"), "tag": self.tr("Remove tag"),
                    "note": self.tr("Remove note"), "star": self.tr("Remove star")}.get(
                removed.pop() if len(removed) == 1 else "", self.tr("Remove annotation"))
        if operation in ("tag_items", "tag_issues", "untag_items", "untag_issues"):
            n, names = len(set(args[0])), self._quoted(_tag_names(args[1]))
            text = {"tag_items": self.tr("Tag %n item(s) with %1", "", n),
                    "tag_issues": self.tr("Tag %n issue(s) with %1", "", n),
                    "untag_items": self.tr("Untag %1 from %n item(s)", "", n),
                    "untag_issues": self.tr("Untag %1 from %n issue(s)", "", n)}[operation]
            return fill(text, names)
        if operation == "rename_tag":
            return fill(self.tr("Rename tag %1 to %2"), *(self._quoted([normalise_tag(t)]) for t in args))
        if operation == "merge_tags":
            return fill(self.tr("Merge %1 into %2"), self._quoted(_tag_names(args[0])),
                        self._quoted([normalise_tag(args[1])]))
        if operation in ("set_note", "set_issue_note"):
            if not change.after:
                return self.tr("Clear note")
            return self.tr("Edit note") if change.before else self.tr("Add note")
        if operation == "star":
            return self.tr("Star") if args[1] else self.tr("Unstar")
        if operation == "mark_read":
            return self.tr("Mark read") if args[1] else self.tr("Mark unread")
        if operation == "place_orphan":
            return {"highlight": self.tr("Place highlight"), "tag": self.tr("Place tag"),
                    "note": self.tr("Place note"), "star": self.tr("Place star")}.get(
                kind, self.tr("Place annotation"))
        return str(change.description)

    def _quoted(self, names: list[str]) -> str:
        return ", ".join(fill(self.tr("'%1'", "a quoted tag name"), name) for name in names)

    # highlights
    def highlight(self, item_id: int, *, color: str | None = None, start: int | None = None,
                  end: int | None = None, comment: str = "") -> Change | None:
        color = color or self.last_color
        change = self._do("add_highlight", item_id, color=color, start=start, end=end, comment=comment)
        if change:
            self.last_color = color
        return change

    def recolor(self, annotation_id: int, color: str) -> Change | None:
        change = self._do("recolor", annotation_id, color)
        if change:
            self.last_color = color
        return change

    def set_comment(self, annotation_id: int, comment: str) -> Change | None:
        return self._do("set_comment", annotation_id, comment)

    def remove(self, annotation_ids: int | Iterable[int]) -> Change | None:
        return self._do("remove", annotation_ids)

    # tags
    def tag_items(self, item_ids: Iterable[int], tags: Iterable[str] | str) -> Change | None:
        return self._do("tag_items", list(item_ids), tags)

    def untag_items(self, item_ids: Iterable[int], tags: Iterable[str] | str) -> Change | None:
        return self._do("untag_items", list(item_ids), tags)

    def tag_issues(self, issue_ids: Iterable[int], tags: Iterable[str] | str) -> Change | None:
        return self._do("tag_issues", list(issue_ids), tags)

    def untag_issues(self, issue_ids: Iterable[int], tags: Iterable[str] | str) -> Change | None:
        return self._do("untag_issues", list(issue_ids), tags)

    def rename_tag(self, old: str, new: str) -> Change | None:
        return self._do("rename_tag", old, new)

    def merge_tags(self, sources: Iterable[str] | str, into: str) -> Change | None:
        return self._do("merge_tags", sources, into)

    # notes
    def set_note(self, item_id: int, text: str, *, session: object = None) -> Change | None:
        """Save an item note; saves with the same ``session`` merge into one undo step."""
        key = None if session is None else ("item", item_id, session)
        return self._do("set_note", item_id, text, merge_key=key)

    def set_issue_note(self, issue_id: int, text: str, *, session: object = None) -> Change | None:
        key = None if session is None else ("issue", issue_id, session)
        return self._do("set_issue_note", issue_id, text, merge_key=key)

    # stars, read state, orphans
    def star(self, item_ids: Iterable[int], starred: bool = True) -> Change | None:
        return self._do("star", list(item_ids), starred)

    def mark_read(self, item_ids: Iterable[int], read: bool = True) -> Change | None:
        return self._do("mark_read", list(item_ids), read)

    def place_orphan(self, annotation_id: int, item_id: int) -> Change | None:
        return self._do("place_orphan", annotation_id, item_id)
