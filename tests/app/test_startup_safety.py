"""Start-up safety in the window: a damaged library is moved aside and a backup offered; the
daily automatic backup runs after the first paint and keeps ``Settings.backups_to_keep``."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.app import startup_safety
from reader.app.settings import DEFAULT_BACKUPS_TO_KEEP, Settings
from reader.core.errors import LibraryError
from reader.core.library import Library
from reader.core.maintenance import DEFAULT_KEEP, backup_library, list_backups
from tests.app.conftest import STANDARD_ISSUES, build_library


def _corrupt(folder) -> None:
    db = folder / "library.sqlite"
    data = bytearray(db.read_bytes())
    data[: 4096] = b"\x5a" * 4096  # header and first page gone: "not a database"
    db.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path):
    """A library with a verified backup, then garbage written over its database."""
    folder = tmp_path / "lib"
    lib = build_library(folder, STANDARD_ISSUES[:2])
    titles = sorted(i.label for i in lib.list_issues())
    lib.close()
    backup_library(folder)
    _corrupt(folder)
    return folder, titles


def _choose(monkeypatch, object_name: str, seen: list[QMessageBox]) -> None:
    """Make QMessageBox.exec click the button called ``object_name`` instead of waiting."""

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box)
        [button] = [b for b in box.buttons() if b.objectName() == object_name]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def test_damaged_library_offers_the_backup_and_restores_it(damaged, qapp, monkeypatch):
    folder, titles = damaged
    seen: list[QMessageBox] = []
    texts: list[tuple[str, str, list[str]]] = []
    _choose(monkeypatch, "restoreBackupButton", seen)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: pytest.fail("warning")))
    orig = QMessageBox.exec

    def record(box):
        texts.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        return orig(box)

    monkeypatch.setattr(QMessageBox, "exec", record)
    lib = startup_safety.open_or_recover(folder)
    try:
        assert isinstance(lib, Library)
        assert sorted(i.label for i in lib.list_issues()) == titles
    finally:
        lib.close()
    [corrupt] = list(folder.glob("library.sqlite.corrupt-*"))
    assert corrupt.read_bytes()[:4096] == b"\x5a" * 4096  # kept, never deleted
    [(text, info, buttons)] = texts
    [backup] = list_backups(folder)
    assert corrupt.name in text and backup.label in info
    assert f"Restore newest backup ({backup.label})" in buttons
    assert "Start with an empty library" in buttons and "Quit" in buttons
    assert all(b.accessibleName() for b in seen[0].buttons() if b.objectName())


def test_damaged_library_can_start_empty_or_quit(damaged, qapp, monkeypatch):
    folder, _ = damaged
    _choose(monkeypatch, "quitButton", [])
    assert startup_safety.open_or_recover(folder) is None
    assert len(list(folder.glob("library.sqlite.corrupt-*"))) == 1
    assert not (folder / "library.sqlite").exists()  # moved aside; quitting creates nothing
    _choose(monkeypatch, "emptyLibraryButton", [])
    lib = startup_safety.open_or_recover(folder)  # nothing damaged now: opens empty, no dialog
    try:
        assert lib.list_issues() == []
    finally:
        lib.close()


def test_without_a_backup_the_dialog_says_so(tmp_path, qapp, monkeypatch):
    folder = tmp_path / "lib"
    build_library(folder, STANDARD_ISSUES[:1]).close()
    _corrupt(folder)
    seen: list[QMessageBox] = []
    _choose(monkeypatch, "emptyLibraryButton", seen)
    lib = startup_safety.open_or_recover(folder)
    try:
        assert lib.list_issues() == []
    finally:
        lib.close()
    [box] = seen
    assert "No good backup" in box.informativeText()
    assert not [b for b in box.buttons() if b.objectName() == "restoreBackupButton"]
    assert len(list(folder.glob("library.sqlite.corrupt-*"))) == 1


def test_backups_to_keep_setting(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    assert settings.backups_to_keep == DEFAULT_BACKUPS_TO_KEEP == DEFAULT_KEEP
    settings.backups_to_keep = 0
    assert Settings(tmp_path / "s.ini").backups_to_keep == 0
    settings.backups_to_keep = -3
    assert settings.backups_to_keep == 0


def test_startup_backup_after_first_paint_respects_keep(library, window, qtbot, caplog):
    folder = library.folder
    old = datetime.now(UTC) - timedelta(days=5)
    for n in range(3):
        backup_library(folder, keep=10, now=old + timedelta(hours=n))
    window.settings.backups_to_keep = 2
    caplog.set_level(logging.INFO, logger="reader.app.startup_safety")
    job = startup_safety.schedule_startup_backup(window, folder, window.settings)
    window.update()
    qtbot.waitUntil(lambda: job.worker_thread is not None and not job.worker_thread.is_alive(), timeout=15000)
    backups = list_backups(folder)
    assert len(backups) == 2
    assert datetime.now(UTC) - backups[0].made_at < timedelta(hours=1)
    assert "start-up backup written" in caplog.text
    # a second start the same day: not due, nothing added
    again = startup_safety.schedule_startup_backup(window, folder, window.settings)
    again.start()
    qtbot.waitUntil(lambda: not again.worker_thread.is_alive(), timeout=15000)
    assert list_backups(folder) == backups


def test_startup_backup_failure_is_one_status_line(library, window, qtbot, monkeypatch):
    import reader.core.maintenance as maintenance

    def boom(*a, **k):
        raise LibraryError("backup failed: the disk is full\nsecond line")

    monkeypatch.setattr(maintenance, "maybe_backup", boom)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no dialog"))
    job = startup_safety.schedule_startup_backup(window, library.folder, window.settings)
    job.start()
    qtbot.waitUntil(lambda: "disk is full" in window.statusBar().currentMessage(), timeout=15000)
    assert "\n" not in window.statusBar().currentMessage()


def test_run_offers_the_backup_for_a_damaged_library(damaged, qapp, monkeypatch):
    """``run`` goes through the offer: choosing Quit returns 1 before any window exists."""
    from reader.app import main as app_main
    from reader.app import theme

    folder, _ = damaged
    seen: list[QMessageBox] = []
    _choose(monkeypatch, "quitButton", seen)
    try:
        assert app_main.run(folder) == 1
    finally:
        theme.apply_theme(qapp, "light")
    assert len(seen) == 1 and len(list(folder.glob("library.sqlite.corrupt-*"))) == 1
    assert list_backups(folder)  # the backup is still there to restore later


def test_the_backup_job_keeps_qobject_thread(library, window, qtbot):
    # Its worker is .worker_thread: .thread stays QObject.thread(), the Qt thread it lives in.
    job = startup_safety.schedule_startup_backup(window, library.folder, window.settings)
    assert job.thread() is window.thread()
    job.start()
    qtbot.waitUntil(lambda: not job.worker_thread.is_alive(), timeout=15000)
    assert job.thread() is window.thread()
