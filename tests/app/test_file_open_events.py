"""``QFileOpenEvent``s (macOS Finder, Dock, ``digest-reader://`` links) open what they name.

Real events are posted to the QApplication with a real MainWindow on a tmp library; they go
through the same resolve/apply path as ``digest-reader FILE.pdf``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QMessageBox

from reader.app import file_open
from reader.app.links import OpenRequest, OpenTarget, resolve
from reader.core.library import file_sha256
from tests.app.conftest import STANDARD_ISSUES, build_library
from tests.conftest import SAMPLES_DIR

IMPORT_WAIT_MS = 90_000


@pytest.fixture
def router(qapp):
    """The app's router, uninstalled after the test (the QApplication outlives tests)."""
    router = file_open.install(qapp)
    yield router
    router.close()


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def post(qapp, what: str | QUrl) -> None:
    """Post a real QFileOpenEvent (a path or a URL) to the application, as Qt on macOS does."""
    QCoreApplication.postEvent(qapp, QFileOpenEvent(what))


def test_install_returns_the_same_router_and_filters_the_application(qapp, router) -> None:
    assert file_open.install(qapp) is router
    # an event the router took is consumed (not left for anyone else); without a window it waits
    event = QFileOpenEvent(QUrl("digest-reader://open?item=1"))
    assert QCoreApplication.sendEvent(qapp, event)
    assert router.waiting == (OpenTarget("item", ident=1),)


def test_a_new_pdf_is_imported_off_the_gui_thread_and_opened(qapp, router, window, library,
                                                               qtbot, warnings_shown) -> None:
    pdf = SAMPLES_DIR / "fieldnote-17.pdf"
    assert library.issue_id_for_sha256(file_sha256(pdf)) is None
    before = library.count_issues()
    router.attach(window)
    with qtbot.waitSignal(router.opened, timeout=IMPORT_WAIT_MS) as blocker:
        post(qapp, str(pdf))
        # the import runs in the router's worker: the GUI thread is free meanwhile
        qtbot.waitUntil(lambda: router.busy, timeout=5000)
        assert "fieldnote-17.pdf" in window.statusBar().currentMessage()
    request = blocker.args[0]
    assert request.error is None and request.imported, request
    assert library.count_issues() == before + 1
    assert request.issue_id == library.issue_id_for_sha256(file_sha256(pdf))
    assert window.reading.issue is not None and window.reading.issue.id == request.issue_id
    assert window.sidebar.sidebar_model().index_of_issue(request.issue_id).isValid()
    assert warnings_shown == []

    # the same file again opens the existing issue, nothing imported twice
    with qtbot.waitSignal(router.opened, timeout=IMPORT_WAIT_MS) as again:
        post(qapp, QUrl.fromLocalFile(str(pdf)))
    assert again.args[0] == OpenRequest(issue_id=request.issue_id)
    assert library.count_issues() == before + 1


def test_a_link_to_an_item_selects_that_item(qapp, router, window, library, qtbot) -> None:
    issue = library.list_issues()[-1]
    item = library.items(issue.id)[2]
    assert window.reading.issue is None or window.reading.issue.id != issue.id
    router.attach(window)
    with qtbot.waitSignal(router.opened, timeout=10_000) as blocker:
        post(qapp, QUrl(f"digest-reader://open?item={item.id}"))
    assert blocker.args[0] == OpenRequest(issue_id=issue.id, item_id=item.id)
    assert window.reading.issue.id == issue.id
    assert window.reading.current_item_id() == item.id


