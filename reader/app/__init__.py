"""The Qt shell of Digest Reader: windows, widgets, Qt models and workers.

Widgets talk to the library only through :class:`reader.app.service.LibraryService`.
"""
