"""File → Export…: choose what (scope), how (format, template) and where (output), see the
first file as it will be written, then export on a worker thread.

The dialog builds a :class:`reader.core.export.Scope` from its controls and asks the service
for ``export_preview`` / ``export``; every error (bad template with its line number, nothing in
scope, a bad query) is shown in one line under the preview, never as a traceback. Controls are
enabled or disabled, never shown or hidden, so the dialog's size constraints stay put (the
offscreen platform warns when a shown top-level widget changes them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.app.export.worker import Worker
from reader.app.i18n import fill
from reader.app.service import LibraryService
from reader.core.export import ExportResult, Scope

# scope kinds, in combo order
ISSUE, ITEMS, TAG, QUERY, DATES, LIBRARY = "issue", "items", "tag", "query", "dates", "library"
SCOPES = (ISSUE, ITEMS, TAG, QUERY, DATES, LIBRARY)
FORMAT_SUFFIX = {"md": ".md", "json": ".jsonld", "csv": ".csv", "pdf": ".pdf"}
PREVIEW_DELAY_MS = 250


@dataclass
class ExportContext:
    """What the window has open when the dialog starts (what "current" means)."""

    issue_id: int | None = None
    issue_label: str = ""
    item_ids: list[int] = field(default_factory=list)
    query: str = ""
    tag: str | None = None


def default_output_folder() -> Path:
    """``<Documents>/Digest Reader Export`` (nothing is created until an export runs)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "Digest Reader Export"


