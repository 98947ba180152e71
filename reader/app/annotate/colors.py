"""Highlight colours: the core's colour names as translucent QColors, with translatable labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from reader.core.annotations import COLORS

_RGB = {
    "yellow": (255, 212, 0),
    "green": (80, 200, 90),
    "blue": (70, 160, 255),
    "pink": (255, 105, 180),
    "purple": (160, 110, 255),
}
READING_ALPHA = 0.38
PAGE_ALPHA = 0.35


def highlight_color(name: str | None, alpha: float = READING_ALPHA) -> QColor:
    """The fill for colour ``name`` (unknown names fall back to yellow)."""
    r, g, b = _RGB.get(name or "yellow", _RGB["yellow"])
    color = QColor(r, g, b)
    color.setAlphaF(alpha)
    return color


def color_label(name: str) -> str:
    labels = {
        "yellow": QCoreApplication.translate("colors", "Yellow"),
        "green": QCoreApplication.translate("colors", "Green"),
        "blue": QCoreApplication.translate("colors", "Blue"),
        "pink": QCoreApplication.translate("colors", "Pink"),
        "purple": QCoreApplication.translate("colors", "Purple"),
    }
    return labels.get(name, name)


__all__ = ["COLORS", "color_label", "highlight_color"]
