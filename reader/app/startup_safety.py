"""Start-up safety for the window: open the library safely and back it up once it is shown.

* :func:`open_or_recover` opens the library with :func:`reader.core.maintenance.open_library`.
  A damaged database has already been moved aside (never deleted) when ``CorruptLibraryError``
  arrives; the user is then offered the newest good backup, an empty library, or quitting.
* :func:`schedule_startup_backup` runs :func:`reader.core.maintenance.maybe_backup` after the
  window's first paint, in a plain worker thread, so start-up is never slowed. ``maybe_backup``
  only uses its own short-lived sqlite3 connections on the folder, so the thread needs nothing
  from the window's :class:`Library`. A failure shows one line in the status bar (no dialog).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

log = logging.getLogger(__name__)

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"
FALLBACK_DELAY_MS = 3000
"""Start the backup after this long even if no paint event was seen (minimised window)."""


# A plain name lupdate recognises (a wrapper function would hide the strings from it).
translate = QCoreApplication.translate


# -- opening -------------------------------------------------------------------------------
def ask_recovery(recovery: Any, parent: QWidget | None = None) -> str:
    """Ask what to do about a damaged library; returns ``RESTORE``, ``EMPTY`` or ``QUIT``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("StartupSafety", "Digest Reader"))
    box.setText(translate("StartupSafety", "The library database was damaged. It was moved aside as "
                          "{name}; nothing was deleted.").format(name=recovery.moved_to.name))
    details = translate("StartupSafety", "Folder: {folder}\nProblem: {reason}").format(
        folder=str(recovery.folder), reason=recovery.reason)
    buttons: dict[Any, str] = {}
    if recovery.backup is not None:
        box.setInformativeText(translate("StartupSafety", "The newest good backup is from {date}. "
                                         "Restore it, or start with an empty library?").format(
                                             date=recovery.backup.label))
        restore = box.addButton(translate("StartupSafety", "Restore newest backup ({date})").format(
            date=recovery.backup.label), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreBackupButton")
        restore.setAccessibleName(translate("StartupSafety", "Restore newest backup"))
        buttons[restore] = RESTORE
    else:
        box.setInformativeText(translate("StartupSafety", "No good backup was found. Start with an "
                                         "empty library, or quit?"))
    empty = box.addButton(translate("StartupSafety", "Start with an empty library"),
                          QMessageBox.ButtonRole.DestructiveRole)
    empty.setObjectName("emptyLibraryButton")
    empty.setAccessibleName(translate("StartupSafety", "Start with an empty library"))
    buttons[empty] = EMPTY
    quit_button = box.addButton(translate("StartupSafety", "Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    quit_button.setAccessibleName(translate("StartupSafety", "Quit"))
    buttons[quit_button] = QUIT
    box.setDetailedText(details)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)


def open_or_recover(library_dir: Path, parent: QWidget | None = None) -> Any | None:
    """The opened :class:`Library`, or ``None`` when the user chose to quit.

    Raises :class:`reader.core.errors.LibraryError` for problems that are not damage (read-only
    folder, not a folder, newer version...): the caller shows those as one line.
    """
    from reader.core.errors import LibraryError
    from reader.core.maintenance import CorruptLibraryError, open_library, restore_backup

    while True:
        try:
            return open_library(library_dir, quick_check=True)
        except CorruptLibraryError as exc:
            recovery = exc.recovery
            log.warning("%s", exc.recovery.message())
        choice = ask_recovery(recovery, parent)
        if choice == QUIT:
            return None
        if choice == RESTORE and recovery.backup is not None:
            try:
                result = restore_backup(recovery.folder, recovery.backup.path)
                log.info("%s", result.message())
            except LibraryError as exc:
                log.warning("restore at start failed: %s", exc)
                QMessageBox.warning(parent, translate("StartupSafety", "Digest Reader"),
                                    translate("StartupSafety", "The backup could not be restored: "
                                              "{error}. An empty library will be started; the "
                                              "damaged database and the backups are kept.").format(
                                                  error=str(exc).splitlines()[0]))
                # fall through: opening again starts an empty library (damaged one stays aside)
        # EMPTY (or after a restore): open again; a fresh database is created if none is there


# -- the start-up backup -------------------------------------------------------------------
class StartupBackup(QObject):
    """Runs ``maybe_backup`` once, off the GUI thread, after the window first paints."""

    finished = Signal(object)  # Path of the new backup, or None when none was due
    failed = Signal(str)  # one-line reason

    def __init__(self, window: QMainWindow, folder: Path, keep: int) -> None:
        super().__init__(window)
        self._window, self._folder, self._keep = window, Path(folder), int(keep)
        self._started = False
        self.worker_thread: threading.Thread | None = None  # not .thread: QObject.thread() is Qt's
        self.failed.connect(self._show_failure)
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_DELAY_MS, self, self.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._started and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # once this paint is done
        return False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._window.removeEventFilter(self)
        self.worker_thread = threading.Thread(target=self._work, name="startup-backup", daemon=True)
        self.worker_thread.start()

    def _work(self) -> None:
        from reader.core.errors import UserError
        from reader.core.maintenance import maybe_backup

        try:
            path = maybe_backup(self._folder, keep=self._keep)
        except UserError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning("start-up backup failed: %s", reason)
            self._emit(self.failed, reason)
            return
        except Exception as exc:  # never let a backup problem take the window down
            log.exception("start-up backup failed")
            self._emit(self.failed, f"{type(exc).__name__}: {exc}".splitlines()[0])
            return
        if path is None:
            log.info("start-up backup not due (keep=%d)", self._keep)
        else:
            log.info("start-up backup written: %s (keep=%d)", path, self._keep)
        self._emit(self.finished, path)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)  # queued to the GUI thread (the receiver lives there)
        except RuntimeError:  # the window (and this object) is already gone
            pass

    def _show_failure(self, reason: str) -> None:
        self._window.statusBar().showMessage(
            translate("StartupSafety", "Automatic backup failed: {reason}").format(reason=reason),
            15000)


def schedule_startup_backup(window: QMainWindow, folder: Path, settings: Any) -> StartupBackup:
    """Back up ``folder`` after ``window`` first paints, keeping ``settings.backups_to_keep``."""
    return StartupBackup(window, folder, settings.backups_to_keep)
