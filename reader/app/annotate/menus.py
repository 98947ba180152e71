"""Context-menu entries for the reading pane: highlight an item or a selection, and recolour,
comment on or remove the highlight under the mouse. Every action goes through the controller
(undoable); nothing here touches the document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader.app.annotate.colors import COLORS, color_label, highlight_color
from reader.app.annotate.commands import AnnotationController

# A plain name lupdate recognises (a wrapper function would hide the strings from it).
translate = QCoreApplication.translate


def color_icon(name: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(highlight_color(name, 1.0))
    return QIcon(pixmap)


def add_annotation_actions(menu: QMenu, controller: AnnotationController, parent: QWidget,
                           item_id: int | None, annotation_id: int | None,
                           selection: tuple[int, int, int] | None,
                           ask_comment: Callable[[str], str | None] | None = None) -> None:
    """Append the highlight actions that make sense at this point to ``menu``."""
    menu.addSeparator()
    target: tuple[str, str, int, int | None, int | None] | None = None
    if selection is not None:
        sel_item, sel_start, sel_end = selection
        target = (translate("HighlightMenu", "Highlight Selection"), "highlightSelection",
                  sel_item, sel_start, sel_end)
    elif item_id is not None and annotation_id is None:
        target = (translate("HighlightMenu", "Highlight Item"), "highlightItem", item_id, None, None)
    if target is not None:
        text, name, hid, start, end = target
        act = menu.addAction(text)
        act.setObjectName(name)
        act.triggered.connect(lambda: controller.highlight(hid, start=start, end=end))
        in_colour = menu.addMenu(translate("HighlightMenu", "Highlight In"))
        in_colour.setObjectName(name + "Colours")
        for colour in COLORS:
            sub = QAction(color_icon(colour), color_label(colour), in_colour)
            sub.setObjectName(f"{name}_{colour}")
            sub.triggered.connect(lambda _checked=False, c=colour: controller.highlight(
                hid, color=c, start=start, end=end))
            in_colour.addAction(sub)
    if annotation_id is None:
        return
    try:
        ann = controller.service.annotations.get(annotation_id)
    except Exception:  # noqa: BLE001 - vanished meanwhile: no highlight actions
        return
    colours = menu.addMenu(translate("HighlightMenu", "Highlight Colour"))
    colours.setObjectName("highlightColourMenu")
    for name in COLORS:
        act = QAction(color_icon(name), color_label(name), colours)
        act.setObjectName(f"recolor_{name}")
        act.setCheckable(True)
        act.setChecked(ann.color == name)
        act.triggered.connect(lambda _checked=False, n=name: controller.recolor(annotation_id, n))
        colours.addAction(act)
    comment = menu.addAction(translate("HighlightMenu", "Edit Comment\u2026") if ann.comment
                             else translate("HighlightMenu", "Add Comment\u2026"))
    comment.setObjectName("highlightComment")

    def edit_comment() -> None:
        if ask_comment is not None:
            text = ask_comment(ann.comment)
        else:
            text, ok = QInputDialog.getMultiLineText(parent, translate("HighlightMenu", "Highlight Comment"),
                                                     translate("HighlightMenu", "Comment:"), ann.comment)
            text = text if ok else None
        if text is not None:
            controller.set_comment(annotation_id, text.strip())

    comment.triggered.connect(edit_comment)
    remove = menu.addAction(translate("HighlightMenu", "Remove Highlight"))
    remove.setObjectName("removeHighlight")
    remove.triggered.connect(lambda: controller.remove(annotation_id))
