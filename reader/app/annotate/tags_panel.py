"""The sidebar's Tags section: every tag with its item count (nested tags as a tree), an
"all of / any of" toggle, and a filter: selecting tags announces ``filter_changed(tags, mode)``.
Rename and merge come from its context menu; a line below names unplaced annotations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.app.annotate.commands import AnnotationController
from reader.app.i18n import fill

TagRole = Qt.ItemDataRole.UserRole + 11


class TagsPanel(QWidget):
    """Tags with counts; ``filter_changed(list[str], "all"|"any")`` on selection changes
    (an empty list: no filter); ``orphans_requested()`` when the unplaced line is clicked."""

    filter_changed = Signal(list, str)
    orphans_requested = Signal()

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsPanel")
        self.controller = controller
        # Called with (menu, tags) once build_menu has filled the menu, to add entries of others.
        self.menu_hook: Callable[[QMenu, list[str]], None] | None = None
        self.header = QLabel(self.tr("Tags"))
        self.header.setObjectName("tagsHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.mode_button = QToolButton()
        self.mode_button.setObjectName("tagsMode")
        self.mode_button.setCheckable(True)  # checked = any of
        self.mode_button.setAccessibleName(self.tr("Match all or any of the selected tags"))
        self.mode_button.toggled.connect(self._on_mode)
        self.tree = QTreeWidget()
        self.tree.setObjectName("tagsTree")
        self.tree.setAccessibleName(self.tr("Tags"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._emit_filter)
        self.hint = QLabel(self.tr("No tags yet: press T to tag the current item."))
        self.hint.setObjectName("tagsHint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.orphans_button = QPushButton()
        self.orphans_button.setObjectName("orphansEntry")
        self.orphans_button.setFlat(True)
        self.orphans_button.setAccessibleName(self.tr("Unplaced annotations"))
        self.orphans_button.clicked.connect(self.orphans_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.mode_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        layout.addStretch(0)
        layout.addWidget(self.orphans_button)
        self._on_mode(False)
        self._quiet = False
        self.refresh()
        controller.service.tags_changed.connect(self.refresh)
        controller.service.annotations_changed.connect(lambda *_: self.refresh_orphans())
        controller.service.issues_changed.connect(self.refresh)

    # -- content -------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return "any" if self.mode_button.isChecked() else "all"

    def refresh(self) -> None:
        """Re-read tags and counts, keeping the selected tags selected."""
        selected = set(self.selected_tags())
        self._quiet = True
        try:
            self.tree.clear()
            nodes: dict[str, QTreeWidgetItem] = {}
            for tag in self.controller.service.annotations.tags():
                parts = tag.name.split("/")
                for depth in range(1, len(parts) + 1):
                    path = "/".join(parts[:depth])
                    if path in nodes:
                        continue
                    parent = nodes.get("/".join(parts[:depth - 1])) if depth > 1 else None
                    node = QTreeWidgetItem([parts[depth - 1], ""])
                    node.setData(0, TagRole, path)
                    (parent.addChild(node) if parent is not None else self.tree.addTopLevelItem(node))
                    nodes[path] = node
                node = nodes[tag.name]
                count = tag.item_count + tag.issue_count
                node.setText(1, str(count))
                node.setToolTip(0, fill(self.tr("%1: %2, %3", "tag tooltip: name, item count, issue count"),
                                        tag.name, self.tr("%n item(s)", "", tag.item_count),
                                        self.tr("%n issue(s)", "", tag.issue_count)))
                node.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.expandAll()
            empty = not nodes
            self.tree.setVisible(not empty)
            self.hint.setVisible(empty)
            for path, node in nodes.items():
                if path in selected:
                    node.setSelected(True)
        finally:
            self._quiet = False
        self.refresh_orphans()
        if set(self.selected_tags()) != selected:
            self._emit_filter()

    def refresh_orphans(self) -> None:
        n = len(self.controller.service.annotations.orphans())
        self.orphans_button.setText(fill(self.tr("Unplaced annotations (%1)"), str(n)))
        self.orphans_button.setVisible(n > 0)

    def count_of(self, tag: str) -> str:
        for node in self._nodes():
            if node.data(0, TagRole) == tag:
                return node.text(1)
        return ""

    def _nodes(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            if node is None:  # only for an index out of range
                continue
            out.append(node)
            stack.extend(node.child(i) for i in range(node.childCount()))
        return out

    def select_tags(self, tags: list[str]) -> None:
        self._quiet = True
        try:
            self.tree.clearSelection()
            for node in self._nodes():
                if node.data(0, TagRole) in tags:
                    node.setSelected(True)
        finally:
            self._quiet = False
        self._emit_filter()

    def selected_tags(self) -> list[str]:
        return [node.data(0, TagRole) for node in self.tree.selectedItems()]

    def filter_tags(self) -> list[str]:
        """Selected tags as filter terms: a tag with nested tags also matches them."""
        out = []
        for node in self.tree.selectedItems():
            path = node.data(0, TagRole)
            out.append(f"{path}/*" if node.childCount() else path)
        return out

    def _on_mode(self, any_of: bool) -> None:
        self.mode_button.setText(self.tr("Any of") if any_of else self.tr("All of"))
        self.mode_button.setToolTip(self.tr("Items with any of the selected tags") if any_of
                                    else self.tr("Items with all of the selected tags"))
        if not getattr(self, "_quiet", True):
            self._emit_filter()

    def _emit_filter(self) -> None:
        if not self._quiet:
            self.filter_changed.emit(self.filter_tags(), self.mode)

    # -- rename / merge ------------------------------------------------------------------
    def build_menu(self, tags: list[str]) -> QMenu:
        menu = QMenu(self)
        if len(tags) == 1:
            rename = menu.addAction(self.tr("Rename Tag\u2026"))
            rename.setObjectName("renameTag")
            rename.triggered.connect(lambda: self.ask_rename(tags[0]))
        if tags:
            merge = menu.addAction(self.tr("Merge Into\u2026"))
            merge.setObjectName("mergeTags")
            merge.triggered.connect(lambda: self.ask_merge(tags))
            clear = menu.addAction(self.tr("Clear Tag Filter"))
            clear.setObjectName("clearTagFilter")
            clear.triggered.connect(self.tree.clearSelection)
        if self.menu_hook is not None:
            self.menu_hook(menu, tags)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        node = self.tree.itemAt(pos)
        if node is not None and not node.isSelected():
            self.tree.setCurrentItem(node)
        menu = self.build_menu(self.selected_tags())
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def ask_rename(self, tag: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Rename Tag"), self.tr("New name:"), text=tag)
        if ok and new.strip() and new.strip() != tag:
            self.controller.rename_tag(tag, new.strip())

    def ask_merge(self, tags: list[str]) -> None:
        names = self.controller.service.annotations.tag_names("", limit=1000)
        into, ok = QInputDialog.getItem(self, self.tr("Merge Tags"),
                                        self.tr("Merge into:"), names, 0, True)
        if ok and into.strip():
            self.controller.merge_tags([t for t in tags if t != into.strip()], into.strip())
