"""Entry point of the window: ``run(library_dir) -> int`` (called by ``reader.cli``).

Start-up is kept lean: no PyMuPDF, no whole-table loads; the sidebar fetches issues lazily.
The library is opened through :mod:`reader.app.startup_safety` (a damaged database is moved
aside and a backup offered) and the daily automatic backup runs after the first paint.
Set ``DIGEST_READER_READY_FILE`` to a path and the time (``time.time()``) at which the window
first painted is written there; with ``DIGEST_READER_QUIT_WHEN_READY=1`` the app then quits
(benchmarks use both).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from reader.app.file_open import FileOpenRouter
    from reader.app.settings import Settings

READY_FILE_ENV = "DIGEST_READER_READY_FILE"
QUIT_WHEN_READY_ENV = "DIGEST_READER_QUIT_WHEN_READY"


class _FirstPaint(QObject):
    """Writes a timestamp after the window's first paint (then, optionally, quits)."""

    def __init__(self, window: QWidget, target: Path, quit_after: bool) -> None:
        super().__init__(window)
        self._target, self._quit = target, quit_after
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            # Queued: runs once this paint (and the children's, in the same sync) finished.
            QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        self._target.write_text(f"{time.time():.6f}\n", encoding="utf-8")
        if self._quit:
            QTimer.singleShot(0, QApplication.quit)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names set (existing one reused, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Digest Reader")
    app.setOrganizationName("DigestReader")
    app.setApplicationDisplayName("Digest Reader")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The application icon (resources/icons: every PNG size, so each platform picks its own)."""
    from reader.core.paths import resources_dir

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("digest-reader-*.png")):
        icon.addFile(str(png))
    return icon


def run(library_dir: Path, open_request: Any = None) -> int:
    """Open the library in the reader window; returns the process exit code.

    ``open_request`` (a :class:`reader.app.links.OpenRequest`) is shown once the window is up
    (``digest-reader FILE.pdf`` / a ``digest-reader://`` link). Uncaught exceptions show a dialog
    and are logged (:mod:`reader.app.crash`) instead of closing the window. The translators for
    the chosen language (:mod:`reader.app.i18n`) are installed before any dialog or window.
    """
    app = create_application()
    from reader.app import i18n
    from reader.app.file_open import install as install_file_open

    # Before anything can spin the event loop: macOS sends the launch file as an event.
    opens = install_file_open(app)
    from reader.app.settings import Settings

    settings = Settings()
    i18n.install_translators(app, settings.language)
    try:
        return _run(app, settings, library_dir, open_request, opens)
    finally:
        i18n.remove_translators(app)  # an app reused afterwards (tests) speaks English again


def _run(app: QApplication, settings: Settings, library_dir: Path, open_request: Any,
         opens: FileOpenRouter) -> int:
    """The body of :func:`run`, with the translators and the file-open router installed."""
    from reader.app import theme
    from reader.app.startup_safety import open_or_recover, schedule_startup_backup
    from reader.core.errors import LibraryError

    theme.apply_theme(app, settings.theme)
    theme.follow_system(app, lambda: settings.theme)
    try:
        # A damaged database is moved aside and the newest good backup offered (or None: quit).
        library = open_or_recover(library_dir)
    except LibraryError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Main", "Digest Reader"),
                             str(exc).splitlines()[0])
        return 1
    if library is None:
        return 1

    from reader.app.service import LibraryService
    from reader.app.window import MainWindow

    service = LibraryService(library)
    window = MainWindow(service, settings)
    ready_file = os.environ.get(READY_FILE_ENV)
    if ready_file:
        _FirstPaint(window, Path(ready_file), os.environ.get(QUIT_WHEN_READY_ENV) == "1")
    window.show()
    # After the first paint, off the GUI thread: never slows start-up.
    backup = schedule_startup_backup(window, Path(library.folder), settings)
    from reader.app import crash

    crash.install(lambda: window)
    if open_request is not None:
        from reader.app.links import apply_to_window

        QTimer.singleShot(0, lambda: apply_to_window(window, open_request))
    opens.attach(window)
    try:
        return int(app.exec())
    finally:
        window.close()
        opens.close()
        if backup.worker_thread is not None:  # let a running backup finish (no .partial left behind)
            backup.worker_thread.join(timeout=30)
        window.deleteLater()
        service.close()
