"""Light and dark looks: the Fusion style with a palette, following the system unless overridden.

``apply_theme(app, "system" | "light" | "dark")``. "system" reads Qt's colour scheme (Qt 6.5+)
and follows it when the desktop switches.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_followers: list[object] = []


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> str:
    """"light" or "dark" for a theme setting."""
    if mode in ("light", "dark"):
        return mode
    return "dark" if system_is_dark() else "light"


def light_palette() -> QPalette:
    pal = QPalette()
    c = {
        QPalette.ColorRole.Window: "#f4f3ef",
        QPalette.ColorRole.WindowText: "#1d1d1f",
        QPalette.ColorRole.Base: "#fdfcf9",
        QPalette.ColorRole.AlternateBase: "#efede7",
        QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1d1d1f",
        QPalette.ColorRole.PlaceholderText: "#8a8a8e",
        QPalette.ColorRole.Text: "#1f1f21",
        QPalette.ColorRole.Button: "#ecebe6",
        QPalette.ColorRole.ButtonText: "#1d1d1f",
        QPalette.ColorRole.BrightText: "#c0392b",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e2e0da",
        QPalette.ColorRole.Mid: "#bdbab2",
        QPalette.ColorRole.Dark: "#8f8c85",
        QPalette.ColorRole.Shadow: "#5a5852",
        QPalette.ColorRole.Highlight: "#2f6fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#2f6fb3",
        QPalette.ColorRole.LinkVisited: "#6a4fa3",
    }
    for role, color in c.items():
        pal.setColor(role, QColor(color))
    _disabled(pal, "#9a9891")
    return pal


def dark_palette() -> QPalette:
    pal = QPalette()
    c = {
        QPalette.ColorRole.Window: "#232326",
        QPalette.ColorRole.WindowText: "#e6e4df",
        QPalette.ColorRole.Base: "#1b1b1d",
        QPalette.ColorRole.AlternateBase: "#29292c",
        QPalette.ColorRole.ToolTipBase: "#333336",
        QPalette.ColorRole.ToolTipText: "#e6e4df",
        QPalette.ColorRole.PlaceholderText: "#8d8b86",
        QPalette.ColorRole.Text: "#e3e1dc",
        QPalette.ColorRole.Button: "#2e2e31",
        QPalette.ColorRole.ButtonText: "#e6e4df",
        QPalette.ColorRole.BrightText: "#ff6b5b",
        QPalette.ColorRole.Light: "#3a3a3e",
        QPalette.ColorRole.Midlight: "#323236",
        QPalette.ColorRole.Mid: "#28282b",
        QPalette.ColorRole.Dark: "#161617",
        QPalette.ColorRole.Shadow: "#0b0b0c",
        QPalette.ColorRole.Highlight: "#4a8fd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb3ee",
        QPalette.ColorRole.LinkVisited: "#b39ddb",
    }
    for role, color in c.items():
        pal.setColor(role, QColor(color))
    _disabled(pal, "#6f6d69")
    return pal


def _disabled(pal: QPalette, color: str) -> None:
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))


def apply_theme(app: QApplication, mode: str) -> str:
    """Set Fusion and the palette for ``mode``; returns the look applied ("light"/"dark")."""
    if app.style().name().lower() != "fusion":
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)
    look = resolve(mode)
    app.setPalette(dark_palette() if look == "dark" else light_palette())
    return look


def follow_system(app: QApplication, current_mode: Callable[[], str]) -> None:
    """Re-apply the theme when the desktop's colour scheme changes and the mode is "system"."""
    def changed(_scheme: object) -> None:
        mode = current_mode()
        if mode == "system":
            apply_theme(app, mode)

    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(changed)
    _followers.append(changed)
