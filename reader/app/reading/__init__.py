"""The reading pane: an issue (or a view's items) reflowed as readable items."""

from reader.app.reading.pane import ReadingPane

__all__ = ["ReadingPane"]
