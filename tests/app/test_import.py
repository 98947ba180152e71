"""Import from the window: a simulated drop, the welcome view and the bundled samples."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.app.window import MAIN_PAGE, WELCOME_PAGE, MainWindow
from tests.app.conftest import make_pdf

IMPORT_TIMEOUT_MS = 60_000


def drop(window, paths: list[Path], at: QPointF | None = None) -> bool:
    """Drag ``paths`` over the window and drop them, as the platform would deliver it."""
    at = at or QPointF(500, 300)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    handle = window.windowHandle()
    with warnings.catch_warnings():
        # PySide6 flags this constructor deprecated, yet it is the only one QDragEnterEvent has.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(at, Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, event)
    return event.isAccepted()


def test_drop_pdfs_and_a_folder_imports_in_background(window, qtbot, service, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    new = make_pdf(folder / "fresh.pdf", "Harbour Notes Issue 9 fresh text for import", pages=1)
    bad = folder / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "notes.txt").write_text("ignored")
    before = service.count_issues()
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        assert drop(window, [folder])
        qtbot.waitUntil(lambda: window.importer.running or window.summary_dialog is not None)
    outcomes = {Path(o.path).name: o for o in blocker.args[0]}
    assert outcomes["fresh.pdf"].outcome == "imported"
    assert outcomes["broken.pdf"].outcome == "failed" and outcomes["broken.pdf"].reason
    assert service.count_issues() == before + 1
    dialog = window.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert "1 imported" in dialog.headline.text() and "1 failed" in dialog.headline.text()
    assert "broken.pdf" in dialog.details.toPlainText()
    assert not window.progress.isVisible()
    # the sidebar shows the new issue without a restart
    new_issue = outcomes["fresh.pdf"].issue_id
    qtbot.waitUntil(lambda: window.sidebar_model.index_of_issue(new_issue).isValid())
    dialog.close()
    # dropping the same file again reports a duplicate
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        assert drop(window, [new])
    assert [o.outcome for o in blocker.args[0]] == ["duplicate"]
    window.summary_dialog.close()


def test_drop_of_non_pdf_files_is_refused(window, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("x")
    assert not drop(window, [text])
    assert not window.importer.running


def test_empty_library_shows_welcome_and_imports_samples(empty_library, qtbot, samples_dir):
    from reader.app.service import LibraryService

    service = LibraryService(empty_library)
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.stack.currentIndex() == WELCOME_PAGE
    assert window.welcome.isVisible()
    # the search key does nothing on the welcome view
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    assert window.left_stack.currentWidget() is window.sidebar
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.welcome.samples_button, Qt.MouseButton.LeftButton)
    outcomes = blocker.args[0]
    expected = sorted(p.name for p in samples_dir.glob("*.pdf"))
    assert sorted(Path(o.path).name for o in outcomes) == expected
    assert all(o.outcome == "imported" for o in outcomes), [(o.path, o.reason) for o in outcomes]
    assert window.stack.currentIndex() == MAIN_PAGE
    qtbot.waitUntil(lambda: window.reading.issue is not None)
    assert window.reading.items
    window.summary_dialog.close()


def test_cancel_stops_an_import(window, qtbot, samples_dir, service):
    before = service.count_issues()
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        window.import_samples()
        assert window.cancel_button.isVisible()
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    outcomes = blocker.args[0]
    assert {o.outcome for o in outcomes} <= {"imported", "cancelled"}
    assert any(o.outcome == "cancelled" for o in outcomes)
    assert service.count_issues() == before + sum(o.outcome == "imported" for o in outcomes)
    assert not window.cancel_button.isVisible()
    assert "cancelled" in window.summary_dialog.headline.text()
    window.summary_dialog.close()
