"""Puts the discovery pieces into the window and wires them to the search panel.

- Saved Searches and Entities sections in the sidebar (around the Tags section);
- the Related panel beside the note panel (View menu, shortcut from the one table);
- "Save Search…" (Go menu, shortcut) and Help → Query Language;
- a timeline dialog for an entity (from the Entities context menu).

The window calls :meth:`save_current_search` and :meth:`toggle_related` from its shortcut
slots; everything else is reached through the widgets here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from reader.app.discover.facets_panel import FacetsPanel
from reader.app.discover.help_dialog import QueryHelpDialog
from reader.app.discover.related_panel import RelatedPanel
from reader.app.discover.saved_panel import SavedSearchesPanel
from reader.app.discover.timeline_dialog import TimelineDialog
from reader.app.i18n import fill

if TYPE_CHECKING:
    from reader.app.window import MainWindow
    from reader.core.search import SavedSearch


class DiscoverController(QObject):
    """Owns the saved-searches and entities sections, the related panel and the dialogs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        service = window.service
        self.saved_panel = SavedSearchesPanel(service)
        self.facets_panel = FacetsPanel(service)
        split = window.left_split
        split.insertWidget(split.indexOf(window.left_stack) + 1, self.saved_panel)
        split.addWidget(self.facets_panel)
        for i in range(split.count()):
            split.setStretchFactor(i, 3 if split.widget(i) is window.left_stack else 1)
        # Proportions, not pixels: each section below the list gets room for a few lines, so a
        # wrapped hint ("No saved searches: ...") is not cut off (a splitter ignores a wrapped
        # label's height-for-width).
        split.setSizes([480 if split.widget(i) is window.left_stack else 160 for i in range(split.count())])
        self.related_panel = RelatedPanel(service)
        self.related_panel.hide()
        window.content_splitter.addWidget(self.related_panel)
        self.help_dialog: QueryHelpDialog | None = None
        self.timeline_dialog: TimelineDialog | None = None

        self.help_action = QAction(self.tr("&Query Language"), window)
        self.help_action.setObjectName("query_help")
        self.help_action.triggered.connect(self.show_query_help)
        self._add_to_menus()

        self.saved_panel.run_requested.connect(self.run_query)
        self.saved_panel.save_requested.connect(self.save_current_search)
        window.search.save_requested.connect(self.save_current_search)
        self.facets_panel.query_requested.connect(self.run_query)
        self.facets_panel.timeline_requested.connect(self.show_timeline)
        self.related_panel.open_requested.connect(window.open_hit)
        window.reading.current_item_changed.connect(
            lambda item: self.related_panel.set_item(item.id if item is not None else None))
        current = window.reading.current_item()
        self.related_panel.set_item(current.id if current is not None else None)

    def _add_to_menus(self) -> None:
        actions = self.window.actions_by_name
        go = getattr(self.window, "go_menu", None)
        if go is not None and "save_search" in actions:
            go.addAction(actions["save_search"])
        view = getattr(self.window, "view_menu", None)
        if view is not None and "toggle_related" in actions:
            view.addAction(actions["toggle_related"])
        help_menu = getattr(self.window, "help_menu", None)
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, self.help_action) if first is not None \
                else help_menu.addAction(self.help_action)

    # -- searches ------------------------------------------------------------------------
    def run_query(self, query: str) -> None:
        """Put ``query`` into the search field and show its results now."""
        window = self.window
        search = window.search
        window.left_stack.setCurrentWidget(search)
        search.field.setText(query)
        search.run_search()
        search.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_current_search(self) -> None:
        """Ask a name for the search field's query and save it (a message if it is empty)."""
        query = self.window.search.field.text().strip()
        if not query:
            self.window.statusBar().showMessage(
                self.tr("Type a search first, then save it."), 8000)
            self.window.focus_search()
            return
        name, ok = QInputDialog.getText(self.window, self.tr("Save Search"),
                                        self.tr("Name for this search:"), text=query[:80])
        if ok and name.strip():
            self.save_search(name.strip(), query)

    def save_search(self, name: str, query: str) -> SavedSearch | None:
        """Save ``query`` as ``name`` (None after a refusal, shown in the status bar)."""
        saved = self.window.service.add_saved(name, query)
        if saved is not None:
            self.window.statusBar().showMessage(
                fill(self.tr("Saved search \u201c%1\u201d"), saved.name), 5000)
        return saved

    # -- panels and dialogs --------------------------------------------------------------
    def toggle_related(self) -> None:
        panel = self.related_panel
        if panel.isVisible():
            panel.hide()
            return
        current = self.window.reading.current_item()
        panel.set_item(current.id if current is not None else None)
        panel.show()
        panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_query_help(self) -> QueryHelpDialog:
        if self.help_dialog is None:
            self.help_dialog = QueryHelpDialog(self.window.service.query_language_help(), self.window)
        self.help_dialog.show()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def show_timeline(self, name: str) -> TimelineDialog:
        if self.timeline_dialog is not None:
            self.timeline_dialog.close()
            self.timeline_dialog.deleteLater()
        dialog = TimelineDialog(self.window.service, name, self.window)
        dialog.open_requested.connect(self.window.open_hit)
        self.timeline_dialog = dialog
        dialog.show()
        return dialog
