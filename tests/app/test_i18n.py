"""Translators at start-up and the View → Language menu (reader.app.i18n, reader.app.language_menu)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reader.app import i18n, theme
from reader.app import main as app_main
from reader.app.settings import Settings
from tests.app.conftest import STANDARD_ISSUES, build_library


@pytest.fixture
def no_language_override(monkeypatch):
    """Let the setting decide (the suite pins the language to English by the environment)."""
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)


@pytest.fixture
def german(qapp, no_language_override):
    """German catalogues installed for one test, removed afterwards whatever happens."""
    installed = i18n.install_translators(qapp, "de")
    try:
        yield installed
    finally:
        i18n.remove_translators(qapp)


def _installed_count(app) -> int:
    from PySide6.QtCore import QTranslator

    return len(app.findChildren(QTranslator, i18n.TRANSLATOR_NAME))


# -- choosing the language -----------------------------------------------------------------
def test_normalise_code() -> None:
    assert i18n.normalise_code("de-at") == "de_AT"
    assert i18n.normalise_code(" DE ") == "de"
    assert i18n.normalise_code("zh_Hant_TW") == "zh_Hant_TW"
    assert i18n.normalise_code("") == ""
    assert i18n.normalise_code("../etc") == ""
    assert i18n.normalise_code("C") == ""


@pytest.mark.parametrize(("preferred", "expected"), [
    (["de-DE"], "de"),
    (["de-AT", "en-US"], "de"),
    (["en-US", "de-DE"], "en"),  # English first: the source text, though German is shipped
    (["fr-FR", "de-DE"], "de"),
    (["fr-FR"], "en"),
    (["pt-BR"], "en"),
    ([], "en"),
])
def test_choose_language(preferred, expected) -> None:
    assert i18n.choose_language(preferred, ["de"]) == expected


def test_choose_language_prefers_the_regional_catalogue() -> None:
    assert i18n.choose_language(["pt-BR"], ["pt", "pt_BR"]) == "pt_BR"
    assert i18n.choose_language(["pt-PT"], ["pt", "pt_BR"]) == "pt"


def test_environment_overrides_the_setting_which_overrides_the_system() -> None:
    assert i18n.requested_languages("de", {i18n.LANGUAGE_ENV: "fr"}) == ["fr"]
    assert i18n.requested_languages("de", {}) == ["de"]
    system = i18n.requested_languages("", {})
    assert "C" not in system


def test_shipped_languages_and_native_names() -> None:
    assert "de" in i18n.shipped_languages()
    assert "en" not in i18n.shipped_languages()  # the source; its catalogue only holds plurals
    assert i18n.native_name("de") == "Deutsch"
    assert i18n.native_name("en") == "English"
    assert i18n.native_name("fr") == "Français"  # capitalised for the menu


def test_settings_language_round_trip() -> None:
    settings = Settings()
    assert settings.language == ""
    settings.language = "de-AT"
    settings.sync()
    assert Settings().language == "de_AT"
    settings.language = ""
    assert Settings().language == ""
    with pytest.raises(ValueError):
        settings.language = "not a language"


def test_fill_puts_values_in_one_pass() -> None:
    assert i18n.fill("%1: %2, %3", "tag %2", "3 items", "1 issue") == "tag %2: 3 items, 1 issue"
    assert i18n.fill("%1 and %2", "a") == "a and %2"


# -- installing ------------------------------------------------------------------------------
def test_install_german_translates_the_app_and_qt(german, qapp) -> None:
    assert german.language == "de"
    assert german.files[0] == i18n.translations_dir() / "digest_reader_de.qm"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert QCoreApplication.translate("SidebarModel", "%n issue(s)", "", 1) == "1 Ausgabe"
    assert QCoreApplication.translate("SidebarModel", "%n issue(s)", "", 4) == "4 Ausgaben"
    qt_de = i18n.qt_translations_dir() / "qtbase_de.qm"
    if not qt_de.is_file():
        pytest.skip(f"PySide6 ships no {qt_de.name} here")
    assert qt_de in german.files
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Speichern"


def test_install_replaces_the_previous_language_and_remove_undoes_it(qapp, no_language_override) -> None:
    try:
        i18n.install_translators(qapp, "de")
        first = _installed_count(qapp)
        i18n.install_translators(qapp, "de")
        assert _installed_count(qapp) == first
        english = i18n.install_translators(qapp, "en")
        assert english.language == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert QCoreApplication.translate("SidebarModel", "%n issue(s)", "", 1) == "1 issue"
        assert QCoreApplication.translate("SidebarModel", "%n issue(s)", "", 2) == "2 issues"
    finally:
        i18n.remove_translators(qapp)
    assert _installed_count(qapp) == 0
    assert QCoreApplication.translate("SidebarModel", "%n issue(s)", "", 2) == "2 issue(s)"


@pytest.mark.parametrize("setting", ["xx", "fr", "tlh"])
def test_unknown_languages_fall_back_to_english_quietly(setting, qapp, no_language_override, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="reader.app.i18n")
    try:
        installed = i18n.install_translators(qapp, setting)
        assert installed.language == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        i18n.remove_translators(qapp)
    assert not [r for r in caplog.records if r.levelno > logging.DEBUG]
    assert any(setting in r.getMessage() for r in caplog.records)


def test_missing_catalogue_folder_means_english(qapp, tmp_path, no_language_override) -> None:
    try:
        installed = i18n.install_translators(qapp, "de", folder=tmp_path / "nowhere")
        assert installed == i18n.Installed("en", ())
    finally:
        i18n.remove_translators(qapp)


def test_environment_variable_chooses_the_language(qapp, monkeypatch) -> None:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "de")
    try:
        assert i18n.install_translators(qapp, "en").language == "de"
    finally:
        i18n.remove_translators(qapp)


# -- the window in German ------------------------------------------------------------------
def _menu_texts(window) -> list[tuple[str, str, bool]]:
    """(path, text, has keys) of every menu entry: "1/3" = 4th entry of the 2nd menu."""
    found = []

    def walk(menu, path) -> None:
        for i, action in enumerate(menu.actions()):
            if action.isSeparator():
                continue
            found.append((f"{path}/{i}", action.text(), bool(action.shortcuts())))
            if action.menu() is not None:
                walk(action.menu(), f"{path}/{i}")

    for i, action in enumerate(window.menuBar().actions()):
        found.append((str(i), action.text(), False))
        walk(action.menu(), str(i))
    return found


def _mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def test_german_window(german, service, qtbot) -> None:
    from reader.app.window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Datei", "&Ansicht", "&Bearbeiten", "&Gehe zu", "&Hilfe"]
    assert len({_mnemonic(t) for t in titles}) == len(titles)
    assert window.actions_by_name["quit"].text() == "Beenden"
    assert window.sidebar_model.index(0, 0).data() == "Alle Meldungen"
    assert window.language_menu.title() == "&Sprache"
    assert window.annotate_toolbar.buttons["highlight"].text() == "Hervorheben"


def test_every_menu_entry_is_translated_and_reachable(service, qtbot, qapp, no_language_override) -> None:
    """Compared with the English window entry by entry: nothing left in English, and every
    entry without keys keeps a mnemonic, unique within its menu."""
    from reader.app.window import MainWindow

    english = MainWindow(service)
    qtbot.addWidget(english)
    before = {path: text for path, text, _keys in _menu_texts(english)}
    i18n.install_translators(qapp, "de")
    try:
        window = MainWindow(service)
        qtbot.addWidget(window)
        after = _menu_texts(window)
    finally:
        i18n.remove_translators(qapp)
    assert set(before) == {path for path, _text, _keys in after}
    native = {i18n.native_name(code) for code in ["en", *i18n.shipped_languages()]}
    untranslated = [f"{path}: {text}" for path, text, _keys in after
                    if text == before[path] and text.replace("&", "") not in native]
    assert not untranslated, f"menu entries still in English: {untranslated}"
    unreachable = [text for _path, text, keys in after if not keys and _mnemonic(text) is None]
    assert not unreachable, f"German entries with neither keys nor a mnemonic: {unreachable}"
    by_menu: dict[str, list[str]] = {}
    for path, text, keys in after:
        if not keys:
            by_menu.setdefault(path.rpartition("/")[0], []).append(text)
    clashes = [texts for texts in by_menu.values()
               if len({_mnemonic(t) for t in texts}) < len(texts)]
    assert not clashes, f"German entries sharing a mnemonic in one menu: {clashes}"


def test_message_box_buttons_are_german(german) -> None:
    if not (i18n.qt_translations_dir() / "qtbase_de.qm").is_file():
        pytest.skip("PySide6 ships no qtbase_de.qm here")
    box = QMessageBox(QMessageBox.Icon.Question, "Digest Reader", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    texts = {box.button(b).text().replace("&", "") for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel)}
    assert texts == {"Ja", "Nein", "Abbrechen"}
    box.deleteLater()


# -- start-up ------------------------------------------------------------------------------
def test_run_installs_the_language_before_any_dialog(tmp_path, qapp, monkeypatch,
                                                      no_language_override) -> None:
    settings = Settings()
    settings.language = "de"
    settings.sync()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    seen = []
    monkeypatch.setattr(app_main.QMessageBox, "critical", staticmethod(
        lambda parent, title, text: seen.append(QCoreApplication.translate("MainWindow", "&File"))))
    try:
        assert app_main.run(not_a_folder) == 1
    finally:
        theme.apply_theme(qapp, "light")
    assert seen == ["&Datei"]
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # removed on the way out


PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from reader.app import main

app = main.create_application()
def probe():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow):
            print("MENUS", "|".join(a.text() for a in widget.menuBar().actions()), flush=True)
QTimer.singleShot(0, probe)
sys.exit(main.run(Path(sys.argv[1])))
"""


