"""Import from the window: a QThread worker running the core importer, progress and summary.

The worker thread calls :func:`reader.app.service.run_import`; progress crosses back to the
GUI thread as queued signals. Cancel sets a ``threading.Event`` the importer checks between
files. When the run ends the sidebar is told (``issues_changed``) and a summary dialog lists
what was imported, what was already there and what failed, with reasons.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.app.service import LibraryService, run_import

if TYPE_CHECKING:  # the importer (and PyMuPDF) loads only when an import runs
    from reader.core.importer import ImportOutcome


class ImportWorker(QObject):
    """Lives in the import thread; ``run`` does the whole import."""

    progressed = Signal(int, int, str)  # done, total, file name
    finished = Signal(list, str)  # outcomes, error message ("" when none)

    def __init__(self, service: LibraryService, paths: Sequence[Path], cancel: threading.Event) -> None:
        super().__init__()
        self._service = service
        self._paths = list(paths)
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        def progress(done: int, total: int, outcome: ImportOutcome) -> None:
            self.progressed.emit(done, total, Path(outcome.path).name)

        try:
            outcomes = run_import(self._service, self._paths, progress=progress, cancel=self._cancel)
        except Exception as exc:  # noqa: BLE001 - reported in the summary, never a traceback
            self.finished.emit([], str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        self.finished.emit(list(outcomes), "")


class ImportController(QObject):
    """Starts one import at a time and reports ``started``, ``progressed``, ``finished``."""

    started = Signal()
    progressed = Signal(int, int, str)
    finished = Signal(list, str)

    def __init__(self, service: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, paths: Sequence[Path]) -> bool:
        """Begin importing ``paths`` in the background; False if an import is running."""
        if self.running or not paths:
            return False
        self._cancel = threading.Event()
        thread = QThread(self)
        thread.setObjectName("import")
        worker = ImportWorker(self._service, paths, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self.progressed)
        worker.finished.connect(self._on_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, ms: int = 30000) -> None:
        """Block until the running import ends (used at close)."""
        if self._thread is not None:
            self._cancel.set()
            self._thread.quit()
            self._thread.wait(ms)

    @Slot(list, str)
    def _on_finished(self, outcomes: list[ImportOutcome], error: str) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        if any(o.outcome == "imported" for o in outcomes):
            self._service.notify_issues_changed()
        self.finished.emit(outcomes, error)


def summary_text(outcomes: Sequence[ImportOutcome], error: str = "") -> tuple[str, str]:
    """(headline, details) describing an import run."""
    imported = [o for o in outcomes if o.outcome == "imported"]
    duplicates = [o for o in outcomes if o.outcome == "duplicate"]
    failed = [o for o in outcomes if o.outcome == "failed"]
    cancelled = [o for o in outcomes if o.outcome == "cancelled"]
    translate = QCoreApplication.translate  # a name lupdate recognises
    parts = [translate("ImportSummary", "{n} imported").format(n=len(imported)),
             translate("ImportSummary", "{n} already in the library").format(n=len(duplicates)),
             translate("ImportSummary", "{n} failed").format(n=len(failed))]
    if cancelled:
        parts.append(translate("ImportSummary", "{n} cancelled").format(n=len(cancelled)))
    headline = ", ".join(parts) + "."
    if error:
        headline = translate("ImportSummary", "Import stopped: {error}").format(error=error)
    elif not outcomes:
        headline = translate("ImportSummary", "No PDF files were found there.")
    lines: list[str] = []
    groups = ((translate("ImportSummary", "Imported"), imported),
              (translate("ImportSummary", "Already in the library"), duplicates),
              (translate("ImportSummary", "Failed"), failed),
              (translate("ImportSummary", "Cancelled"), cancelled))
    for title, group in groups:
        if not group:
            continue
        lines.append(f"{title} ({len(group)}):")
        for o in group:
            name = Path(o.path).name
            reason = f" \u2014 {o.reason}" if o.reason and group is not imported else ""
            lines.append(f"  {name}{reason}")
            for warning in getattr(o, "warnings", ()) or ():
                lines.append("      " + translate("ImportSummary", "note: {warning}").format(warning=warning))
        lines.append("")
    return headline, "\n".join(lines).rstrip()


class ImportSummaryDialog(QDialog):
    """Lists the outcome of an import; non-modal so the window stays usable."""

    def __init__(self, outcomes: Sequence[ImportOutcome], error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import finished"))
        headline, details = summary_text(outcomes, error)
        layout = QVBoxLayout(self)
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import details"))
        self.details.setPlainText(details)
        self.details.setVisible(bool(details))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(520, 320 if details else 120)
        layout.activate()  # settle size constraints before the native window exists
