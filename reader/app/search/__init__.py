"""Search: a query field, a series filter and ranked results with marked snippets."""

from reader.app.search.model import SearchResultsModel
from reader.app.search.panel import SearchPanel

__all__ = ["SearchPanel", "SearchResultsModel"]
