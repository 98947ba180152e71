"""Files and links the operating system hands to the running app (``QFileOpenEvent``).

On macOS, "Open With Digest Reader" in Finder, a PDF dropped on the Dock icon and a click on a
``digest-reader://open?item=ID`` link do not arrive in ``sys.argv``: Qt turns the Apple Event
into a ``QFileOpenEvent`` sent to the QApplication, the launch file included (it comes just
after the event loop starts, before the window may exist). Other platforms never send it (they
start the program with the file in argv, see :mod:`reader.app.links`), so there this is inert.

:class:`FileOpenRouter` is an event filter on the QApplication. Each event becomes the same
:class:`~reader.app.links.OpenTarget` the command line would make, is resolved by the same
:func:`~reader.app.links.resolve` (an unknown PDF is imported first, off the GUI thread: the
import runs parsers in worker processes and can take seconds) and is shown by
:func:`~reader.app.links.apply_to_window`, so a bad file or link gets the argv path's one-line
message. Events that come before a window is attached wait in order and are applied once it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent

from reader.app.i18n import fill
from reader.app.links import SCHEME, OpenRequest, OpenTarget, apply_to_window, parse_open_argument
from reader.app.service import resolve_open
from reader.core.errors import UserError

log = logging.getLogger(__name__)

ROUTER_NAME = "fileOpenRouter"
# Per file: the import's own deadline (links.resolve passes it to the importer's workers).
IMPORT_TIMEOUT = 60.0

# What waits for the worker: a target to resolve, or a request that is already an error.
Pending = OpenTarget | OpenRequest


def target_from_event(event: QFileOpenEvent) -> OpenTarget:
    """The target a ``QFileOpenEvent`` names: a ``digest-reader:`` link or an existing file,
    read as the command line reads its argument (:func:`~reader.app.links.parse_open_argument`).

    Raises UserError with the command line's one-line messages (``no such file: ...``, or the
    :class:`~reader.app.links.BadLinkError` of a malformed link).
    """
    url = event.url()
    is_file = bool(event.file()) or url.isLocalFile()
    name = event.file() or (url.toLocalFile() if url.isLocalFile() else url.toString())
    target = parse_open_argument(name) if name else None
    if target is not None:
        return target
    if is_file:
        raise UserError(f"no such file: {name}")
    raise UserError(f"cannot open {url.toString()!r}: not a file or a {SCHEME}:// link")


def pending_from_event(event: QFileOpenEvent) -> Pending:
    """The target of ``event``, or an error request carrying its one-line message."""
    try:
        return target_from_event(event)
    except UserError as exc:
        return OpenRequest(error=" ".join(str(exc).split()))


class FileOpenRouter(QObject):
    """Turns ``QFileOpenEvent``s into opened issues in the attached window.

    Signals ``opened(OpenRequest)`` after each request was applied to the window (also for
    errors), in the order the events arrived.
    """

    opened = Signal(object)
    _resolved = Signal(object)  # from the worker thread, delivered queued to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(ROUTER_NAME)
        self._window: Any = None
        self._waiting: list[Pending] = []
        self._resolving = 0
        # One thread: requests are resolved (and imported) one after the other, in event order.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._resolved.connect(self._apply)

    # -- the event -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Take FileOpen events; every other event goes on untouched (this is an app-wide
        filter, so it returns at once for them)."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        pending = pending_from_event(event)
        log.info("file-open event: %s", pending)
        self.submit(pending)
        return True

    # -- window ----------------------------------------------------------------------------
    @property
    def window(self) -> Any:
        """The MainWindow requests are shown in (None before :meth:`attach`)."""
        return self._window

    @property
    def waiting(self) -> tuple[Pending, ...]:
        """Requests that arrived while no window was attached, oldest first."""
        return tuple(self._waiting)

    @property
    def busy(self) -> bool:
        """True while a request is being resolved or imported."""
        return self._resolving > 0

    def attach(self, window: Any) -> None:
        """Show requests in ``window`` from now on; the waiting ones are sent on right after
        the caller returns (so a window shown just before is painted first)."""
        self._window = window
        window.destroyed.connect(self._forget_window)
        QTimer.singleShot(0, self._drain)

    def detach(self) -> None:
        """Stop showing requests in the window; new events wait for the next :meth:`attach`."""
        if self._window is not None:
            try:
                self._window.destroyed.disconnect(self._forget_window)
            except (RuntimeError, TypeError):  # already gone
                pass
        self._window = None

    def _forget_window(self) -> None:
        self._window = None

    # -- requests --------------------------------------------------------------------------
    def submit(self, pending: Pending) -> None:
        """Resolve and show ``pending`` (now if a window is attached, else when one is)."""
        if self._window is None:
            self._waiting.append(pending)
            return
        self._start(pending)

    def _drain(self) -> None:
        waiting, self._waiting = self._waiting, []
        for pending in waiting:
            self.submit(pending)

    def _start(self, pending: Pending) -> None:
        window = self._window
        if isinstance(pending, OpenRequest):
            job: Callable[[], OpenRequest] = lambda: pending  # noqa: E731
        else:
            service = window.service
            job = lambda: resolve_open(service, pending, timeout=IMPORT_TIMEOUT)  # noqa: E731
            if pending.kind == "file" and pending.path is not None:
                window.statusBar().showMessage(
                    fill(self.tr("Opening %1\u2026"), pending.path.name))
        self._resolving += 1
        self._pool.start(lambda: self._run(job))

    def _run(self, job: Callable[[], OpenRequest]) -> None:
        """In the worker thread: never lets an exception escape (that would end the process)."""
        try:
            request = job()
        except Exception as exc:  # noqa: BLE001 - a bug; shown as one line, logged in full
            log.exception("file-open: resolving failed")
            request = OpenRequest(error=" ".join(str(exc).split()) or type(exc).__name__)
        self._resolved.emit(request)

    def _apply(self, request: OpenRequest) -> None:
        self._resolving -= 1
        window = self._window
        if window is None:
            log.info("file-open: window gone, dropped %s", request)
            return
        window.statusBar().clearMessage()
        apply_to_window(window, request)
        self.opened.emit(request)

    # -- shutdown --------------------------------------------------------------------------
    def close(self, timeout_ms: int = 30000) -> None:
        """Uninstall: no more events taken; a running resolve/import may finish (up to
        ``timeout_ms``) so the library is not closed under it. Then the router is deleted."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.detach()
        self._waiting.clear()
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
        self.setObjectName("")
        self.deleteLater()


def install(app: QCoreApplication) -> FileOpenRouter:
    """The router filtering ``app``'s events, created on first call (later calls return it)."""
    existing = app.findChild(QObject, ROUTER_NAME)
    if isinstance(existing, FileOpenRouter):
        return existing
    router = FileOpenRouter(app)
    app.installEventFilter(router)
    return router
