"""The page pane: original PDF pages rendered in a separate process, with thumbnails and zoom."""

from reader.app.pages.pane import PagePane

__all__ = ["PagePane"]
