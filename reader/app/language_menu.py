"""View → Language: pick the window's language for the next start.

Lists "System Default" (naming the language the system resolves to), English and every
shipped catalogue by its native name, so a user stuck in a language they cannot read still
finds their own. Choosing one stores :attr:`reader.app.settings.Settings.language` and says in
one line that it takes effect on the next start: translators are installed once, before any
window is built, and re-translating a live window is not worth its cost here.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from reader.app import i18n
from reader.app.settings import Settings

SYSTEM = ""


class LanguageMenu(QMenu):
    """The language choices; ``actions_by_code`` maps "" (system), "en", "de"... to actions."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.setObjectName("languageMenu")
        self.settings = settings
        self.group = QActionGroup(self)
        self.actions_by_code: dict[str, QAction] = {}
        shipped = i18n.shipped_languages()
        system = i18n.choose_language(QLocale.system().uiLanguages(), shipped)
        choices = [(SYSTEM, i18n.fill(self.tr("&System Default (%1)"), i18n.native_name(system)))]
        choices += [(code, "&" + i18n.native_name(code)) for code in [i18n.SOURCE_LANGUAGE, *shipped]]
        current = settings.language
        for code, text in choices:
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"language_{code or 'system'}")
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_code[code] = action

    def choose(self, code: str) -> None:
        """Store ``code`` ("" = follow the system) and tell the user when it takes effect."""
        self.settings.language = code
        self.settings.sync()
        self.actions_by_code[code].setChecked(True)
        message = self.tr("The language changes the next time Digest Reader starts.")
        if os.environ.get(i18n.LANGUAGE_ENV, "").strip():
            message = i18n.fill(self.tr("Saved; while the environment variable %1 is set, it decides the "
                              "language instead."), i18n.LANGUAGE_ENV)
        QMessageBox.information(self.parentWidget(), self.tr("Language"), message)