def test_events_before_the_window_wait_and_are_all_applied_in_order(
        qapp, router, service, library, qtbot, warnings_shown) -> None:
    from reader.app.window import MainWindow

    first, last = library.list_issues()[0], library.list_issues()[3]
    item = library.items(first.id)[1]
    post(qapp, QUrl("digest-reader://open?item=abc"))
    post(qapp, QUrl(f"digest-reader://open?item={item.id}"))
    post(qapp, QUrl(f"digest-reader:open?issue={last.id}"))
    qapp.processEvents()
    assert len(router.waiting) == 3 and router.window is None

    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    seen: list[OpenRequest] = []
    router.opened.connect(seen.append)
    router.attach(win)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=10_000)
    assert seen[0].error == ("bad item id in link 'digest-reader://open?item=abc': "
                             "'abc' is not a positive number")
    assert seen[1:] == [OpenRequest(issue_id=first.id, item_id=item.id), OpenRequest(issue_id=last.id)]
    assert warnings_shown == [seen[0].error]
    assert win.reading.issue.id == last.id
    assert router.waiting == ()


def test_a_non_pdf_gets_the_command_lines_one_line_message(qapp, router, window, library, qtbot,
                                                            tmp_path, warnings_shown) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a digest\n", encoding="utf-8")
    before = (library.count_issues(), window.reading.issue)
    router.attach(window)
    with qtbot.waitSignal(router.opened, timeout=IMPORT_WAIT_MS) as blocker:
        post(qapp, str(notes))
    message = blocker.args[0].error
    assert message == "could not import notes.txt: not a PDF: the file has no %PDF header"
    assert message == resolve(library, OpenTarget("file", path=notes.resolve())).error  # as argv
    assert warnings_shown == [message]
    assert window.statusBar().currentMessage() == message
    assert (library.count_issues(), window.reading.issue) == before
    assert window.isVisible()


def test_a_vanished_file_and_a_foreign_url_get_one_line(qapp, router, window, qtbot, tmp_path,
                                                        warnings_shown) -> None:
    gone = tmp_path / "gone.pdf"
    router.attach(window)
    seen: list[OpenRequest] = []
    router.opened.connect(seen.append)
    post(qapp, str(gone))
    post(qapp, QUrl("https://example.org/issue.pdf"))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert [r.error for r in seen] == [
        f"no such file: {gone}",
        "cannot open 'https://example.org/issue.pdf': not a file or a digest-reader:// link"]
    assert warnings_shown == [r.error for r in seen]


def test_a_closed_window_stops_receiving_and_events_wait_again(qapp, router, service, qtbot,
                                                               library) -> None:
    from reader.app.window import MainWindow

    win = MainWindow(service)
    router.attach(win)
    with qtbot.waitSignal(win.destroyed, timeout=5000):
        win.deleteLater()
    assert router.window is None
    issue = library.list_issues()[0]
    post(qapp, QUrl(f"digest-reader://open?issue={issue.id}"))
    qapp.processEvents()
    assert router.waiting == (OpenTarget("issue", ident=issue.id),)


CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from reader.app import main

app = main.create_application([sys.argv[0]])
# sent before run() made the window, as macOS sends the launch file
QCoreApplication.postEvent(app, QFileOpenEvent(QUrl(sys.argv[2])))

def check():
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    issue = windows[0].reading.issue if windows else None
    if issue is not None and windows[0].reading.current_item_id() == int(sys.argv[3]):
        print("shown", issue.id, windows[0].reading.current_item_id())
        app.quit()
    else:
        QTimer.singleShot(50, check)

QTimer.singleShot(0, check)
QTimer.singleShot(30000, lambda: (print("timeout"), app.quit()))
sys.exit(main.run(Path(sys.argv[1])))
"""


def test_run_applies_an_event_sent_before_the_window_existed(tmp_path) -> None:
    """In a child process, through reader.app.main.run as the app starts it."""
    lib = build_library(tmp_path / "lib", STANDARD_ISSUES[:2])
    issue = lib.list_issues()[0]
    item = lib.items(issue.id)[1]
    lib.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "lib"), f"digest-reader://open?item={item.id}",
         str(item.id)], env=env, capture_output=True, text=True, timeout=90,
        cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["shown", str(issue.id), str(item.id)], proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
