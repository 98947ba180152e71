"""The note side panel: a Markdown note on the current item or on its issue, with a rendered
preview, saved as you type (debounced). Saves made while editing one note merge into one undo
step (the controller merges ChangeCommands with the same session key)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.app.annotate.commands import AnnotationController
from reader.app.i18n import fill
from reader.core.errors import UserError

SAVE_DELAY_MS = 500
_sessions = itertools.count(1)


class NotePanel(QWidget):
    """Edits the note of ``item_id`` (or of ``issue_id`` when "Issue" is chosen)."""

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePanel")
        self.setAccessibleName(self.tr("Note panel"))
        self.controller = controller
        self.item_id: int | None = None
        self.issue_id: int | None = None
        self._session = next(_sessions)
        self._loading = False
        self._dirty = False

        self.title = QLabel(self.tr("Note"))
        self.title.setObjectName("noteTitle")
        self.title.setWordWrap(True)
        self.on_item = QRadioButton(self.tr("Item"))
        self.on_item.setObjectName("noteOnItem")
        self.on_item.setAccessibleName(self.tr("Note on the current item"))
        self.on_issue = QRadioButton(self.tr("Issue"))
        self.on_issue.setObjectName("noteOnIssue")
        self.on_issue.setAccessibleName(self.tr("Note on the issue"))
        self.on_item.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.on_item)
        group.addButton(self.on_issue)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setAccessibleName(self.tr("Note text (Markdown)"))
        self.editor.setPlaceholderText(self.tr("Write a note in Markdown; it saves as you type."))
        self.preview = QTextBrowser()
        self.preview.setObjectName("notePreview")
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)
        self.status = QLabel()
        self.status.setObjectName("noteStatus")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.on_item)
        top.addWidget(self.on_issue)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._on_text)
        self.on_item.toggled.connect(lambda _on: self._switch())
        controller.service.annotations_changed.connect(self._on_changed)

    # -- target --------------------------------------------------------------------------
    @property
    def on_issue_note(self) -> bool:
        return self.on_issue.isChecked()

    def set_target(self, item_id: int | None, issue_id: int | None, title: str = "") -> None:
        """Follow the current item (saving what was typed for the previous one first)."""
        if (item_id, issue_id) == (self.item_id, self.issue_id):
            return
        self.save()
        self.item_id, self.issue_id = item_id, issue_id
        self._title_text = title
        self._switch(save=False)

    def _switch(self, *, save: bool = True) -> None:
        if save:
            self.save()
        self._session = next(_sessions)
        self._load()

    def _load(self) -> None:
        ann = self.controller.service.annotations
        text = ""
        try:
            if self.on_issue_note and self.issue_id is not None:
                text = ann.issue_note(self.issue_id)
                label = self.tr("Note on the issue")
            elif self.item_id is not None:
                text = ann.note(self.item_id)
                label = fill(self.tr("Note on: %1"), getattr(self, "_title_text", ""))
            else:
                label = self.tr("No item")
        except UserError:
            label = self.tr("No item")
        self.title.setText(label)
        self.editor.setEnabled(self.item_id is not None or self.issue_id is not None)
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self._dirty = False
        self._render(text)

    # -- editing -------------------------------------------------------------------------
    def _on_text(self) -> None:
        self._render(self.editor.toPlainText())
        if self._loading:
            return
        self._dirty = True
        self.status.setText(self.tr("Editing\u2026"))
        self.timer.start()

    def _render(self, text: str) -> None:
        self.preview.document().setMarkdown(text)

    def save(self) -> None:
        """Write the typed text now (the debounce timer calls this)."""
        self.timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        text = self.editor.toPlainText()
        if self.on_issue_note and self.issue_id is not None:
            change = self.controller.set_issue_note(self.issue_id, text, session=self._session)
        elif self.item_id is not None:
            change = self.controller.set_note(self.item_id, text, session=self._session)
        else:
            return
        self.status.setText(self.tr("Saved") if change is not None else self.tr("Not saved"))

    def _on_changed(self, item_ids: list[int], issue_ids: list[int]) -> None:
        """After an undo/redo (or another view) changed this note, show the stored text."""
        if self._dirty:
            return
        mine = (self.issue_id in issue_ids) if self.on_issue_note else (self.item_id in item_ids)
        target = self.issue_id if self.on_issue_note else self.item_id
        if not mine or target is None:
            return
        ann = self.controller.service.annotations
        try:
            stored = (ann.issue_note(target) if self.on_issue_note
                      else ann.note(target))
        except UserError:
            return
        if stored != self.editor.toPlainText():
            self._load()
            self._session = next(_sessions)