@pytest.mark.parametrize(("setting", "env", "titles"), [
    ("de", None, "&Datei|&Ansicht|&Bearbeiten|&Gehe zu|&Hilfe"),
    ("", "de", "&Datei|&Ansicht|&Bearbeiten|&Gehe zu|&Hilfe"),
    ("de", "en", "&File|&View|&Edit|&Go|&Help"),
])
def test_the_started_window_speaks_the_chosen_language(tmp_path, setting, env, titles) -> None:
    """As the CLI starts it, in a child process: the setting (or the environment) decides."""
    build_library(tmp_path / "lib", STANDARD_ISSUES[:1]).close()
    settings = Settings()
    settings.language = setting
    settings.sync()
    environ = {k: v for k, v in os.environ.items() if k != i18n.LANGUAGE_ENV}
    environ.update(QT_QPA_PLATFORM="offscreen", **{
        app_main.READY_FILE_ENV: str(tmp_path / "ready.txt"), app_main.QUIT_WHEN_READY_ENV: "1"})
    if env is not None:
        environ[i18n.LANGUAGE_ENV] = env
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "lib")], env=environ,
                          capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr
    menus = [line for line in proc.stdout.splitlines() if line.startswith("MENUS ")]
    assert menus == [f"MENUS {titles}"], proc.stdout + proc.stderr


