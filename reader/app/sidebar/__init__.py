"""The library sidebar: views (All items, Unread, Starred), then series with their issues."""

from reader.app.sidebar.model import KIND_ISSUE, KIND_SERIES, KIND_VIEW, SidebarModel
from reader.app.sidebar.view import SidebarView

__all__ = ["KIND_ISSUE", "KIND_SERIES", "KIND_VIEW", "SidebarModel", "SidebarView"]
