"""Run one slow, Qt-free call (an export, a preview) on a worker thread and hand its result
back on the GUI thread, so the window never freezes while the core writes files.

Results carry a token: a caller that started a newer job ignores answers to older ones
(the preview pane asks again on every keystroke, debounced, and only the last answer counts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reader.core.errors import UserError

log = logging.getLogger(__name__)


def one_line(exc: BaseException) -> str:
    """The first line of an error's message (UserErrors are one line already)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, token: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay, self._token = fn, relay, token

    def run(self) -> None:
        try:
            result = self._fn()
        except UserError as exc:
            self._relay.failed.emit(self._token, one_line(exc))
        except Exception as exc:  # noqa: BLE001 - a bug: log it, show one line, keep the app up
            log.exception("export worker failed")
            self._relay.failed.emit(self._token, self._bug_line(exc))
        else:
            self._relay.done.emit(self._token, result)

    @staticmethod
    def _bug_line(exc: BaseException) -> str:
        return QCoreApplication.translate(
            "ExportWorker", "unexpected error ({error}); details are in the log"
        ).format(error=f"{type(exc).__name__}: {one_line(exc)}")


class Worker(QObject):
    """A small thread pool of its own; ``done(token, result)`` / ``failed(token, message)``."""

    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self.done)
        self._relay.failed.connect(self.failed)
        self._token = 0

    def submit(self, fn: Callable[[], Any]) -> int:
        """Start ``fn()`` on a worker thread; returns the token its answer will carry."""
        self._token += 1
        self._pool.start(_Task(fn, self._relay, self._token))
        return self._token

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (closing the dialog, tests)."""
        return self._pool.waitForDone(msecs)

    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0
