"""An uncaught exception in a slot or a thread: logged with its traceback, one-line dialog naming
the log file, the window stays open."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from reader.app import crash
from reader.core import logs


@pytest.fixture
def handler(window, monkeypatch):
    dialogs: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: dialogs.append((title, text)))
    logs.setup_logging()
    installed = crash.install(lambda: window)
    installed.dialogs = dialogs
    yield installed
    crash.uninstall()
    logs.shutdown_logging()


class Boom(RuntimeError):
    pass


def _explode() -> None:
    raise Boom("the widget fell over\nsecond line")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_a_dialog_and_logs_the_traceback(window, handler, qtbot) -> None:
    with qtbot.waitSignal(handler.shown, timeout=5000):
        QTimer.singleShot(0, _explode)
    assert len(handler.dialogs) == 1
    title, text = handler.dialogs[0]
    assert "something went wrong" in title
    assert "Boom: the widget fell over second line" in text
    assert str(logs.log_file_path()) in text
    assert "Traceback" not in text
    log_text = logs.log_file_path().read_text(encoding="utf-8")
    assert "uncaught exception (GUI)" in log_text
    assert "Traceback (most recent call last)" in log_text and "in _explode" in log_text
    assert window.isVisible()
    # the window still works afterwards
    window.next_item()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_thread_reaches_the_gui_thread(window, handler, qtbot) -> None:
    def worker() -> None:
        raise Boom("worker thread failed")

    with qtbot.waitSignal(handler.shown, timeout=5000):
        thread = threading.Thread(target=worker, name="test-worker")
        thread.start()
        thread.join()
    assert "Boom: worker thread failed" in handler.dialogs[0][1]
    assert "uncaught exception (thread test-worker)" in logs.log_file_path().read_text(encoding="utf-8")


def test_summary_is_one_line_and_redacted() -> None:
    logs.register_secret("s3cret-value")
    try:
        line = crash.summary(ValueError, ValueError("wrong s3cret-value\n" + "x" * 500))
    finally:
        with logs._lock:
            logs._secrets.discard("s3cret-value")
    assert "\n" not in line and "s3cret-value" not in line and len(line) <= 200
    assert crash.summary(KeyError, None) == "KeyError"


def test_a_thread_error_without_a_value_is_logged_by_its_type(handler) -> None:
    # threading.ExceptHookArgs.exc_value may be None: the log names the type, not "NoneType".
    handler._log(Boom, None, None, where="thread t")
    log_text = logs.log_file_path().read_text(encoding="utf-8")
    assert "uncaught exception (thread t): Boom" in log_text
    assert "NoneType" not in log_text
