"""The one settings wrapper: every persisted preference goes through :class:`Settings`.

Values live in ``settings.ini`` (QSettings IniFormat) under :func:`reader.core.paths.config_dir`,
which tests redirect into a tmp folder. Each preference has a typed property so no caller reads
raw keys or guesses how an ini file spells a bool.
"""

from __future__ import annotations

from pathlib import Path
from typing import SupportsFloat, SupportsIndex, SupportsInt

from PySide6.QtCore import QByteArray, QSettings

from reader.app.i18n import normalise_code
from reader.core import paths

THEMES = ("system", "light", "dark")
DEFAULT_FONT_SIZE = 13
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 40
DEFAULT_BACKUPS_TO_KEEP = 7
"""Same as ``reader.core.maintenance.DEFAULT_KEEP`` (not imported: settings stay light)."""
MAX_BACKUPS_TO_KEEP = 1000


def _to_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _to_int(value: object, default: int | None) -> int | None:
    if isinstance(value, QByteArray):
        value = value.data()
    if not isinstance(value, (str, bytes, bytearray, SupportsInt)):  # e.g. None, a list
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _to_float(value: object, default: float) -> float:
    if isinstance(value, QByteArray):
        value = value.data()
    if not isinstance(value, (str, bytes, bytearray, SupportsFloat, SupportsIndex)):  # e.g. None
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


class Settings:
    """Typed access to the window's persisted state and preferences."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk now (QSettings also does this on its own)."""
        self._qs.sync()

    # -- helpers -------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, (bytes, bytearray)) and value:
            return QByteArray(bytes(value))
        return None

    # -- window state --------------------------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    @property
    def main_splitter(self) -> list[int] | None:
        return self._int_list("window/main_splitter")

    @main_splitter.setter
    def main_splitter(self, sizes: list[int]) -> None:
        self._qs.setValue("window/main_splitter", ",".join(str(int(s)) for s in sizes))

    @property
    def content_splitter(self) -> list[int] | None:
        """Sizes of the reading pane / page pane splitter."""
        return self._int_list("window/content_splitter")

    @content_splitter.setter
    def content_splitter(self, sizes: list[int]) -> None:
        self._qs.setValue("window/content_splitter", ",".join(str(int(s)) for s in sizes))

    def _int_list(self, key: str) -> list[int] | None:
        raw = self._qs.value(key)
        if raw is None:
            return None
        parts = raw if isinstance(raw, list) else str(raw).split(",")
        try:
            sizes = [int(p) for p in parts if str(p).strip() != ""]
        except ValueError:
            return None
        return sizes or None

    # -- reading -------------------------------------------------------------------------
    @property
    def font_size(self) -> int:
        """Reading pane font size in points."""
        size = _to_int(self._qs.value("reading/font_size"), DEFAULT_FONT_SIZE) or DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qs.setValue("reading/font_size", int(value))

    @property
    def mark_read_when_shown(self) -> bool:
        """Whether an item becomes read as soon as it is the current item (default on)."""
        return _to_bool(self._qs.value("reading/mark_read_when_shown"), True)

    @mark_read_when_shown.setter
    def mark_read_when_shown(self, value: bool) -> None:
        self._qs.setValue("reading/mark_read_when_shown", bool(value))

    @property
    def last_issue_id(self) -> int | None:
        return _to_int(self._qs.value("reading/last_issue"), None)

    @last_issue_id.setter
    def last_issue_id(self, value: int | None) -> None:
        if value is None:
            self._qs.remove("reading/last_issue")
        else:
            self._qs.setValue("reading/last_issue", int(value))

    # -- safety --------------------------------------------------------------------------
    @property
    def backups_to_keep(self) -> int:
        """How many automatic start-up backups to keep (default 7; 0 turns them off)."""
        value = _to_int(self._qs.value("safety/backups_to_keep"), DEFAULT_BACKUPS_TO_KEEP)
        return max(0, min(MAX_BACKUPS_TO_KEEP, DEFAULT_BACKUPS_TO_KEEP if value is None else value))

    @backups_to_keep.setter
    def backups_to_keep(self, value: int) -> None:
        self._qs.setValue("safety/backups_to_keep", max(0, int(value)))

    # -- pages and look ------------------------------------------------------------------
    @property
    def page_zoom(self) -> float:
        return _to_float(self._qs.value("pages/zoom"), 1.0)

    @page_zoom.setter
    def page_zoom(self, value: float) -> None:
        self._qs.setValue("pages/zoom", float(value))

    @property
    def page_fit(self) -> str:
        """How pages are fitted: ``"width"`` (default), ``"page"`` or ``""`` (the zoom is used)."""
        value = str(self._qs.value("pages/fit", "width"))
        return value if value in ("width", "page", "") else "width"

    @page_fit.setter
    def page_fit(self, value: str) -> None:
        self._qs.setValue("pages/fit", value if value in ("width", "page") else "")

    @property
    def theme(self) -> str:
        """``"system"`` (follow the desktop), ``"light"`` or ``"dark"``."""
        value = str(self._qs.value("look/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._qs.setValue("look/theme", value)

    @property
    def language(self) -> str:
        """The window's language: ``""`` follows the system, else a code such as ``"de"``.

        Read once at start-up (:mod:`reader.app.i18n`), so a change shows on the next start.
        Anything that is not a language code reads as ``""``.
        """
        return normalise_code(str(self._qs.value("look/language", "") or ""))

    @language.setter
    def language(self, value: str) -> None:
        code = normalise_code(value)
        if value.strip() and not code:
            raise ValueError(f"not a language code: {value!r}")
        self._qs.setValue("look/language", code)
