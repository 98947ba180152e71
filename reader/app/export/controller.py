"""The window's side of export: opens the export dialog with what is open (current issue,
selected items, search text, selected tag), adds "Export …" entries to context menus, and runs
File → Import Annotations… through the service, reporting in one line.

It reads the window's widgets but never the library: everything goes through the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.app.export.dialog import ISSUE, ITEMS, TAG, ExportContext, ExportDialog
from reader.app.export.worker import one_line
from reader.core.errors import UserError
from reader.core.export import ImportReport

if TYPE_CHECKING:
    from reader.app.annotate.tags_panel import TagsPanel
    from reader.app.window import MainWindow


class ReportDialog(QDialog):
    """A one-line report with a Close button (non-modal; fixed constraints before show)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importAnnotationsReport")
        self.setWindowTitle(title)
        self.label = QLabel(text)
        self.label.setObjectName("importAnnotationsMessage")
        self.label.setAccessibleName(title)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumSize(420, 140)
        self.resize(520, 160)
        layout.activate()


class ExportController(QObject):
    """``window.exporter``: ``open(kind, value)``, context-menu entries, import annotations."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = window.service
        self.dialog: ExportDialog | None = None
        self.report: ReportDialog | None = None
        self.last_report: ImportReport | None = None  # of the last import
        self.import_action = QAction(self.tr("Import &Annotations\u2026"), window)
        self.import_action.setObjectName("import_annotations")
        self.import_action.triggered.connect(self.ask_import)

    # -- export dialog -------------------------------------------------------------------
    def context(self) -> ExportContext:
        """What "current" means right now in the window."""
        w = self.window
        ctx = ExportContext()
        issue = getattr(w.reading, "issue", None)
        if issue is not None:
            ctx.issue_id = issue.id
            ctx.issue_label = f"{issue.series} {issue.label}".strip()
        else:
            ctx.issue_id = w.sidebar.current_issue_id()
        try:
            ctx.item_ids = list(w.selected_item_ids())
        except (AttributeError, RuntimeError):
            ctx.item_ids = []
        ctx.query = w.search.field.text().strip()
        tags = w.tags_panel.selected_tags() if hasattr(w, "tags_panel") else []
        ctx.tag = tags[0] if tags else None
        return ctx

    def open(self, kind: str | None = None, value: object = None) -> ExportDialog:
        """Show the export dialog (one at a time), with ``kind``/``value`` preselected."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ExportDialog(self.service, self.context(), self.window)
        if kind is not None:
            self.dialog.preselect(kind, value)
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.scope_combo.setFocus()
        return self.dialog

    # -- context menus -------------------------------------------------------------------
    def add_issue_entry(self, menu: QMenu, issue_id: int) -> QAction:
        menu.addSeparator()
        action = menu.addAction(self.tr("Export Issue\u2026"))
        action.setObjectName("exportIssue")
        action.triggered.connect(lambda: self.open(ISSUE, issue_id))
        return action

    def add_item_entry(self, menu: QMenu, item_id: int) -> QAction:
        """"Export Item…" (or the selected items when the selection spans several)."""
        ids = list(self.window.reading.selected_item_ids())
        ids = ids if item_id in ids and len(ids) > 1 else [item_id]
        menu.addSeparator()
        text = self.tr("Export Item\u2026") if len(ids) == 1 else self.tr("Export Selected Items\u2026")
        action = menu.addAction(text)
        action.setObjectName("exportItem")
        action.triggered.connect(lambda: self.open(ITEMS, ids))
        return action

    def add_tag_entry(self, menu: QMenu, tags: list[str]) -> QAction | None:
        if len(tags) != 1:
            return None
        menu.addSeparator()
        action = menu.addAction(self.tr("Export Tag\u2026"))
        action.setObjectName("exportTag")
        action.triggered.connect(lambda: self.open(TAG, tags[0]))
        return action

    def attach_tags_panel(self, panel: TagsPanel) -> None:
        """Add "Export Tag…" to the Tags section's context menu (through its menu_hook)."""

        def add_entry(menu: QMenu, tags: list[str]) -> None:
            self.add_tag_entry(menu, list(tags))

        panel.menu_hook = add_entry

    # -- import annotations --------------------------------------------------------------
    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Annotations"), str(Path.home()),
            self.tr("W3C Web Annotations (*.jsonld *.json);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> str:
        """Attach the annotations in ``path``; shows and returns the one-line report."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.last_report = self.service.import_annotations(path)
            text, title = report.message(), self.tr("Annotations Imported")
        except UserError as exc:
            self.last_report = None
            text, title = one_line(exc), self.tr("Annotations Not Imported")
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(text, 10000)
        if self.report is not None:
            self.report.close()
            self.report.deleteLater()
        self.report = ReportDialog(title, text, self.window)
        self.report.show()
        return text
