"""The Qt binding must not lose references to None (PySide6 6.12.0 on Python 3.11 did).

Each leaked reference is one decrement too many on ``None``; views make thousands of such calls,
so a leaking binding ends in "Fatal Python error: none_dealloc". pyproject.toml pins the binding
below 6.12 for this reason; these tests fail if an installed binding leaks again.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCharFormat
from PySide6.QtWidgets import QListView

CALLS = 10_000
# A few references may come and go with unrelated objects (caches, the garbage collector);
# a leak loses one per call.
TOLERANCE = 50


class _NoneModel(QAbstractListModel):
    """Three rows whose data() is None for every role (the common "no value" answer)."""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


# References to None handed back after a leaking call, so that a leaking binding fails the
# assertions below instead of aborting the interpreter later in the session.
_COMPENSATION: list[None] = []


def _none_refs_lost(call: Callable[[], object], times: int) -> int:
    """How many references to None disappear over ``times`` calls (negative: gained)."""
    headroom = [None] * (2 * times)  # plain references: no abort mid-loop if it leaks
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    gc.collect()
    lost = before - sys.getrefcount(None)
    _COMPENSATION.extend([None] * max(0, lost))
    del headroom
    return lost


def test_unset_role_of_a_standard_item_model(qapp) -> None:
    model = QStandardItemModel()
    model.appendRow(QStandardItem("an item"))
    index = model.index(0, 0)
    index.data(Qt.ItemDataRole.UserRole + 7)  # warm-up: first-call caches are not leaks
    assert _none_refs_lost(lambda: index.data(Qt.ItemDataRole.UserRole + 7), CALLS) < TOLERANCE


def test_python_model_data_returning_none(qapp) -> None:
    model = _NoneModel()
    index = model.index(0, 0)
    index.data(Qt.ItemDataRole.DisplayRole)
    assert _none_refs_lost(lambda: index.data(Qt.ItemDataRole.DisplayRole), CALLS) < TOLERANCE


def test_unset_text_format_property(qapp) -> None:
    fmt = QTextCharFormat()
    fmt.property(12345)
    assert _none_refs_lost(lambda: fmt.property(12345), CALLS) < TOLERANCE


def test_view_repaints_of_a_model_answering_none(qtbot) -> None:
    model = _NoneModel()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(200, 120)
    view.show()
    qtbot.waitExposed(view)
    for _ in range(3):
        view.viewport().repaint()  # warm-up (delegate, style and font caches)
    # Each repaint asks data() for several roles of 3 rows: ~20+ None crossings per repaint.
    assert _none_refs_lost(view.viewport().repaint, 500) < TOLERANCE

