"""The library service: the only way widgets read or change the library.

It wraps :class:`reader.core.library.Library` with named operations and announces changes as
events, so views refresh just what changed (Anki's ``aqt/operations`` pattern):

- ``issues_changed()``: issues or series were added or removed (after an import);
- ``items_changed(list[int])``: read/starred state of these item ids changed;
- ``issues_updated(list[int])``: counts of these issue ids changed (follows items_changed);
- ``failed(str)``: a change could not be written (one-line message; nothing else changed);
- ``annotations_changed(list[int], list[int])``: annotations of these item ids / issue ids
  changed (highlights, tags, notes, stars, read state done through :meth:`annotate`);
- ``tags_changed()``: tag names or uses changed (the Tags section recounts).

Annotation writes go through :meth:`annotate` (a named AnnotationService operation) and
:meth:`revert` (undo/redo); both return the core ``Change`` (None when refused) and announce it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from reader.core.errors import UserError
from reader.core.library import IssueRow, ItemRow, Library, SearchHit, SeriesRow

if TYPE_CHECKING:  # imported lazily at run time: the GUI starts without the export/search code
    from reader.app.links import OpenRequest, OpenTarget
    from reader.core.annotations import AnnotationService, Change
    from reader.core.entities import EntityCount
    from reader.core.export import ExportResult, ImportReport, Scope
    from reader.core.importer import ImportOutcome
    from reader.core.search import RelatedHit, SavedSearch, SearchResults


_T = TypeVar("_T")


class LibraryService(QObject):
    """Named library operations for the GUI, plus change events."""

    issues_changed = Signal()
    items_changed = Signal(list)
    issues_updated = Signal(list)
    failed = Signal(str)  # a write could not be done; one-line message for the status bar
    annotations_changed = Signal(list, list)  # item ids, issue ids
    tags_changed = Signal()
    saved_changed = Signal()  # saved searches added, renamed, moved or deleted

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = library

    @property
    def folder(self) -> Path:
        return Path(self._lib.folder)

    def close(self) -> None:
        self._lib.close()

    # -- reads ---------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._lib.count_issues() == 0

    def list_series(self) -> list[SeriesRow]:
        return self._lib.list_series()

    def list_issues(self, series_id: int | None = None, *, offset: int = 0,
                    limit: int | None = None) -> list[IssueRow]:
        return self._lib.list_issues(series_id, offset=offset, limit=limit)

    def count_issues(self, series_id: int | None = None) -> int:
        return self._lib.count_issues(series_id)

    def get_issue(self, issue_id: int) -> IssueRow:
        return self._lib.get_issue(issue_id)

    def items(self, issue_id: int) -> list[ItemRow]:
        return self._lib.items(issue_id)

    def get_item(self, item_id: int) -> ItemRow:
        return self._lib.get_item(item_id)

    def item_ids(self, view: str, *, offset: int = 0, limit: int | None = None) -> list[int]:
        return self._lib.item_ids(view, offset=offset, limit=limit)

    def count_items(self, view: str) -> int:
        return self._lib.count_items(view)

    def items_by_ids(self, ids: Sequence[int]) -> list[ItemRow]:
        return self._lib.items_by_ids(ids)

    def search(self, query: str, *, limit: int = 50, series_id: int | None = None,
               marks: tuple[str, str] = ("\x02", "\x03")) -> list[SearchHit]:
        """Ranked hits; raises QueryError with a one-line message for a bad query."""
        return self._lib.search(query, limit=limit, series_id=series_id, marks=marks)

    def issue_pdf_path(self, issue_id: int) -> Path:
        return self._lib.issue_pdf_path(issue_id)

    # -- search index catch-up (libraries upgraded from before CJK bigrams) ----------------
    def search_backlog(self) -> int:
        """Items whose CJK bigrams are still to be computed."""
        from reader.core.search import cjk_pending

        return cjk_pending(self._lib)

    def catch_up_search(self, batch: int = 500) -> int:
        """Compute the bigrams of up to ``batch`` waiting items (one transaction; safe from a
        worker thread); return how many still wait."""
        from reader.core.search import catch_up_cjk

        return catch_up_cjk(self._lib, batch)

    def set_search_sync_limit(self, limit: int | None) -> None:
        """How many waiting items a search brings up to date first (None: all; see
        ``Library.search_sync_limit``)."""
        self._lib.search_sync_limit = limit

    # -- writes --------------------------------------------------------------------------
    def set_read(self, item_ids: Iterable[int], read: bool) -> None:
        self._change(item_ids, lambda ids: self._lib.set_read(ids, read))

    def set_starred(self, item_ids: Iterable[int], starred: bool) -> None:
        self._change(item_ids, lambda ids: self._lib.set_starred(ids, starred))

    def _change(self, item_ids: Iterable[int], write: Callable[[list[int]], object]) -> None:
        ids = list(item_ids)
        if not ids:
            return
        try:
            write(ids)
        except UserError as exc:  # e.g. the library became read-only or locked
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else "the library refused the change")
            return
        issue_ids = sorted({row.issue_id for row in self._lib.items_by_ids(ids)})
        self.items_changed.emit(ids)
        self.issues_updated.emit(issue_ids)

    # -- annotations -------------------------------------------------------------------
    @property
    def annotations(self) -> AnnotationService:
        """The core annotation service, for reads (writes go through :meth:`annotate`)."""
        service: AnnotationService = self._lib.annotations
        return service

    def annotate(self, operation: str, *args: Any, **kwargs: Any) -> Change | None:
        """Run the AnnotationService write ``operation`` and announce its Change.

        Returns the Change (possibly empty), or None after a refusal (``failed`` was emitted).
        """
        try:
            change: Change = getattr(self._lib.annotations, operation)(*args, **kwargs)
        except UserError as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else "the library refused the change")
            return None
        self.announce(change)
        return change

    def revert(self, change: Change) -> Change | None:
        """Undo ``change`` (redo: pass ``change.inverse()``); returns what was done or None."""
        return self.annotate("revert", change)

    def announce(self, change: Change | None) -> None:
        """Emit the events a core Change calls for (nothing for an empty change)."""
        if not change:
            return
        item_ids = sorted(change.item_ids)
        issue_ids = set(change.issue_ids)
        if item_ids:
            issue_ids |= {row.issue_id for row in self._lib.items_by_ids(item_ids)}
        if change.read_before or change.read_after or any(
                a.kind == "star" for a in (*change.before, *change.after)):
            self.items_changed.emit(item_ids)
            self.issues_updated.emit(sorted(issue_ids))
        self.annotations_changed.emit(item_ids, sorted(issue_ids))
        if change.tags_changed:
            self.tags_changed.emit()

    # -- export (reader.core.export; read-only, safe to call from a worker thread) --------
    def export(self, scope: Scope, fmt: str, output: str | os.PathLike[str], *,
               template: str | os.PathLike[str] | None = None) -> ExportResult:
        """Write an export (``reader.core.export.export``); returns its ExportResult."""
        from reader.core.export import export

        return export(self._lib, scope, fmt, output, template=template)

    def export_preview(self, scope: Scope, fmt: str, *, template: str | os.PathLike[str] | None = None,
                       template_source: str | None = None) -> str:
        """The first file the export would write, as text (nothing written)."""
        from reader.core.export import preview

        return preview(self._lib, scope, fmt, template=template, template_source=template_source)

    def import_annotations(self, path: str | Path) -> ImportReport:
        """Attach the annotations of a W3C JSON-LD file; returns the core ImportReport and
        announces the annotated items (the import does not say which ones it touched)."""
        from reader.core.export import import_annotations

        report = import_annotations(self._lib, path)
        if report.added or report.merged:
            found = self._lib.annotations.annotations()
            self.annotations_changed.emit(sorted({a.item_id for a in found if a.item_id}),
                                          sorted({a.issue_id for a in found if a.issue_id}))
            self.tags_changed.emit()
        return report

    # -- discovery: saved searches, facets, related items (reader.core.search/entities) -----
    def saved_searches(self) -> list[SavedSearch]:
        """Saved searches in sidebar order (``reader.core.search.SavedSearch``)."""
        from reader.core.search import list_saved

        return list_saved(self._lib)

    def saved_counts(self) -> dict[int, int | None]:
        """Live item counts by saved-search id (None: the stored query no longer parses)."""
        from reader.core.search import saved_counts

        return saved_counts(self._lib)

    def add_saved(self, name: str, query: str) -> SavedSearch | None:
        """Save ``query`` as ``name``; the SavedSearch, or None after a refusal (``failed``)."""
        from reader.core.search import add_saved

        return self._saved_write(add_saved, name, query)

    def rename_saved(self, saved_id: int, name: str) -> SavedSearch | None:
        from reader.core.search import rename_saved

        return self._saved_write(rename_saved, saved_id, name)

    def update_saved(self, saved_id: int, query: str) -> SavedSearch | None:
        from reader.core.search import update_saved

        return self._saved_write(update_saved, saved_id, query)

    def move_saved(self, saved_id: int, position: int) -> list[SavedSearch] | None:
        from reader.core.search import move_saved

        return self._saved_write(move_saved, saved_id, position)

    def delete_saved(self, saved_id: int) -> SavedSearch | None:
        from reader.core.search import delete_saved

        return self._saved_write(delete_saved, saved_id)

    def _saved_write(self, write: Callable[..., _T], *args: Any) -> _T | None:
        """Run a reader.core.search write; None after a refusal (``failed`` was emitted)."""
        try:
            result = write(self._lib, *args)
        except UserError as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else "the library refused the change")
            return None
        self.saved_changed.emit()
        return result

    def follow_saved(self, saved_id: int, followed: bool = True) -> SavedSearch | None:
        """Follow a saved search (its items from later imports count as new) or stop."""
        from reader.core.search import follow

        return self._saved_write(follow, saved_id, followed)

    def mark_saved_seen(self, saved_id: int) -> SavedSearch | None:
        """The user has seen the new items of a followed search."""
        from datetime import UTC, datetime, timedelta

        from reader.core.search import mark_seen

        # Times are stored to the second and an issue counts as new when imported at or after
        # seen_at: "seen" covers everything imported up to the end of this second.
        when = (datetime.now(UTC) + timedelta(seconds=1)).isoformat(timespec="seconds")
        return self._saved_write(mark_seen, saved_id, when)

    def saved_news(self) -> dict[int, int]:
        """How many new items each followed saved search has, by id."""
        from reader.core.search import news

        return {entry.saved.id: len(entry.hits) for entry in news(self._lib, limit=None)}

    def facets(self, kind: str | None = None, limit: int | None = 10) -> list[EntityCount]:
        """Entities with item counts, most mentioned first (``EntityCount``; ``.query`` filters)."""
        from reader.core.entities import facets

        return facets(self._lib, kind, limit=limit)

    def entities_pending(self) -> int:
        """Items waiting for entity extraction (a library upgraded from before issue 6)."""
        from reader.core.entities import pending_count

        return pending_count(self._lib)

    def index_entities(self, batch: int = 500) -> int:
        """Extract the entities of up to ``batch`` waiting items (one transaction; safe from a
        worker thread); returns how many were done (0: none left)."""
        from reader.core.entities import index_pending

        return index_pending(self._lib, limit=batch)

    def related(self, item_id: int, limit: int = 10) -> list[RelatedHit]:
        """Items of other issues related to ``item_id``, best first (``RelatedHit``)."""
        from reader.core.search import related

        return related(self._lib, item_id, limit=limit)

    def timeline(self, name_or_query: str, limit: int | None = 200) -> SearchResults:
        """Items about one entity (or matching a query), oldest first (``SearchResults``)."""
        from reader.core.search import timeline

        return timeline(self._lib, name_or_query, limit=limit)

    def query_language_help(self) -> str:
        """The query language help (Markdown)."""
        from reader.core.search import query_language_help

        return query_language_help()

    def notify_issues_changed(self) -> None:
        """Called after an import (done by a worker on its own connection) finished."""
        self.issues_changed.emit()


def run_import(service: LibraryService, paths: Iterable[str | os.PathLike[str]], *,
               progress: Callable[[int, int, ImportOutcome], None] | None = None,
               cancel: threading.Event | None = None) -> list[ImportOutcome]:
    """Run the core importer against the service's library (call from a worker thread).

    The library connection is shared across threads behind the library's own lock, and only
    this call writes; the importer parses in worker processes. Imported lazily so the GUI
    never loads the parser (or PyMuPDF) at start.
    """
    from reader.core.importer import import_paths

    return import_paths(service._lib, list(paths), progress=progress, cancel=cancel)  # noqa: SLF001


def resolve_open(service: LibraryService, target: OpenTarget, *, timeout: float) -> OpenRequest:
    """Find (or import) the PDF or item ``target`` names (call from a worker thread).

    Like :func:`run_import`, this works on the service's library connection behind its lock;
    it backs the files and links the operating system hands the running app (macOS
    ``QFileOpenEvent``), which import in the background like the Import dialog.
    """
    from reader.app.links import resolve

    return resolve(service._lib, target, timeout=timeout)  # noqa: SLF001
