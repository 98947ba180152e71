"""Bringing a large search-index backlog up to date in the background.

A library upgraded from before CJK bigrams existed lists every item as waiting for them, and
the first search would compute them all on the GUI thread (11.6 s for 100,000 items). When
the backlog is large, this works through it in batches on a worker thread instead, each batch
one short transaction under the library's lock; meanwhile searches do no bigram work (plain
words are found as ever; two-character Japanese names only in items already done), and the
status bar says how far it is. Small backlogs are left to the next search, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.app.service import LibraryService
from reader.core.errors import UserError

log = logging.getLogger(__name__)

BACKGROUND_FROM = 2000
"""Backlogs at least this big are worked through in the background (smaller ones take a
search well under a second)."""

BATCH = 500


class SearchCatchUp(QObject):
    """``start()`` once the window is up; ``progress(left)`` after each batch and
    ``finished()`` at the end arrive on the GUI thread (queued signals)."""

    progress = Signal(int)
    finished = Signal()

    def __init__(self, service: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._stop = threading.Event()
        self.worker: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def start(self) -> bool:
        """Start when the backlog is large; True when a catch-up is now running."""
        if self.running:
            return True
        try:
            left = self._service.search_backlog()
        except UserError:
            return False
        if left < BACKGROUND_FROM:
            return False
        self._service.set_search_sync_limit(0)
        self.progress.emit(left)
        self.worker = threading.Thread(target=self._work, name="search-catch-up", daemon=True)
        self.worker.start()
        return True

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the worker to stop after its current batch and wait for it briefly."""
        self._stop.set()
        if self.worker is not None:
            self.worker.join(timeout)

    def _work(self) -> None:
        try:
            while not self._stop.is_set():
                left = self._service.catch_up_search(BATCH)
                self._emit(self.progress.emit, left)
                if left == 0:
                    break
        except UserError as exc:  # the library closed meanwhile, or a database error
            log.info("search catch-up stopped: %s", exc)
            return
        except Exception:  # a bug must not go unseen, nor leave searches incomplete for good
            log.exception("search catch-up failed")
            return
        finally:
            try:
                self._service.set_search_sync_limit(None)  # searches complete again
            except UserError:
                pass
        if not self._stop.is_set():
            self._emit(self.finished.emit)

    @staticmethod
    def _emit(emit: Callable[..., object], *args: object) -> None:
        try:
            emit(*args)  # queued to the GUI thread (the receivers live there)
        except RuntimeError:  # the window (and this object) is already gone
            pass
