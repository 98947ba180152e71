"""``reader.app.main.run``: opens the window (and reports readiness), or explains a bad library."""

from __future__ import annotations

import os
import subprocess
import sys

from reader.app import main as app_main
from reader.app import theme
from tests.app.conftest import STANDARD_ISSUES, build_library


def test_run_opens_the_window_and_reports_first_paint(tmp_path):
    """In a child process, as the CLI starts it: paints, reports, quits with 0."""
    build_library(tmp_path / "lib", STANDARD_ISSUES[:2]).close()
    ready = tmp_path / "ready.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{
        app_main.READY_FILE_ENV: str(ready), app_main.QUIT_WHEN_READY_ENV: "1"})
    code = ("import sys; from pathlib import Path; from reader.app.main import run; "
            "sys.exit(run(Path(sys.argv[1])))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "lib")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert float(ready.read_text()) > 0
    assert "Traceback" not in proc.stderr


def test_run_with_an_unusable_library_shows_one_line_and_returns_1(tmp_path, qapp, monkeypatch):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    shown = []
    monkeypatch.setattr(app_main.QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    try:
        assert app_main.run(not_a_folder) == 1
    finally:
        theme.apply_theme(qapp, "light")
    assert len(shown) == 1 and "\n" not in shown[0] and str(not_a_folder) in shown[0]


def test_theme_menu_switches_palette(window, qapp):
    try:
        window.theme_actions["dark"].trigger()
        assert window.settings.theme == "dark"
        assert qapp.palette().window().color().lightness() < 80
        window.theme_actions["light"].trigger()
        assert qapp.palette().window().color().lightness() > 200
        assert qapp.style().name().lower() == "fusion"
    finally:
        theme.apply_theme(qapp, "light")
