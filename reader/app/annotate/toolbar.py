"""A compact annotate toolbar over the reading area: one click highlights the current item.

Every button drives one of the window's shortcut QActions (the same ones H, T, S,
Ctrl+Shift+N and Ctrl+Z/Ctrl+Shift+Z trigger), so the toolbar holds no annotating logic of its
own. The Highlight button's drop-down picks a colour: it becomes the controller's last colour
and the Highlight action runs, so the current item (or selected text) is highlighted in it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from reader.app.annotate.colors import COLORS, color_label
from reader.app.annotate.commands import AnnotationController
from reader.app.annotate.menus import color_icon
from reader.app.i18n import fill

# A plain name lupdate recognises (a wrapper function would hide the strings from it).
translate = QCoreApplication.translate


def _short_labels() -> dict[str, str]:
    """Compact button texts for the shortcut actions (the menus keep the long ones)."""
    return {
        "highlight": translate("AnnotateToolBar", "Highlight"),
        "tag": translate("AnnotateToolBar", "Tag\u2026"),
        "toggle_star": translate("AnnotateToolBar", "Star"),
        "toggle_notes": translate("AnnotateToolBar", "Note"),
    }


class ActionButton(QToolButton):
    """A tool button for a shared action, with an optional short label of its own.

    The button re-copies the action's text whenever the action changes, so the short label is
    put back after each change (Undo/Redo pass None and keep the action's own text); the
    tooltip is the action's full text with its key."""

    def __init__(self, action: QAction, text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._short = text
        self.setDefaultAction(action)
        self._relabel()
        action.changed.connect(self._relabel)

    def _relabel(self) -> None:
        action = self.defaultAction()
        if action is None:
            return
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.text().replace("&", "")
        self.setToolTip(fill(translate("AnnotateToolBar", "%1 (%2)"), tip, keys) if keys else tip)
        if self._short is not None:
            self.setText(self._short)
            self.setAccessibleName(self._short)


class AnnotateToolBar(QToolBar):
    """Highlight (with a colour menu), Tag…, Star, Note, Undo, Redo.

    ``actions`` is the window's ``actions_by_name``; ``buttons`` maps the same names to the
    tool buttons, ``color_actions`` maps colour names to the drop-down's entries.
    """

    NAMES = ("highlight", "tag", "toggle_star", "toggle_notes", "undo", "redo")

    def __init__(self, actions: Mapping[str, QAction], controller: AnnotationController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotateToolBar")
        self.setWindowTitle(translate("AnnotateToolBar", "Annotate"))
        self.setAccessibleName(translate("AnnotateToolBar", "Annotate toolbar"))
        self.setMovable(False)
        self.setFloatable(False)
        self.controller = controller
        self.actions_by_name = actions
        self.buttons: dict[str, QToolButton] = {}
        labels = _short_labels()
        for name in self.NAMES:
            if name == "undo":
                self.addSeparator()
            action = actions[name]
            button = ActionButton(action, labels.get(name), self)
            button.setObjectName(f"toolbar_{name}")
            self.addWidget(button)
            self.buttons[name] = button

        self.color_menu = QMenu(translate("AnnotateToolBar", "Highlight Colour"), self)
        self.color_menu.setObjectName("toolbarHighlightColours")
        group = QActionGroup(self.color_menu)
        group.setExclusive(True)
        self.color_actions: dict[str, QAction] = {}
        for colour in COLORS:
            act = QAction(color_icon(colour), color_label(colour), self.color_menu)
            act.setObjectName(f"toolbar_highlight_{colour}")
            act.setCheckable(True)
            act.triggered.connect(lambda _checked=False, c=colour: self.highlight_in(c))
            group.addAction(act)
            self.color_menu.addAction(act)
            self.color_actions[colour] = act
        self.color_menu.aboutToShow.connect(self._sync_colour)
        self._sync_colour()
        highlight = self.buttons["highlight"]
        highlight.setMenu(self.color_menu)
        highlight.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        extension = self.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setAccessibleName(translate("AnnotateToolBar", "More annotate tools"))

    def _sync_colour(self) -> None:
        current = self.color_actions.get(self.controller.last_color)
        if current is not None:
            current.setChecked(True)

    def highlight_in(self, colour: str) -> None:
        """Highlight the current item (or selection) in ``colour`` through the H action."""
        self.controller.last_color = colour
        self._sync_colour()
        self.actions_by_name["highlight"].trigger()
