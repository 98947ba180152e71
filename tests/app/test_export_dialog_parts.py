"""Parts of the export dialog without the window: the worker's one-line errors, the pickers,
the format/suffix rule and scopes that are not available."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reader.app.export.dialog import ISSUE, ITEMS, LIBRARY, QUERY, TAG, ExportContext, ExportDialog
from reader.app.export.worker import Worker
from reader.core.errors import UserError


def test_worker_reports_results_and_one_line_errors(qtbot):
    worker = Worker()
    got: list = []
    worker.done.connect(lambda token, result: got.append(("done", token, result)))
    worker.failed.connect(lambda token, message: got.append(("failed", token, message)))
    a = worker.submit(lambda: 42)

    def refuse():
        raise UserError("nothing to export: no items in scope (whole library)")

    b = worker.submit(refuse)
    c = worker.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(got) == 3)
    by_token = {token: (kind, value) for kind, token, value in got}
    assert by_token[a] == ("done", 42)
    assert by_token[b] == ("failed", "nothing to export: no items in scope (whole library)")
    kind, message = by_token[c]
    assert kind == "failed" and "ZeroDivisionError" in message and "\n" not in message
    worker.wait()


@pytest.fixture
def dialog(service, qtbot):
    dlg = ExportDialog(service, ExportContext())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_without_an_open_issue_the_library_is_the_scope(dialog, qtbot):
    model = dialog.scope_combo.model()
    from reader.app.export.dialog import SCOPES

    assert dialog.scope_kind == LIBRARY
    assert not model.item(SCOPES.index(ISSUE)).isEnabled()
    assert not model.item(SCOPES.index(ITEMS)).isEnabled()
    assert not model.item(SCOPES.index(TAG)).isEnabled()  # no tags in this library yet
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("---"), timeout=10000)
    dialog.preselect(QUERY)
    qtbot.waitUntil(lambda: "search query" in dialog.error_label.text())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "search query" in dialog.error_label.text() and dialog.export_button.isEnabled()


def test_pickers_fill_the_fields(dialog, tmp_path, monkeypatch, qtbot):
    template = tmp_path / "t.md.j2"
    template.write_text("# {{ issue.title }}\n", encoding="utf-8")
    monkeypatch.setattr("reader.app.export.dialog.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(template), ""))
    monkeypatch.setattr("reader.app.export.dialog.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(tmp_path / "folder"))
    monkeypatch.setattr("reader.app.export.dialog.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "out.jsonld"), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert dialog.template_edit.text() == str(template)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("# "), timeout=10000)
    qtbot.mouseClick(dialog.output_button, Qt.MouseButton.LeftButton)
    assert dialog.output_edit.text() == str(tmp_path / "folder")
    dialog.set_format("json")
    assert dialog.template() is None  # templates are for Markdown only
    qtbot.mouseClick(dialog.output_button, Qt.MouseButton.LeftButton)
    assert dialog.output_edit.text() == str(tmp_path / "out.jsonld")
    dialog.set_format("csv")  # a chosen file follows the format
    assert Path(dialog.output_edit.text()).name == "out.csv"


def test_the_dialog_keeps_qdialog_result(dialog):
    # The last export is .export_result: .result stays QDialog.result(), the accept/reject code.
    assert dialog.export_result is None
    assert dialog.result() == QDialog.DialogCode.Rejected
