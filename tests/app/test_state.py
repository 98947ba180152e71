"""Window state survives a restart: geometry, splitters, font size, theme and the open issue."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.app.settings import Settings
from reader.app.window import MainWindow
from reader.core import paths


def open_window(qtbot, service) -> MainWindow:
    window = MainWindow(service, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def test_state_is_restored_after_restart(service, qtbot):
    first = open_window(qtbot, service)
    target = service.list_issues()[3]
    assert first.sidebar.select_issue(target.id)
    assert first.reading.issue.id == target.id
    first.resize(760, 560)
    qtbot.waitUntil(first.isActiveWindow)
    first.main_splitter.setSizes([230, 530])
    first.content_splitter.setSizes([330, 190])
    qtbot.keyClick(first.reading, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first.reading, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    first.set_theme("dark")
    qtbot.keyClick(first.reading, Qt.Key.Key_BracketRight)  # zoom pages in: leaves fit-width
    zoom = first.pages.zoom
    assert getattr(first.pages, "fit_mode", "") == ""
    sizes = (first.main_splitter.sizes(), first.content_splitter.sizes())
    font = first.reading.font_size
    first.close()
    assert (paths.config_dir() / "settings.ini").is_file()

    second = open_window(qtbot, service)
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert (second.main_splitter.sizes(), second.content_splitter.sizes()) == sizes
    assert second.reading.font_size == font == 15
    assert second.reading.issue.id == target.id
    assert second.sidebar.current_issue_id() == target.id
    assert abs(second.pages.zoom - zoom) < 1e-6
    assert second.settings.theme == "dark"
    assert second.theme_actions["dark"].isChecked()
    second.set_theme("system")
    qtbot.keyClick(second.reading, Qt.Key.Key_W, Qt.KeyboardModifier.ShiftModifier)  # fit page
    second.close()
    assert Settings().page_fit == "page"


def test_first_start_opens_the_newest_issue(window, service):
    assert window.reading.issue.id == service.list_issues(service.list_series()[0].id)[0].id


def test_settings_tolerate_garbage(tmp_path):
    ini = tmp_path / "s.ini"
    ini.write_text("[reading]\nfont_size=huge\nlast_issue=x\nmark_read_when_shown=maybe\n"
                   "[look]\ntheme=purple\n[window]\nmain_splitter=a,b\n")
    settings = Settings(ini)
    assert settings.font_size == 13
    assert settings.last_issue_id is None
    assert settings.mark_read_when_shown is False
    assert settings.theme == "system"
    assert settings.main_splitter is None
