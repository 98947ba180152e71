"""File → Export… and File → Import Annotations… (issue 5): the export dialog with its live
preview, the worker thread it exports on, and the controller the window hooks into its menus."""

from reader.app.export.controller import ExportController
from reader.app.export.dialog import ExportContext, ExportDialog

__all__ = ["ExportContext", "ExportController", "ExportDialog"]