# -- View → Language -----------------------------------------------------------------------
def _language_menu(window):
    """The Language submenu, found the way a user finds it: through the View menu."""
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a.menu() for a in view.actions() if a.menu() is not None and a.text() == "&Language")


def test_language_menu_lists_system_english_and_every_catalogue(window) -> None:
    menu = _language_menu(window)
    texts = [a.text() for a in menu.actions()]
    assert texts[0].startswith("&System Default (")
    assert texts[1:] == ["&English", "&Deutsch"]
    assert menu.actions()[0].isChecked()  # the default setting follows the system
    assert all(_mnemonic(t) for t in texts) and len({_mnemonic(t) for t in texts}) == len(texts)


def test_choosing_german_stores_the_setting_and_says_when(window, monkeypatch,
                                                           no_language_override) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append((parent, title, text))))
    menu = _language_menu(window)
    german = next(a for a in menu.actions() if a.text() == "&Deutsch")
    german.trigger()
    assert Settings().language == "de"
    assert german.isChecked()
    assert told == [(window, "Language", "The language changes the next time Digest Reader starts.")]
    assert "\n" not in told[0][2]
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # nothing changes now
    menu.actions()[0].trigger()
    assert Settings().language == ""


def test_choosing_with_the_environment_override_set_says_so(window, monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append(text)))
    _language_menu(window).actions()[1].trigger()  # English
    assert Settings().language == "en"
    assert i18n.LANGUAGE_ENV in told[0]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_language_menu_by_keyboard(window, qtbot, monkeypatch, no_language_override) -> None:
    """Alt+V opens View, L the Language submenu, D chooses Deutsch: no mouse needed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMenu

    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append(text)))
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.language_menu)
    qtbot.keyClick(window.language_menu, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: Settings().language == "de")
    assert len(told) == 1


def test_native_names_are_not_translated(german, service, qtbot) -> None:
    from reader.app.window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.language_menu.actions()]
    assert texts[1:] == ["&English", "&Deutsch"]
    assert texts[0].startswith("&Systemstandard (")


def test_translations_folder_is_found_from_the_package() -> None:
    folder = i18n.translations_dir()
    assert folder.is_dir(), folder
    assert (folder / "digest_reader_de.qm").is_file()
    assert Path(folder).name == "translations"


# -- undo texts ------------------------------------------------------------------------------
def test_undo_steps_are_named_in_the_window_language(german, window, service) -> None:
    """The core names its changes in English; every controller operation says it in German."""
    annotator = window.annotator
    items = service.items(service.list_issues()[0].id)
    first, second = items[0].id, items[1].id
    steps = [
        (lambda: annotator.highlight(first), "Hervorheben"),
        (lambda: annotator.recolor(service.annotations.highlights(first)[0].id, "green"),
         "Hervorhebung umfärben"),
        (lambda: annotator.set_comment(service.annotations.highlights(first)[0].id, "gut"),
         "Hervorhebung kommentieren"),
        (lambda: annotator.tag_items([first, second], ["energie", "Energie"]),
         "2 Meldungen mit „energie“ versehen"),
        (lambda: annotator.tag_items([first], "netz"), "1 Meldung mit „netz“ versehen"),
        (lambda: annotator.rename_tag("netz", "strom"), "Schlagwort „netz“ in „strom“ umbenennen"),
        (lambda: annotator.merge_tags(["strom"], "energie"), "„strom“ mit „energie“ zusammenführen"),
        (lambda: annotator.untag_items([second], ["energie"]), "„energie“ von 1 Meldung entfernen"),
        (lambda: annotator.tag_issues([items[0].issue_id], ["woche"]), "1 Ausgabe mit „woche“ versehen"),
        (lambda: annotator.set_note(first, "Notiz"), "Notiz hinzufügen"),
        (lambda: annotator.set_note(first, "Notiz 2"), "Notiz bearbeiten"),
        (lambda: annotator.set_note(first, ""), "Notiz leeren"),
        (lambda: annotator.star([first]), "Stern setzen"),
        (lambda: annotator.star([first], False), "Stern entfernen"),
        (lambda: annotator.mark_read([second]), "Als gelesen markieren"),
        (lambda: annotator.mark_read([second], False), "Als ungelesen markieren"),
        (lambda: annotator.remove(service.annotations.highlights(first)[0].id), "Hervorhebung entfernen"),
    ]
    for step, expected in steps:
        assert step()
        assert annotator.stack.undoText() == expected
    assert window.actions_by_name["undo"].text() == "Rückgängig: Hervorhebung entfernen"


def test_undo_steps_in_english_use_plural_forms(english, window, service) -> None:
    items = service.items(service.list_issues()[0].id)
    window.annotator.tag_items([items[0].id], "x")
    assert window.annotator.stack.undoText() == "Tag 1 item with 'x'"
    window.annotator.untag_items([items[0].id, items[1].id], "x")
    assert window.annotator.stack.undoText() == "Untag 'x' from 2 items"


# -- longer German texts still fit ----------------------------------------------------------
def test_welcome_text_is_not_cut_in_german(german, empty_library, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from reader.app.service import LibraryService
    from reader.app.window import MainWindow

    window = MainWindow(LibraryService(empty_library))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    text = next(label for label in window.welcome.findChildren(QLabel) if label.wordWrap())
    assert text.isVisible() and text.text().startswith("Ihre Bibliothek ist leer.")
    assert text.height() >= text.heightForWidth(text.width())


def test_shortcuts_dialog_shows_every_column_in_german(german, window, qtbot) -> None:
    from reader.app.window import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalHeaderItem(2).text() == "Tasten"
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
