"""The main window: sidebar (with search) | reading pane | page pane, menus, import, state.

It wires the parts together and holds no data of its own: rows come from the service,
preferences from :class:`reader.app.settings.Settings`, shortcuts from the one table in
:mod:`reader.app.shortcuts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.app import theme
from reader.app.annotate import AnnotationController
from reader.app.annotate.colors import PAGE_ALPHA, highlight_color
from reader.app.annotate.menus import add_annotation_actions
from reader.app.annotate.note_panel import NotePanel
from reader.app.annotate.orphans import OrphansDialog
from reader.app.annotate.tag_dialog import TagDialog
from reader.app.annotate.tags_panel import TagsPanel
from reader.app.annotate.toolbar import AnnotateToolBar
from reader.app.discover import DiscoverController
from reader.app.export import ExportController
from reader.app.i18n import fill
from reader.app.importing import ImportController, ImportSummaryDialog
from reader.app.language_menu import LanguageMenu
from reader.app.page_factory import make_page_pane
from reader.app.reading import ReadingPane
from reader.app.search import SearchPanel
from reader.app.search.catch_up import SearchCatchUp
from reader.app.service import LibraryService
from reader.app.settings import Settings
from reader.app.shortcuts import SHORTCUTS, group_label, key_sequences, label, native_text
from reader.app.sidebar import SidebarModel, SidebarView
from reader.app.sidebar.model import view_label
from reader.app.welcome import WelcomeView
from reader.core import paths
from reader.core.errors import UserError
from reader.core.library import ItemRow
from reader.core.model import ItemRect

if TYPE_CHECKING:  # the importer (and PyMuPDF) loads only when an import runs
    from reader.core.importer import ImportOutcome

LEFT, CONTENT = 0, 1
WELCOME_PAGE, MAIN_PAGE = 0, 1


class MainWindow(QMainWindow):
    """The reader window. ``issue_opened(issue_id)`` fires after an issue is shown."""

    issue_opened = Signal(int)
    import_finished = Signal(list)

    def __init__(self, service: LibraryService, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Digest Reader"))
        self.service = service
        self.settings = settings or Settings()
        self.summary_dialog: ImportSummaryDialog | None = None
        self.annotator = AnnotationController(service, self)
        self.exporter = ExportController(self)
        self.tag_dialog: TagDialog | None = None
        self.orphans_dialog: OrphansDialog | None = None
        # (pdf, annotation id, item id, start, end) -> rects
        self._highlight_rects: dict[tuple[str, int, int | None, int | None, int | None], list[ItemRect]] = {}
        self._pages_issue: int | None = None
        self._painted = False
        self.search_catch_up = SearchCatchUp(service, self)
        self.search_catch_up.progress.connect(self._show_catch_up)
        self.search_catch_up.finished.connect(self._catch_up_done)
        self._pending_pages: tuple[int, list[ItemRow], int] | None = None
        self._pending_item: tuple[ItemRect, ...] | None = None
        self.setAcceptDrops(True)
        # An explicit minimum keeps the layout from re-deriving it whenever a pane or the
        # welcome view changes (each change would otherwise be pushed to the platform window).
        self.setMinimumSize(720, 440)

        self._build_widgets()
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        self._connect()
        self.discover = DiscoverController(self)
        self._restore_state()
        # Settle size constraints before the native window exists (cheaper first show, and
        # platforms without size-hint support, such as offscreen, are not asked to change them).
        if (layout := self.layout()) is not None:
            layout.activate()

    # -- construction --------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.sidebar_model = SidebarModel(self.service, self)
        self.sidebar = SidebarView(self.sidebar_model)
        self.search = SearchPanel(self.service)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.sidebar)
        self.left_stack.addWidget(self.search)
        left = QWidget()
        left.setObjectName("leftPane")
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search.field)
        self.tags_panel = TagsPanel(self.annotator)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.setObjectName("leftSplitter")
        self.left_split.addWidget(self.left_stack)
        self.left_split.addWidget(self.tags_panel)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 1)
        self.left_split.setSizes([560, 160])
        layout.addWidget(self.left_split, 1)

        self.reading = ReadingPane(self.service, self.settings)
        self.pages = make_page_pane()
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.content_splitter.setObjectName("contentSplitter")
        self.content_splitter.addWidget(self.reading)
        self.content_splitter.addWidget(self.pages)
        self.note_panel = NotePanel(self.annotator)
        self.content_splitter.addWidget(self.note_panel)
        self.note_panel.hide()
        self.content_splitter.setChildrenCollapsible(True)
        content = QWidget()
        content.setObjectName("contentArea")
        self.content_layout = QVBoxLayout(content)  # the annotate toolbar goes on top
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(0)
        self.content_layout.addWidget(self.content_splitter, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(content)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([260, 1020])
        self.content_splitter.setSizes([560, 460])

        self.welcome = WelcomeView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.main_splitter)
        self.setCentralWidget(self.stack)
        self.stack.setCurrentIndex(WELCOME_PAGE if self.service.is_empty() else MAIN_PAGE)

    def _build_actions(self) -> None:
        """One QAction per entry of the shortcut table: registered once, listed once."""
        self.actions_by_name: dict[str, QAction] = {}
        for shortcut in SHORTCUTS:
            action = QAction(label(shortcut), self)
            action.setObjectName(shortcut.name)
            action.setShortcuts(key_sequences(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(getattr(self, shortcut.slot))
            self.addAction(action)
            self.actions_by_name[shortcut.name] = action

    def _build_toolbar(self) -> None:
        """Annotate toolbar over the reading area, on the shortcut actions (before first show)."""
        self.annotate_toolbar = AnnotateToolBar(self.actions_by_name, self.annotator)
        self.content_layout.insertWidget(0, self.annotate_toolbar)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.file_menu = file_menu
        file_menu.addActions([a["import_files"], a["import_folder"]])
        file_menu.addActions([a["export"], self.exporter.import_action])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("viewMenu")
        self.view_menu = view
        view.addActions([a["font_bigger"], a["font_smaller"], a["font_reset"]])
        view.addSeparator()
        view.addActions([a["page_zoom_in"], a["page_zoom_out"], a["fit_width"], a["fit_page"]])
        view.addSeparator()
        view.addActions([a["toggle_reading"], a["toggle_pages"]])
        view.addSeparator()
        theme_menu = view.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode, text in (("system", self.tr("Follow the &System")), ("light", self.tr("&Light")),
                           ("dark", self.tr("&Dark"))):
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"theme_{mode}")
            action.setChecked(self.settings.theme == mode)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_theme(m))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[mode] = action
        self.language_menu = LanguageMenu(self.settings, self)
        view.addMenu(self.language_menu)
        self.mark_read_action = QAction(self.tr("&Mark Items Read When Shown"), self, checkable=True)
        self.mark_read_action.setObjectName("mark_read_when_shown")
        self.mark_read_action.setChecked(self.settings.mark_read_when_shown)
        self.mark_read_action.toggled.connect(self._set_mark_read_when_shown)
        view.addAction(self.mark_read_action)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.setObjectName("editMenu")
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addActions([a["highlight"], a["tag"], a["toggle_notes"]])
        edit.addSeparator()
        self.orphans_action = QAction(self.tr("&Unplaced Annotations\u2026"), self)
        self.orphans_action.setObjectName("show_orphans")
        self.orphans_action.triggered.connect(self.show_orphans)
        edit.addAction(self.orphans_action)
        self.edit_menu = edit
        stack = self.annotator.stack
        stack.undoTextChanged.connect(self._update_undo_texts)
        stack.redoTextChanged.connect(self._update_undo_texts)
        stack.canUndoChanged.connect(self._update_undo_texts)
        stack.canRedoChanged.connect(self._update_undo_texts)
        self._update_undo_texts()

        go = bar.addMenu(self.tr("&Go"))
        go.setObjectName("goMenu")
        self.go_menu = go
        go.addActions([a["next_item"], a["previous_item"], a["first_item"], a["last_item"]])
        go.addSeparator()
        go.addActions([a["next_issue"], a["previous_issue"]])
        go.addSeparator()
        go.addActions([a["mark_read"], a["mark_unread"], a["toggle_star"]])
        go.addSeparator()
        go.addActions([a["search"], a["back"]])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.help_menu = help_menu
        help_menu.addAction(a["shortcuts_help"])
        about = QAction(self.tr("&About Digest Reader"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel import"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress_label = QLabel()
        for widget in (self.progress_label, self.progress, self.cancel_button):
            status.addPermanentWidget(widget)
            widget.hide()
        self.importer = ImportController(self.service, self)

    def _connect(self) -> None:
        self.sidebar.issue_selected.connect(self.open_issue)
        self.sidebar.view_selected.connect(self.open_view)
        self.sidebar.enter_pressed.connect(lambda: self.reading.setFocus(Qt.FocusReason.OtherFocusReason))
        self.reading.current_item_changed.connect(self._on_current_item)
        self.reading.context_menu_hook = self._annotation_menu
        self.tags_panel.filter_changed.connect(self.show_tagged)
        self.tags_panel.orphans_requested.connect(self.show_orphans)
        self.exporter.attach_tags_panel(self.tags_panel)
        self.service.annotations_changed.connect(self._on_annotations_changed)
        self.search.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        self.search.hit_activated.connect(self.open_hit)
        self.search.close_requested.connect(self.close_search)
        self.search.field.textChanged.connect(self._on_search_text)
        self.welcome.import_requested.connect(self.import_files)
        self.welcome.samples_requested.connect(self.import_samples)
        self.importer.started.connect(self._on_import_started)
        self.importer.progressed.connect(self._on_import_progress)
        self.importer.finished.connect(self._on_import_finished)
        self.cancel_button.clicked.connect(self.importer.cancel)
        self.service.issues_changed.connect(self._on_issues_changed)
        self.service.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        item_activated = getattr(self.pages, "item_activated", None)
        if item_activated is not None:
            item_activated.connect(self._on_page_item_activated)
        status_message = getattr(self.pages, "status_message", None)
        if status_message is not None:
            status_message.connect(self._show_page_status)

    # -- state ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        for splitter, sizes in ((self.main_splitter, s.main_splitter),
                                (self.content_splitter, s.content_splitter)):
            if sizes and len(sizes) == splitter.count():
                splitter.setSizes(sizes)
        fit = s.page_fit
        if fit == "width":
            self._page_call("fit_width")
        elif fit == "page":
            self._page_call("fit_page")
        elif hasattr(self.pages, "zoom") and s.page_zoom > 0:
            try:
                self.pages.zoom = s.page_zoom
            except (AttributeError, TypeError, ValueError):
                pass
        if self.stack.currentIndex() == MAIN_PAGE:
            last = s.last_issue_id
            if last is None or not self.sidebar.select_issue(last):
                first = self.sidebar.first_issue_id()
                if first is not None:
                    self.sidebar.select_issue(first)
        self.sidebar.setFocus()

    def save_state(self) -> None:
        s = self.settings
        s.window_geometry = self.saveGeometry()
        s.main_splitter = self.main_splitter.sizes()
        s.content_splitter = self.content_splitter.sizes()
        zoom = getattr(self.pages, "zoom", None)
        if isinstance(zoom, (int, float)) and zoom > 0:
            s.page_zoom = float(zoom)
        fit = getattr(self.pages, "fit_mode", "width")
        s.page_fit = fit if isinstance(fit, str) else "width"
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.importer.running:
            self.importer.wait()
        self.search_catch_up.stop()
        shutdown = getattr(self.pages, "shutdown", None)
        if callable(shutdown):
            shutdown()
        super().closeEvent(event)

    # -- opening things ------------------------------------------------------------------
    def open_issue(self, issue_id: int, item_id: int | None = None) -> None:
        """Show an issue in the reading and page panes (and remember it for next start)."""
        try:
            issue = self.service.get_issue(issue_id)
            items = self.service.items(issue_id)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        self._set_pages_issue(issue_id, items, issue.pages)
        self.reading.show_issue(issue, items, current_item_id=item_id)
        self._update_page_highlights()
        self.settings.last_issue_id = issue_id
        self.setWindowTitle(self.tr("{title} \u2014 Digest Reader").format(
            title=f"{issue.series} {issue.label}".strip()))
        self.issue_opened.emit(issue_id)

    def open_view(self, view: str) -> None:
        title = view_label(view)
        self._pages_issue = None
        self.reading.show_view(title, view)
        self.setWindowTitle(self.tr("{title} \u2014 Digest Reader").format(title=title))

    def open_hit(self, item_id: int, issue_id: int) -> None:
        """Open a search hit: select its issue in the sidebar and make the item current."""
        if self.reading.issue is None or self.reading.issue.id != issue_id:
            if not self.sidebar.select_issue(issue_id) or self.reading.issue is None \
                    or self.reading.issue.id != issue_id:
                self.open_issue(issue_id)
        self.reading.set_current_item(item_id)
        self.reading.setFocus()

    def _set_pages_issue(self, issue_id: int, items: Sequence[ItemRow], page_count: int) -> None:
        if self._pages_issue == issue_id:
            return
        self._pages_issue = issue_id
        if not self._painted:
            self._pending_pages = (issue_id, list(items), page_count)
            return
        self._load_pages(issue_id, items, page_count)

    def _load_pages(self, issue_id: int, items: Sequence[ItemRow], page_count: int) -> None:
        try:
            pdf = self.service.issue_pdf_path(issue_id)
        except UserError:
            pdf = None
        self.pages.set_document(pdf, page_count)
        if hasattr(self.pages, "set_item_rects"):
            self.pages.set_item_rects([(item.id, rect) for item in items for rect in item.rects])
        if self._pending_item is not None:
            self.pages.show_item(self._pending_item)
            self._pending_item = None
        self._update_page_highlights()

    def _on_current_item(self, item: ItemRow) -> None:
        if self._pages_issue != item.issue_id:
            try:
                issue = self.service.get_issue(item.issue_id)
                self._set_pages_issue(issue.id, self.service.items(issue.id), issue.pages)
            except UserError:
                return
        if self._pending_pages is not None:
            self._pending_item = item.rects  # shown once the pages are loaded
            return
        self.pages.show_item(item.rects)
        self.note_panel.set_target(item.id, item.issue_id, item.headline or item.body[:60])

    def _show_page_status(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        """Start the page renderer (worker processes) and load the restored issue's pages only
        once the window is on screen: start-up stays fast and the first page is still quick."""
        pending, self._pending_pages = self._pending_pages, None
        if pending is not None:
            self._load_pages(*pending)
        warm_up = getattr(self.pages, "warm_up", None)
        if callable(warm_up):
            warm_up()
        self.search_catch_up.start()

    def _show_catch_up(self, left: int) -> None:
        if left:
            self.statusBar().showMessage(self.tr(
                "Preparing search for Japanese names: %n item(s) to go…", "", left))

    def _catch_up_done(self) -> None:
        self.statusBar().showMessage(self.tr("Search is ready for every item."), 5000)

    def _on_page_item_activated(self, item_id: int) -> None:
        if not self.reading.set_current_item(item_id):
            try:
                item = self.service.get_item(item_id)
            except UserError:
                return
            self.open_hit(item.id, item.issue_id)

    def _on_issues_changed(self) -> None:
        if self.service.is_empty():
            self.stack.setCurrentIndex(WELCOME_PAGE)
            return
        was_welcome = self.stack.currentIndex() == WELCOME_PAGE
        self.stack.setCurrentIndex(MAIN_PAGE)
        if was_welcome or self.reading.issue is None and self.sidebar.current_issue_id() is None:
            first = self.sidebar.first_issue_id()
            if first is not None:
                self.sidebar.select_issue(first)
                self.sidebar.setFocus()

    # -- keyboard slots (named in the shortcut table) -------------------------------------
    def next_item(self) -> None:
        self.reading.next_item()

    def previous_item(self) -> None:
        self.reading.previous_item()

    def first_item(self) -> None:
        self.reading.first_item()

    def last_item(self) -> None:
        self.reading.last_item()

    def next_issue(self) -> None:
        self.sidebar.select_adjacent_issue(+1)

    def previous_issue(self) -> None:
        self.sidebar.select_adjacent_issue(-1)

    def scroll_down(self) -> None:
        self.reading.scroll_page(+1)

    def scroll_up(self) -> None:
        self.reading.scroll_page(-1)

    def mark_read(self) -> None:
        item = self.reading.current_item()
        if item is not None:
            self.annotator.mark_read([item.id], True)

    def mark_unread(self) -> None:
        item = self.reading.current_item()
        if item is not None:
            self.annotator.mark_read([item.id], False)

    def toggle_star(self) -> None:
        item = self.reading.current_item()
        if item is not None:
            self.annotator.star([item.id], not item.starred)

    # -- annotating (undoable through self.annotator) -------------------------------------
    def highlight(self) -> None:
        """h: highlight the selected text inside an item, else the whole current item."""
        selection = self.reading.selection_range()
        if selection is not None:
            item_id, start, end = selection
            self.annotator.highlight(item_id, start=start, end=end)
            return
        item = self.reading.current_item()
        if item is not None:
            self.annotator.highlight(item.id)

    def selected_item_ids(self) -> list[int]:
        """Items an action applies to: several hits selected in the search list, items a
        reading-pane selection spans, else the current item."""
        if self.left_stack.currentWidget() is self.search and self.search.results.hasFocus():
            rows = self.search.results.selectionModel().selectedRows()
            hits = (self.search.model.hit(index.row()) for index in rows)
            ids = [hit.item_id for hit in hits if hit is not None]
            if ids:
                return ids
        ids = self.reading.selected_item_ids()
        if len(ids) > 1:
            return ids
        item = self.reading.current_item()
        return [item.id] if item is not None else []

    def tag_selection(self) -> None:
        """t: the tag entry for the selected (or current) items."""
        self.open_tag_dialog(self.selected_item_ids())

    def open_tag_dialog(self, ids: list[int], *, issues: bool = False) -> TagDialog | None:
        if not ids:
            return None
        if self.tag_dialog is not None:
            self.tag_dialog.close()
            self.tag_dialog.deleteLater()
        self.tag_dialog = TagDialog(self.annotator, ids, issues=issues, parent=self)
        self.tag_dialog.show()
        self.tag_dialog.field.setFocus()
        return self.tag_dialog

    def toggle_notes(self) -> None:
        if self.note_panel.isVisible():
            self.note_panel.save()
            self.note_panel.hide()
            self.reading.setFocus()
            return
        item = self.reading.current_item()
        if item is not None:
            self.note_panel.set_target(item.id, item.issue_id, item.headline or item.body[:60])
        self.note_panel.show()
        self.note_panel.editor.setFocus()

    def undo(self) -> None:
        self.note_panel.save()
        self.annotator.stack.undo()

    def redo(self) -> None:
        self.annotator.stack.redo()

    def _update_undo_texts(self, *_args: object) -> None:
        stack, a = self.annotator.stack, self.actions_by_name
        a["undo"].setText(fill(self.tr("Undo %1"), stack.undoText()).strip()
                          if stack.canUndo() else self.tr("Undo"))
        a["redo"].setText(fill(self.tr("Redo %1"), stack.redoText()).strip()
                          if stack.canRedo() else self.tr("Redo"))
        a["undo"].setEnabled(stack.canUndo())
        a["redo"].setEnabled(stack.canRedo())

    def _annotation_menu(self, menu: QMenu, item_id: int | None, annotation_id: int | None) -> None:
        add_annotation_actions(menu, self.annotator, self, item_id, annotation_id,
                               self.reading.selection_range())
        if item_id is not None:
            tag = menu.addAction(self.tr("Tag\u2026"))
            tag.setObjectName("tagItem")
            tag.triggered.connect(lambda: self.open_tag_dialog(
                self.reading.selected_item_ids() or [item_id]))
            for name in self.service.annotations.item_tags(item_id):
                untag = menu.addAction(fill(self.tr("Remove Tag %1"), name))
                untag.setObjectName(f"untag:{name}")
                untag.triggered.connect(lambda _c=False, n=name: self.annotator.untag_items([item_id], [n]))
            self.exporter.add_item_entry(menu, item_id)

    def _sidebar_menu(self, pos: QPoint) -> None:
        index = self.sidebar.indexAt(pos)
        issue = self.sidebar_model.issue_at(index.siblingAtColumn(0)) if index.isValid() else None
        if issue is None:
            return
        menu = QMenu(self)
        tag = menu.addAction(self.tr("Tag Issue\u2026"))
        tag.setObjectName("tagIssue")
        tag.triggered.connect(lambda: self.open_tag_dialog([issue.id], issues=True))
        note = menu.addAction(self.tr("Note on Issue"))
        note.setObjectName("noteOnIssue")
        note.triggered.connect(lambda: self._open_issue_note(issue.id))
        self.exporter.add_issue_entry(menu, issue.id)
        menu.exec(self.sidebar.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _open_issue_note(self, issue_id: int) -> None:
        if self.reading.issue is None or self.reading.issue.id != issue_id:
            self.sidebar.select_issue(issue_id)
        self.note_panel.on_issue.setChecked(True)
        if not self.note_panel.isVisible():
            self.toggle_notes()

    def show_tagged(self, tags: list[str], mode: str) -> None:
        """Show the items carrying the selected tags (all of / any of) in the reading pane."""
        if not tags:
            issue_id = self.sidebar.current_issue_id()
            if issue_id is not None:
                self.open_issue(issue_id)
            return
        try:
            ids = self.service.annotations.item_ids_with_tags(tags, mode=mode)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        items = self.service.items_by_ids(ids[:500])
        joiner = self.tr(" and ") if mode == "all" else self.tr(" or ")
        title = joiner.join("#" + t.removesuffix("/*") for t in tags)
        self._pages_issue = None
        self.reading.show_items(self.tr("Tags"), title, items,
                                self.tr("%n item(s)", "", len(ids)))
        self.setWindowTitle(self.tr("{title} \u2014 Digest Reader").format(title=title))

    def show_export(self) -> None:
        """File → Export… (Ctrl+E): the export dialog for what is open."""
        self.exporter.open()

    def show_orphans(self) -> None:
        if self.orphans_dialog is None:
            self.orphans_dialog = OrphansDialog(self.annotator, self.reading.current_item_id, self)
        self.orphans_dialog.refresh()
        self.orphans_dialog.show()
        self.orphans_dialog.activateWindow()

    def _on_annotations_changed(self, _item_ids: list[int], issue_ids: list[int]) -> None:
        if self._pages_issue is not None and self._pages_issue in issue_ids:
            self._update_page_highlights()

    def _update_page_highlights(self) -> None:
        """Translucent highlights over the exact text on the rendered pages of the issue."""
        set_highlights = getattr(self.pages, "set_highlights", None)
        issue_id = self._pages_issue
        if not callable(set_highlights) or issue_id is None or self._pending_pages is not None:
            return
        marks: list[tuple[ItemRect, QColor]] = []
        ann = self.service.annotations
        cache = self._highlight_rects
        try:
            pdf = str(self.service.issue_pdf_path(issue_id))  # a corrected PDF: new rects
            for h in ann.annotations(issue_id, kinds=("highlight",)):
                if h.orphan:
                    continue
                key = (pdf, h.id, h.item_id, h.start, h.end)
                if key not in cache:  # reads the PDF: only for highlights not seen before
                    cache[key] = ann.highlight_rects(h.id)
                fill = highlight_color(h.color, PAGE_ALPHA)
                marks.extend((rect, fill) for rect in cache[key])
        except UserError:
            marks = []
        if len(cache) > 2000:
            cache.clear()
        set_highlights(marks)

    def focus_search(self) -> None:
        if self.stack.currentIndex() != MAIN_PAGE:
            return
        self.left_stack.setCurrentWidget(self.search)
        self.search.focus_field()

    def save_search(self) -> None:
        self.discover.save_current_search()

    def toggle_related(self) -> None:
        self.discover.toggle_related()

    def go_back(self) -> None:
        """Esc: close the search (if open), else return focus to the sidebar."""
        if self.left_stack.currentWidget() is self.search:
            self.close_search()
        else:
            self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_search(self) -> None:
        self.search.field.blockSignals(True)
        self.search.field.clear()
        self.search.field.blockSignals(False)
        self.search.model.set_hits([])
        self.left_stack.setCurrentWidget(self.sidebar)
        self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self.left_stack.setCurrentWidget(self.search)

    def font_bigger(self) -> None:
        self.reading.zoom_in_text()

    def font_smaller(self) -> None:
        self.reading.zoom_out_text()

    def font_reset(self) -> None:
        self.reading.reset_text_size()

    def _page_call(self, name: str) -> None:
        method = getattr(self.pages, name, None)
        if callable(method):
            method()

    def page_zoom_in(self) -> None:
        self._page_call("zoom_in")

    def page_zoom_out(self) -> None:
        self._page_call("zoom_out")

    def fit_width(self) -> None:
        self._page_call("fit_width")

    def fit_page(self) -> None:
        self._page_call("fit_page")

    def toggle_reading(self) -> None:
        self._toggle_pane(0)

    def toggle_pages(self) -> None:
        self._toggle_pane(1)

    def _toggle_pane(self, which: int) -> None:
        """Hide or show one side of the content splitter (never both)."""
        widget = self.content_splitter.widget(which)
        other = self.content_splitter.widget(1 - which)
        if widget is None or other is None:  # the splitter always holds both panes
            return
        if widget.isVisible() and other.isVisible():
            widget.hide()
        else:
            widget.show()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Digest Reader"),
            self.tr("Digest Reader {version}\nAn offline reader for digest PDFs.\n"
                    "Library: {folder}\nLicence: AGPL-3.0-or-later").format(
                version=__version__, folder=self.service.folder),
        )

    # -- look ----------------------------------------------------------------------------
    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.theme_actions[mode].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, mode)

    def _set_mark_read_when_shown(self, on: bool) -> None:
        self.settings.mark_read_when_shown = on

    # -- import --------------------------------------------------------------------------
    def import_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import PDF Files"), str(Path.home()),
            self.tr("PDF files (*.pdf *.PDF);;All files (*)"))
        self.start_import([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of PDFs"),
                                                  str(Path.home()))
        if folder:
            self.start_import([Path(folder)])

    def import_samples(self) -> None:
        self.start_import([paths.bundled_samples_dir()])

    def start_import(self, import_paths: Sequence[Path]) -> bool:
        if not import_paths:
            return False
        if self.importer.running:
            self.statusBar().showMessage(self.tr("An import is already running."), 4000)
            return False
        return self.importer.start(list(import_paths))

    def _on_import_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Importing\u2026"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()
        self.welcome.setEnabled(False)

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        self.progress_label.setText(name)

    def _on_import_finished(self, outcomes: list[ImportOutcome], error: str) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
        self.welcome.setEnabled(True)
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        self.summary_dialog = ImportSummaryDialog(outcomes, error, self)
        self.summary_dialog.show()
        self.import_finished.emit(outcomes)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = _dropped_paths(event.mimeData())
        if not dropped:
            event.ignore()
            return
        event.acceptProposedAction()
        # Start after the drop returns, so the drag source is not kept waiting.
        QTimer.singleShot(0, lambda: self.start_import(dropped))


def _dropped_paths(mime: QMimeData | None) -> list[Path]:
    """Local PDF files and folders among dropped URLs."""
    if mime is None or not mime.hasUrls():
        return []
    found: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() == ".pdf":
            found.append(path)
    return found


class ShortcutsDialog(QDialog):
    """Lists every entry of the shortcut table with its keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(SHORTCUTS), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(SHORTCUTS):
            for col, text in enumerate((group_label(shortcut), label(shortcut),
                                        native_text(shortcut))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self._fitting_width(layout), 640)
        layout.activate()  # settle size constraints before the native window exists

    def _fitting_width(self, layout: QLayout) -> int:
        """Wide enough for every column (translations run longer than English), within the screen."""
        table = self.table
        needed = (sum(table.columnWidth(c) for c in range(table.columnCount()))
                  + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth())
        margins = layout.contentsMargins()
        width = max(520, needed + margins.left() + margins.right())
        screen = self.screen()
        return int(min(width, screen.availableGeometry().width() - 40) if screen is not None else width)