class ExportDialog(QDialog):
    """Scope, format, template and output controls, a live preview and an Export button.

    ``finished_export(result)`` fires after a successful export (the core ExportResult).
    """

    def __init__(self, service: LibraryService, context: ExportContext | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.service = service
        self.context = context or ExportContext()
        self.worker = Worker(self)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self._preview_token = 0
        self._export_token = 0
        # Not .result: QDialog.result() is Qt's (the dialog's accept/reject code).
        self.export_result: ExportResult | None = None  # of the last export
        self._build()
        self._fill()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._connect()
        self._update_enabled()
        # Explicit sizes and an activated layout before the native window exists: the size
        # constraints never change after show (see the module docstring).
        self.setMinimumSize(640, 520)
        self.resize(820, 680)
        if (layout := self.layout()) is not None:
            layout.activate()
        self.schedule_preview()

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("exportScope")
        self.scope_combo.setAccessibleName(self.tr("What to export"))
        labels = {
            ISSUE: self.tr("Current issue"),
            ITEMS: self.tr("Selected items"),
            TAG: self.tr("Items with a tag"),
            QUERY: self.tr("Search results"),
            DATES: self.tr("Briefing for a date range"),
            LIBRARY: self.tr("Whole library"),
        }
        for kind in SCOPES:
            self.scope_combo.addItem(labels[kind], kind)

        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("exportTag")
        self.tag_combo.setAccessibleName(self.tr("Tag to export"))
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("exportQuery")
        self.query_edit.setAccessibleName(self.tr("Search query to export"))
        self.query_edit.setPlaceholderText(self.tr("Search query, e.g. harbour tag:energy"))
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-7))
        self.since_edit.setObjectName("exportSince")
        self.since_edit.setAccessibleName(self.tr("Briefing from date"))
        self.until_edit = QDateEdit(today)
        self.until_edit.setObjectName("exportUntil")
        self.until_edit.setAccessibleName(self.tr("Briefing until date"))
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.since_edit)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.setAccessibleName(self.tr("Export format"))
        for fmt, label in (("md", self.tr("Markdown (Obsidian and friends)")),
                           ("json", self.tr("W3C Web Annotation (JSON-LD)")),
                           ("csv", self.tr("CSV (spreadsheet)")),
                           ("pdf", self.tr("Annotated PDF"))):
            self.format_combo.addItem(label, fmt)

        self.template_edit = QLineEdit()
        self.template_edit.setObjectName("exportTemplate")
        self.template_edit.setAccessibleName(self.tr("Markdown template file"))
        self.template_edit.setPlaceholderText(self.tr("Default template"))
        self.template_button = QPushButton(self.tr("Choose\u2026"))
        self.template_button.setObjectName("exportTemplateChoose")
        self.template_button.setAccessibleName(self.tr("Choose a template file"))
        template = QHBoxLayout()
        template.addWidget(self.template_edit, 1)
        template.addWidget(self.template_button)

        self.output_edit = QLineEdit(str(default_output_folder()))
        self.output_edit.setObjectName("exportOutput")
        self.output_edit.setAccessibleName(self.tr("Export to folder or file"))
        self.output_button = QPushButton(self.tr("Choose\u2026"))
        self.output_button.setObjectName("exportOutputChoose")
        self.output_button.setAccessibleName(self.tr("Choose where to export"))
        output = QHBoxLayout()
        output.addWidget(self.output_edit, 1)
        output.addWidget(self.output_button)

        form = QFormLayout()
        form.addRow(self.tr("&Export:"), self.scope_combo)
        form.addRow(self.tr("&Tag:"), self.tag_combo)
        form.addRow(self.tr("&Query:"), self.query_edit)
        form.addRow(self._buddy(self.tr("&Dates:"), self.since_edit), dates)
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self._buddy(self.tr("Te&mplate:"), self.template_edit), template)
        form.addRow(self._buddy(self.tr("&Output:"), self.output_edit), output)

        self.preview_label = QLabel(self.tr("Preview of the first file:"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Preview of the first exported file"))
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview_label.setBuddy(self.preview)

        self.error_label = QLabel()
        self.error_label.setObjectName("exportError")
        self.error_label.setAccessibleName(self.tr("Export problem"))
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel()
        self.message_label.setObjectName("exportMessage")
        self.message_label.setAccessibleName(self.tr("Export result"))
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for line in (self.error_label, self.message_label):
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.busy = QProgressBar()
        self.busy.setObjectName("exportBusy")
        self.busy.setAccessibleName(self.tr("Exporting"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        policy = self.busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(policy)
        self.busy.setVisible(False)
        self.open_button = QPushButton(self.tr("Open &Folder"))
        self.open_button.setObjectName("exportOpenFolder")
        self.open_button.setAccessibleName(self.tr("Open the folder of the exported files"))
        self.open_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("E&xport"))
        self.export_button.setObjectName("exportRun")
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("exportClose")
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        """A row label whose mnemonic focuses ``widget`` (rows holding a layout need one)."""
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _fill(self) -> None:
        ctx = self.context
        for tag in self.service.annotations.tags():
            self.tag_combo.addItem(tag.name, tag.name)
        if ctx.tag:
            self.select_tag(ctx.tag)
        self.query_edit.setText(ctx.query)
        if ctx.issue_id is not None and ctx.issue_label:
            self.scope_combo.setItemText(SCOPES.index(ISSUE),
                                         fill(self.tr("Current issue (%1)"), ctx.issue_label))
        if ctx.item_ids:
            self.scope_combo.setItemText(SCOPES.index(ITEMS),
                                         self.tr("Selected items (%n)", "", len(ctx.item_ids)))
        for kind, available in ((ISSUE, ctx.issue_id is not None), (ITEMS, bool(ctx.item_ids)),
                                (TAG, self.tag_combo.count() > 0)):
            self._scope_item(kind).setEnabled(available)
        first = ISSUE if ctx.issue_id is not None else LIBRARY
        self.scope_combo.setCurrentIndex(SCOPES.index(first))

    def _scope_item(self, kind: str) -> QStandardItem:
        """The scope combo's entry for ``kind`` (to enable or disable it)."""
        model = self.scope_combo.model()
        assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
        item = model.item(SCOPES.index(kind))
        assert item is not None  # one entry per scope kind, added in _build
        return item

    def _connect(self) -> None:
        self.scope_combo.currentIndexChanged.connect(self._on_changed)
        self.tag_combo.currentIndexChanged.connect(self._on_changed)
        self.query_edit.textChanged.connect(self._on_changed)
        self.since_edit.dateChanged.connect(self._on_changed)
        self.until_edit.dateChanged.connect(self._on_changed)
        self.format_combo.currentIndexChanged.connect(self._on_format)
        self.template_edit.textChanged.connect(self._on_changed)
        self.template_button.clicked.connect(self.choose_template)
        self.output_button.clicked.connect(self.choose_output)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.close)

    # -- state ---------------------------------------------------------------------------
    @property
    def scope_kind(self) -> str:
        return str(self.scope_combo.currentData())

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def preselect(self, kind: str, value: object = None) -> None:
        """Choose a scope (and its value: an issue id, a list or tuple of item ids, a tag or a
        query)."""
        if kind == ISSUE and isinstance(value, int):
            self.context.issue_id = value
            self._scope_item(ISSUE).setEnabled(True)
        elif kind == ITEMS and isinstance(value, (list, tuple)) and value:
            self.context.item_ids = [int(v) for v in value]
            self._scope_item(ITEMS).setEnabled(True)
            self.scope_combo.setItemText(SCOPES.index(ITEMS),
                                         self.tr("Selected items (%n)", "", len(self.context.item_ids)))
        elif kind == TAG and isinstance(value, str):
            self.select_tag(value)
        elif kind == QUERY and isinstance(value, str):
            self.query_edit.setText(value)
        self.scope_combo.setCurrentIndex(SCOPES.index(kind))
        self._on_changed()  # also when the kind stayed the same but its value changed

    def select_tag(self, tag: str) -> None:
        index = self.tag_combo.findData(tag)
        if index < 0:
            self.tag_combo.addItem(tag, tag)
            index = self.tag_combo.count() - 1
            self._scope_item(TAG).setEnabled(True)
        self.tag_combo.setCurrentIndex(index)

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def scope(self) -> Scope:
        """The core Scope the controls describe."""
        kind = self.scope_kind
        if kind == ISSUE and self.context.issue_id is not None:
            return Scope(issue_ids=(self.context.issue_id,))
        if kind == ITEMS and self.context.item_ids:
            return Scope(item_ids=tuple(self.context.item_ids))
        if kind == TAG:
            return Scope(tag=self.tag_combo.currentText().strip() or None)
        if kind == QUERY:
            return Scope(query=self.query_edit.text().strip() or None)
        if kind == DATES:
            return Scope(since=self.since_edit.date().toString("yyyy-MM-dd"),
                         until=self.until_edit.date().toString("yyyy-MM-dd"), briefing=True)
        return Scope()

    def template(self) -> str | None:
        text = self.template_edit.text().strip()
        return text if text and self.fmt == "md" else None

    def _scope_problem(self) -> str:
        """A one-line reason the chosen scope cannot be exported yet, or ""."""
        kind = self.scope_kind
        if kind == ISSUE and self.context.issue_id is None:
            return self.tr("No issue is open: choose another scope.")
        if kind == ITEMS and not self.context.item_ids:
            return self.tr("No items are selected: choose another scope.")
        if kind == TAG and not self.tag_combo.currentText().strip():
            return self.tr("There are no tags yet: choose another scope.")
        if kind == QUERY and not self.query_edit.text().strip():
            return self.tr("Type a search query to export its results.")
        if kind == DATES and self.since_edit.date() > self.until_edit.date():
            return self.tr("The first date is after the last date.")
        return ""

    def _update_enabled(self) -> None:
        kind = self.scope_kind
        self.tag_combo.setEnabled(kind == TAG)
        self.query_edit.setEnabled(kind == QUERY)
        self.since_edit.setEnabled(kind == DATES)
        self.until_edit.setEnabled(kind == DATES)
        md = self.fmt == "md"
        self.template_edit.setEnabled(md)
        self.template_button.setEnabled(md)

    def _on_changed(self, *_args: object) -> None:
        self._update_enabled()
        self.schedule_preview()

    def _on_format(self, *_args: object) -> None:
        """Keep a chosen output file's suffix in step with the format."""
        text = self.output_edit.text().strip()
        path = Path(text)
        if text and path.suffix.lower() in (".md", ".markdown", ".json", ".jsonld", ".csv", ".pdf"):
            self.output_edit.setText(str(path.with_suffix(FORMAT_SUFFIX[self.fmt])))
        self._on_changed()

    # -- preview -------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        """Ask for a new preview once the controls stop changing (debounced)."""
        self._timer.start()

    def refresh_preview(self) -> None:
        self._timer.stop()
        problem = self._scope_problem()
        if problem:
            self._preview_token = 0
            self.preview.setPlainText("")
            self.show_error(problem)
            return
        scope, fmt, template = self.scope(), self.fmt, self.template()
        service = self.service
        self._preview_token = self.worker.submit(
            lambda: service.export_preview(scope, fmt, template=template))

    def _show_preview(self, text: str) -> None:
        if self.fmt == "pdf":
            text = self.tr("Will write an annotated copy of each PDF (shown here: the first).") \
                + "\n\n" + text
        self.preview.setPlainText(text)
        # The core previews an empty scope as text; it is the reason nothing can be exported.
        self.show_error(text if text.startswith("Nothing to export") else "")

    # -- export --------------------------------------------------------------------------
    def start_export(self) -> None:
        """Run the export on the worker thread; the result (or error) comes back in one line."""
        if self._export_token:
            return
        problem = self._scope_problem()
        output = self.output_edit.text().strip()
        if not problem and not output:
            problem = self.tr("Choose where to export to.")
        if problem:
            self.show_error(problem)
            return
        scope, fmt, template = self.scope(), self.fmt, self.template()
        service = self.service
        self.message_label.setText(self.tr("Exporting\u2026"))
        self.show_error("")
        self.busy.setVisible(True)
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._export_token = self.worker.submit(
            lambda: service.export(scope, fmt, output, template=template))

    def _finish_export(self) -> None:
        self._export_token = 0
        self.busy.setVisible(False)
        self.export_button.setEnabled(True)

    def _on_done(self, token: int, result: object) -> None:
        if token == self._export_token:
            self._finish_export()
            assert isinstance(result, ExportResult)  # export jobs return one (start_export)
            self.export_result = result
            self.message_label.setText(result.message())
            self.open_button.setEnabled(bool(getattr(result, "paths", None)))
        elif token == self._preview_token:
            self._show_preview(str(result))

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._export_token:
            self._finish_export()
            self.message_label.setText("")
            self.show_error(message)
        elif token == self._preview_token:
            self.preview.setPlainText("")
            self.show_error(message)

    def show_error(self, message: str) -> None:
        """One line under the preview ("" clears it)."""
        line = message.strip().splitlines()[0] if message.strip() else ""
        self.error_label.setText(line)
        self.error_label.setToolTip(line)

    def output_folder(self) -> Path | None:
        """The folder holding what the last export wrote."""
        paths = getattr(self.export_result, "paths", None)
        if not paths:
            return None
        first = Path(paths[0])
        return first.parent

    def open_folder(self) -> None:
        """Only on the user's click: show the exported files in the file manager."""
        folder = self.output_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- pickers -------------------------------------------------------------------------
    def choose_template(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Markdown Template"), self.template_edit.text() or str(Path.home()),
            self.tr("Jinja2 templates (*.j2 *.jinja *.md *.txt);;All files (*)"))
        if path:
            self.template_edit.setText(path)

    def choose_output(self) -> None:
        current = self.output_edit.text().strip() or str(default_output_folder())
        if self.fmt in ("md", "pdf") and self.scope_kind != DATES:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to Folder"), current)
        else:
            start = current if Path(current).suffix else str(
                Path(current) / ("export" + FORMAT_SUFFIX[self.fmt]))
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to File"), start)
        if path:
            self.output_edit.setText(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._timer.stop()
        self.worker.wait()
        super().closeEvent(event)
