"""Find and connect in the window: saved searches, entity facets, related items, query help.

:class:`DiscoverController` builds the sections and panels and places them in the window.
"""

from reader.app.discover.controller import DiscoverController

__all__ = ["DiscoverController"]
