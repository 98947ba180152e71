"""Every Qt model of the window passes QAbstractItemModelTester (in fatal mode)."""

from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from reader.app.search.model import SearchResultsModel
from reader.app.sidebar.model import KIND_ISSUE, KIND_SERIES, KIND_VIEW, IdRole, KindRole, SidebarModel
from tests.app.conftest import build_library, make_issue

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_sidebar_model_passes_tester_while_fetching_and_resetting(service):
    model = SidebarModel(service)
    tester = QAbstractItemModelTester(model, FATAL)
    top = [model.index(r, 0).data(KindRole) for r in range(model.rowCount())]
    assert top == [KIND_VIEW] * 3 + [KIND_SERIES] * 2
    series = model.index(3, 0)
    assert model.hasChildren(series)
    while model.canFetchMore(series):  # the tester may already have fetched
        model.fetchMore(series)
    assert model.rowCount(series) == 3
    assert not model.canFetchMore(series)
    labels = [model.index(r, 0, series).data() for r in range(3)]
    assert labels[0].startswith("Vol 2.12") and labels[2].startswith("Vol 2.10")  # newest first
    assert model.index(0, 0, series).data(KindRole) == KIND_ISSUE
    issue_id = model.index(0, 0, series).data(IdRole)
    assert model.index(0, 1, series).data() == "4"  # unread count column
    first_items = [row.id for row in service.items(issue_id)[:2]]
    service.set_read(first_items, True)
    assert model.index(0, 1, series).data() == "2"
    model.reload()
    assert model.rowCount(model.index(3, 0)) in (0, 3)
    del tester


def test_sidebar_fetches_big_series_in_batches(tmp_path, qapp):
    from reader.app.service import LibraryService
    from reader.app.sidebar import model as sidebar_model

    issues = [make_issue("Long Series", 1, n, None, 1) for n in range(1, 8)]
    lib = build_library(tmp_path / "big", issues)
    try:
        old = sidebar_model.BATCH
        sidebar_model.BATCH = 3
        model = SidebarModel(LibraryService(lib))
        series = model.index(3, 0)
        sizes = []
        while model.canFetchMore(series):
            model.fetchMore(series)
            sizes.append(model.rowCount(series))
        assert sizes == [3, 6, 7]
        numbers = [model.index(r, 0, series).data() for r in range(7)]
        assert numbers[0] == "Vol 1.7" and numbers[-1] == "Vol 1.1"
        model.reload()
        tester = QAbstractItemModelTester(model, FATAL)
        while model.canFetchMore(series):
            model.fetchMore(series)
        assert model.rowCount(series) == 7
        # index_of_issue fetches what it needs on a fresh model
        model.reload()
        last_id = lib.list_issues()[-1].id
        index = model.index_of_issue(last_id)
        assert index.isValid() and index.data(IdRole) == last_id
        del tester
    finally:
        sidebar_model.BATCH = old
        lib.close()


def test_search_results_model_passes_tester(service):
    model = SearchResultsModel()
    tester = QAbstractItemModelTester(model, FATAL)
    hits = service.search("harbour OR council OR rail", limit=10, marks=("\x02", "\x03"))
    assert hits
    model.set_hits(hits)
    assert model.rowCount() == len(hits)
    model.set_hits([])
    assert model.rowCount() == 0
    del tester
