"""Uncaught exceptions in the window: log the traceback, tell the user in one line, keep going.

:func:`install` replaces ``sys.excepthook`` (exceptions escaping Qt slots and event handlers end
there; PySide6 then carries on with the event loop) and ``threading.excepthook`` (worker
threads). Each exception is written with its full traceback to the log file
(:mod:`reader.core.logs`) and shown as a dialog with a one-line summary and the log's path. The
window stays open; the library is safe because every library write is one committed
transaction, so an exception between two writes leaves no partial change behind.

Exceptions from other threads are handed to the GUI thread through a queued signal. While one
dialog is open further exceptions are only logged (a failing paint handler must not stack up
hundreds of dialogs).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.app.typed_qt import QT_TRANSLATE_NOOP
from reader.core import logs

log = logging.getLogger(__name__)
TITLE = QT_TRANSLATE_NOOP("CrashHandler", "Digest Reader \u2014 something went wrong")


def summary(exc_type: type[BaseException], exc: BaseException | None) -> str:
    """One line naming the error: ``ValueError: bad thing`` (the message's first line, trimmed)."""
    text = " ".join(str(exc).split()) if exc is not None else ""
    line = f"{exc_type.__name__}: {text}" if text else exc_type.__name__
    return logs.redact(line if len(line) <= 200 else line[:199] + "\u2026")


def message_text(exc_type: type[BaseException], exc: BaseException | None) -> str:
    """The dialog's text: what happened, that the library is safe, where the details are."""
    path = logs.log_file_path()
    return QCoreApplication.translate(
        "CrashHandler",
        "An unexpected error occurred: {error}\n\n"
        "Your library is safe: every change is saved as a whole or not at all. "
        "You can keep working; if it happens again, please send the log file.\n\n"
        "Details were written to the log file:\n{path}",
    ).format(error=summary(exc_type, exc), path=path)


class CrashHandler(QObject):
    """Owns the hooks; ``shown(text)`` fires after a dialog was shown (tests listen to it)."""

    shown = Signal(str)
    _from_thread = Signal(object, object, object)

    def __init__(self, parent_widget: Callable[[], QWidget | None] | None = None) -> None:
        super().__init__()
        self._parent_widget = parent_widget or (lambda: QApplication.activeWindow())
        self._showing = False
        self._old_hooks: tuple[Any, Any] | None = None
        self._from_thread.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Put the hooks in place (remembering the previous ones for :meth:`uninstall`)."""
        if self._old_hooks is None:
            self._old_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._old_hooks is not None:
            sys.excepthook, threading.excepthook = self._old_hooks
            self._old_hooks = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        app = QApplication.instance()
        if app is not None and threading.current_thread() is not threading.main_thread():
            self._log(exc_type, exc, tb, where="thread")
            self._from_thread.emit(exc_type, exc, None)
            return
        self._log(exc_type, exc, tb, where="GUI")
        self._report(exc_type, exc, None)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        self._log(args.exc_type, args.exc_value, args.exc_traceback, where=f"thread {name}")
        self._from_thread.emit(args.exc_type, args.exc_value, None)

    def _log(self, exc_type: type[BaseException], exc: BaseException | None,
             tb: TracebackType | None, *, where: str) -> None:
        try:
            if exc is None:  # threading.ExceptHookArgs may carry no value: name the type instead
                log.error("uncaught exception (%s): %s", where, exc_type.__name__)
            else:
                log.error("uncaught exception (%s)", where, exc_info=(exc_type, exc, tb))
        except Exception:  # logging itself failed: stderr is all that is left
            traceback.print_exception(exc_type, exc, tb)

    @Slot(object, object, object)
    def _report(self, exc_type: type[BaseException], exc: BaseException | None, _tb: object) -> None:
        if self._showing:
            return
        text = message_text(exc_type, exc)
        self._showing = True
        try:
            QMessageBox.critical(self._parent_widget(), QCoreApplication.translate("CrashHandler", TITLE),
                                 text)
        finally:
            self._showing = False
        self.shown.emit(text)


_handler: CrashHandler | None = None


def install(parent_widget: Callable[[], QWidget | None] | None = None) -> CrashHandler:
    """Install the process-wide handler (once; later calls return the same one).

    Sets up the log file too when nobody did (``python -m reader.app`` skips the CLI), so the
    dialog's promise that the details are in the log holds.
    """
    global _handler
    if not logging.getLogger(logs.ROOT_LOGGER).handlers:
        logs.setup_logging()
    if _handler is None:
        _handler = CrashHandler(parent_widget)
    _handler.install()
    return _handler


def uninstall() -> None:
    """Restore the previous hooks (tests)."""
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None
