"""Translations: which language the window speaks, and the catalogues installed for it.

The app's own catalogues are ``resources/translations/digest_reader_<lang>.qm`` (built from the
``.ts`` sources by ``packaging/update_translations.py``), found through
:func:`reader.core.paths.resources_dir`, so a checkout, an installed wheel and the PyInstaller
bundle all find them. English is the source language; ``digest_reader_en.qm`` only holds the
English plural forms ("1 item", "2 items"). Qt's own ``qtbase_<lang>.qm`` from PySide6's
translations folder is installed alongside when present, so standard dialog buttons ("Cancel",
"Save") match the rest of the window.

The language comes from, in order: the ``DIGEST_READER_LANGUAGE`` environment variable, the
``language`` setting (:class:`reader.app.settings.Settings`), the system's preferred UI
languages. A language without a catalogue falls back to English silently (logged at debug).
Translators are installed once at start-up, before any window exists; a change of language
takes effect on the next start.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGE_ENV = "DIGEST_READER_LANGUAGE"
CATALOGUE = "digest_reader"
SOURCE_LANGUAGE = "en"
ENGLISH_NAME = "English"
"""The source language's name in the language menu (native names are never translated)."""
TRANSLATOR_NAME = "digestReaderTranslator"
"""objectName of every translator installed here, so a second install replaces the first."""

_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
_PLACEHOLDER = re.compile(r"%(\d)")


@dataclass(frozen=True)
class Installed:
    """What :func:`install_translators` did: the language used and the files it loaded."""

    language: str
    """The catalogue's language code ("de"), or "en" when the source text is used."""
    files: tuple[Path, ...]


def translations_dir() -> Path:
    """The folder holding the app's ``.ts`` sources and compiled ``.qm`` catalogues."""
    return resources_dir() / "translations"


def qt_translations_dir() -> Path:
    """PySide6's folder of Qt's own catalogues (``qtbase_de.qm``...)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def normalise_code(code: str) -> str:
    """``"de-AT"``, ``"de_at"`` -> ``"de_AT"``; ``""`` for anything that is not a language code."""
    code = code.strip()
    if not code or not _CODE.match(code):
        return ""
    parts = code.replace("-", "_").split("_")
    return "_".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def shipped_languages(folder: Path | None = None) -> list[str]:
    """Codes of the translated catalogues shipped (``["de"]``), English (the source) left out."""
    folder = folder or translations_dir()
    codes = {qm.stem[len(CATALOGUE) + 1:] for qm in folder.glob(f"{CATALOGUE}_*.qm")}
    return sorted(code for code in codes if code and not _is_source(code))


def native_name(code: str) -> str:
    """The language's name in that language, capitalised for a menu: "Deutsch", "Français"."""
    if _is_source(code):
        return ENGLISH_NAME
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def _is_source(code: str) -> bool:
    return normalise_code(code).split("_")[0] == SOURCE_LANGUAGE


def _candidates(code: str) -> list[str]:
    """Catalogue suffixes to try for one language tag, most specific first: de_AT, de."""
    code = normalise_code(code)
    if not code:
        return []
    parts = code.split("_")
    return ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]


def choose_language(preferred: Sequence[str], available: Iterable[str]) -> str:
    """The first of ``preferred`` (language tags, best first) that has a catalogue, else "en".

    English anywhere in the list stops the search: a user who prefers English to German gets
    English, even though only German has a catalogue.
    """
    shipped = set(available)
    for tag in preferred:
        if _is_source(tag):
            return SOURCE_LANGUAGE
        for candidate in _candidates(tag):
            if candidate in shipped:
                return candidate
        if normalise_code(tag):
            log.debug("no catalogue for language %r", tag)
    return SOURCE_LANGUAGE


def requested_languages(setting: str = "", environ: dict[str, str] | None = None) -> list[str]:
    """The language tags to try, best first: environment override, setting, then the system's."""
    environ = dict(os.environ) if environ is None else environ
    override = environ.get(LANGUAGE_ENV, "").strip()
    if override:
        return [override]
    if setting.strip():
        return [setting.strip()]
    return [tag for tag in QLocale.system().uiLanguages() if tag != "C"]


def install_translators(app: QCoreApplication, setting: str = "", *,
                        environ: dict[str, str] | None = None,
                        folder: Path | None = None) -> Installed:
    """Install the catalogues for the requested language on ``app``; call before any window.

    Translators installed by an earlier call are removed first. Missing or unreadable
    catalogues are skipped (logged at debug): the window then simply speaks English.
    """
    remove_translators(app)
    folder = folder or translations_dir()
    language = choose_language(requested_languages(setting, environ), shipped_languages(folder))
    files: list[Path] = []
    own = folder / f"{CATALOGUE}_{language}.qm"
    if _install(app, own):
        files.append(own)
    elif language != SOURCE_LANGUAGE:
        language = SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        for candidate in _candidates(language):
            qt_file = qt_translations_dir() / f"qtbase_{candidate}.qm"
            if qt_file.is_file():
                if _install(app, qt_file):
                    files.append(qt_file)
                break
        else:
            log.debug("Qt has no qtbase catalogue for %r in %s", language, qt_translations_dir())
    log.debug("language %s; catalogues %s", language, [str(f) for f in files])
    return Installed(language, tuple(files))


def _install(app: QCoreApplication, path: Path) -> bool:
    if not path.is_file():
        log.debug("catalogue %s not found", path)
        return False
    translator = QTranslator(app)  # owned by the app: lives as long as it does
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(str(path)) or not app.installTranslator(translator):
        log.debug("catalogue %s could not be loaded", path)
        translator.deleteLater()
        return False
    return True


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every translator :func:`install_translators` put on ``app``."""
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def fill(text: str, *values: object) -> str:
    """Put ``values`` into a translated text's ``%1``, ``%2``... in one pass (like QString.arg).

    Unlike chained ``str.replace`` calls, a value that itself contains "%2" stays as it is.
    """
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)
