"""The small tag entry (t): type a tag with autocomplete over existing names, Enter adds it to
the target (items or an issue); present tags show as chips whose × removes them. Every change
is an undoable controller action."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.annotate.commands import AnnotationController
from reader.app.i18n import fill


class TagDialog(QDialog):
    """Tag ``ids`` (item ids, or issue ids when ``issues`` is true)."""

    def __init__(self, controller: AnnotationController, ids: list[int], *, issues: bool = False,
                 title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.controller = controller
        self.ids = list(ids)
        self.issues = issues
        n = len(self.ids)
        if not title:
            if issues:
                title = self.tr("Tag issue")
            elif n == 1:
                title = self.tr("Tag item")
            else:
                title = self.tr("Tag %n item(s)", "", n)
        self.setWindowTitle(title)
        self.label = QLabel(title)
        self.field = QLineEdit()
        self.field.setObjectName("tagField")
        self.field.setAccessibleName(self.tr("New tag"))
        self.field.setPlaceholderText(self.tr("Tag name (a/b nests; comma for several)"))
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(self.completer)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        chip_box = QWidget()
        chip_box.setLayout(self.chips)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(chip_box)
        self.field.returnPressed.connect(self.add_typed)
        self.controller.service.tags_changed.connect(self.refresh)
        self.refresh()
        self.setMinimumSize(380, 150)
        self.resize(380, 150)
        layout.activate()  # settle size constraints before the native window exists

    def current_tags(self) -> list[str]:
        """Tags every target carries (a chip each)."""
        ann = self.controller.service.annotations
        sets = [set(ann.issue_tags(i) if self.issues else ann.item_tags(i)) for i in self.ids]
        return sorted(set.intersection(*sets)) if sets else []

    def refresh(self) -> None:
        self.names.setStringList(self.controller.service.annotations.tag_names("", limit=1000))
        while self.chips.count():
            taken = self.chips.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for tag in self.current_tags():
            chip = QToolButton()
            chip.setObjectName(f"tagChip:{tag}")
            chip.setText(self.tr("{tag}  \u00d7").format(tag=tag))
            chip.setAccessibleName(fill(self.tr("Remove tag %1"), tag))
            chip.setToolTip(fill(self.tr("Remove tag %1"), tag))
            chip.clicked.connect(lambda _checked=False, t=tag: self.remove_tag(t))
            self.chips.addWidget(chip)
        self.chips.addStretch(1)

    def add_typed(self) -> None:
        """Enter: add the typed tag(s); an empty field closes the entry."""
        tags = [t.strip() for t in self.field.text().split(",") if t.strip()]
        if not tags:
            self.accept()
            return
        if self.issues:
            change = self.controller.tag_issues(self.ids, tags)
        else:
            change = self.controller.tag_items(self.ids, tags)
        if change is not None:
            self.field.clear()
            self.accept()

    def remove_tag(self, tag: str) -> None:
        if self.issues:
            self.controller.untag_issues(self.ids, [tag])
        else:
            self.controller.untag_items(self.ids, [tag])
