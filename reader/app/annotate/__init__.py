"""Annotating in the window: undo commands over the annotation service, the tag entry, the
note panel, the Tags section, highlight menus and the unplaced-annotations dialog."""

from reader.app.annotate.commands import AnnotationController, ChangeCommand

__all__ = ["AnnotationController", "ChangeCommand"]
