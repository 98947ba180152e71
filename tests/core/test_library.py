"""Library behaviour: folder layout, pragmas, storing issues, listing, items, views, portability."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.core.errors import LibraryError, NotFoundError, UserError
from reader.core.library import DuplicateError, Library, file_sha256
from reader.core.library import service as service_mod
from reader.core.library.service import UNSORTED_SERIES
from reader.core.model import ItemRect
from tests.core.test_library_support import Store, make_issue, make_pdf


@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        yield library


@pytest.fixture
def store(lib: Library, tmp_path: Path) -> Store:
    work = tmp_path / "work"
    work.mkdir()
    return Store(lib, work)


def _raw(lib: Library) -> sqlite3.Connection:
    return sqlite3.connect(lib.db_path)


# ---------------------------------------------------------------- folder and pragmas
def test_open_creates_folder_files_and_database(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b" / "lib"
    with Library.open(folder) as lib:
        assert lib.folder == folder
        assert lib.db_path == folder / "library.sqlite"
        assert lib.files_dir == folder / "files"
        assert lib.files_dir.is_dir() and lib.db_path.is_file()
        assert lib.list_series() == [] and lib.count_issues() == 0


def test_pragmas_wal_foreign_keys_busy_timeout(lib: Library) -> None:
    db = lib._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_open_without_create_refuses_missing_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library at"):
        Library.open(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_open_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        Library.open(tmp_path / "f")


def test_open_refuses_garbage_database(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "library.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a Digest Reader library|not a SQLite"):
        Library.open(tmp_path / "lib")


def test_open_refuses_foreign_sqlite_database(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Digest Reader library"):
        Library.open(tmp_path / "lib")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_open_read_only_folder_gives_library_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    Library.open(folder).close()
    for p in [folder, folder / "files", *folder.iterdir()]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        with pytest.raises(LibraryError), Library.open(folder) as lib:
            pytest.fail(f"opened read-only library {lib}")
    finally:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_closed_library_raises_library_error(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    lib.close()
    lib.close()
    assert lib.closed
    with pytest.raises(LibraryError, match="closed"):
        lib.list_series()


# ---------------------------------------------------------------- storing issues
def test_store_issue_round_trip(lib: Library, tmp_path: Path) -> None:
    pdf, sha = make_pdf(tmp_path / "x.pdf")
    issue_id = lib.store_issue(make_issue(), pdf, sha, original_name="x.pdf")
    row = lib.get_issue(issue_id)
    assert (row.series, row.label, row.volume, row.number, row.date) == (
        "Energy Brief", "Vol 2.10", 2, 10, "2024-03-01")
    assert (row.item_count, row.unread_count, row.pages, row.parser_version) == (2, 2, 1, 3)
    assert row.sha256 == sha and row.original_name == "x.pdf" and row.has_text_layer
    assert row.warnings == ("a warning",)
    items = lib.items(issue_id)
    assert [i.position for i in items] == [1, 2]
    assert items[0].headline == "Grid operator signs storage deal"
    assert items[0].pages == (1,)
    assert items[0].rects == (ItemRect(1, (72.0, 80.0, 300.0, 95.0)),)
    assert not items[0].read and not items[0].starred
    assert lib.get_item(items[1].id) == items[1]
    pdf_copy = lib.issue_pdf_path(issue_id)
    assert pdf_copy == lib.files_dir / f"{sha}.pdf"
    assert pdf_copy.read_bytes() == pdf.read_bytes()
    assert lib.issue_id_for_sha256(sha) == issue_id
    assert lib.issue_id_for_sha256(sha.upper()) == issue_id
    assert lib.issue_id_for_sha256("0" * 64) is None
    assert [p.name for p in lib.files_dir.iterdir()] == [f"{sha}.pdf"]


def test_file_sha256_matches_hashlib(tmp_path: Path) -> None:
    pdf, sha = make_pdf(tmp_path / "x.pdf")
    assert file_sha256(pdf) == sha


def test_duplicate_changes_nothing(lib: Library, tmp_path: Path) -> None:
    pdf, sha = make_pdf(tmp_path / "x.pdf")
    first = lib.store_issue(make_issue(), pdf, sha, original_name="x.pdf")
    before = lib.stats()
    with pytest.raises(DuplicateError) as err:
        lib.store_issue(make_issue(label="Other"), pdf, sha, original_name="renamed.pdf")
    assert isinstance(err.value, UserError)
    assert err.value.issue_id == first
    assert str(first) in str(err.value)
    assert lib.stats() == before
    assert lib.get_issue(first).original_name == "x.pdf"


def test_failure_inside_transaction_leaves_nothing(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, sha = make_pdf(tmp_path / "x.pdf")

    def boom(self: Library, issue_id: int, parsed: object) -> None:
        raise RuntimeError("injected failure while writing items")

    monkeypatch.setattr(Library, "_insert_items", boom)
    with pytest.raises(RuntimeError, match="injected"):
        lib.store_issue(make_issue(), pdf, sha, original_name="x.pdf")
    assert list(lib.files_dir.iterdir()) == []
    stats = lib.stats()
    assert (stats["series"], stats["issues"], stats["items"], stats["files"]) == (0, 0, 0, 0)
    assert lib.issue_id_for_sha256(sha) is None
    monkeypatch.undo()
    # ... and the same bytes import fine afterwards.
    issue_id = lib.store_issue(make_issue(), pdf, sha, original_name="x.pdf")
    assert len(lib.items(issue_id)) == 2
    assert lib.integrity_check() == "ok"


def test_sqlite_failure_mid_items_rolls_back(lib: Library, tmp_path: Path) -> None:
    """Two items with the same position violate a unique index half way through."""
    from dataclasses import replace

    pdf, sha = make_pdf(tmp_path / "x.pdf")
    issue = make_issue()
    bad = replace(issue, items=(issue.items[0], replace(issue.items[1], position=1)))
    with pytest.raises(LibraryError):
        lib.store_issue(bad, pdf, sha, original_name="x.pdf")
    assert lib.stats()["issues"] == 0 and lib.stats()["files"] == 0
    assert list(lib.files_dir.iterdir()) == []
    assert lib.search("operator") == []


def test_hash_mismatch_is_refused(lib: Library, tmp_path: Path) -> None:
    pdf, _sha = make_pdf(tmp_path / "x.pdf")
    with pytest.raises(LibraryError, match="changed while"):
        lib.store_issue(make_issue(), pdf, "a" * 64, original_name="x.pdf")
    assert list(lib.files_dir.iterdir()) == []


def test_missing_source_pdf_is_library_error(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="cannot copy"):
        lib.store_issue(make_issue(), tmp_path / "gone.pdf", "a" * 64, original_name="gone.pdf")
    assert lib.stats()["issues"] == 0


def test_store_issue_without_items_and_text_layer(lib: Library, tmp_path: Path) -> None:
    from dataclasses import replace

    pdf, sha = make_pdf(tmp_path / "scan.pdf")
    scan = replace(make_issue(series="", label="", volume=None, number=None, date=None),
                   items=(), has_text_layer=False)
    issue_id = lib.store_issue(scan, pdf, sha, original_name="scan.pdf")
    row = lib.get_issue(issue_id)
    assert row.series == UNSORTED_SERIES and not row.has_text_layer and row.item_count == 0
    assert lib.items(issue_id) == []


# ---------------------------------------------------------------- lists and ordering
def test_list_issues_newest_first_undated_last(lib: Library, store: Store) -> None:
    undated = store(label="Issue 3", volume=None, number=3, date=None)
    old = store(label="Vol 1.1", volume=1, number=1, date="2023-01-05")
    new = store(label="Vol 1.9", volume=1, number=9, date="2024-06-01")
    undated_high = store(label="Issue 4", volume=None, number=4, date=None)
    same_day_2 = store(label="Vol 1.3", volume=1, number=3, date="2023-01-05")
    order = [r.id for r in lib.list_issues()]
    assert order == [new, same_day_2, old, undated_high, undated]
    assert [r.id for r in lib.list_issues(offset=1, limit=2)] == [same_day_2, old]
    assert lib.count_issues() == 5


def test_series_grouping_and_counts(lib: Library, store: Store) -> None:
    a1 = store(series="Energy Brief", label="Vol 1.1", volume=1, number=1)
    store(series="energy  brief", label="Vol 1.2", volume=1, number=2)  # same series
    b1 = store(series="Asia Watch", label="Issue 17", volume=None, number=17)
    store(series="", label="", volume=None, number=None)
    series = lib.list_series()
    assert [s.name for s in series] == ["Asia Watch", "Energy Brief", UNSORTED_SERIES]
    assert [s.issue_count for s in series] == [1, 2, 1]
    assert [s.unread_count for s in series] == [2, 4, 2]
    energy = series[1].id
    assert {r.id for r in lib.list_issues(energy)} == {a1, a1 + 1}
    assert lib.count_issues(energy) == 2
    assert [r.id for r in lib.list_issues(series[0].id)] == [b1]
    assert lib.list_issues(9999) == []


def test_unknown_ids_raise_not_found(lib: Library) -> None:
    with pytest.raises(NotFoundError):
        lib.get_issue(42)
    with pytest.raises(NotFoundError):
        lib.items(42)
    with pytest.raises(NotFoundError):
        lib.get_item(42)
    with pytest.raises(NotFoundError):
        lib.issue_pdf_path(42)


# ---------------------------------------------------------------- views, read and starred
def test_views_read_starred_and_counts(lib: Library, store: Store) -> None:
    older = store(date="2023-01-01", label="Vol 1.1", volume=1, number=1,
                  items=[("a", "x"), ("b", "y"), ("c", "z")])
    newer = store(date="2024-01-01", label="Vol 1.2", volume=1, number=2,
                  items=[("d", "x"), ("e", "y")])
    old_ids = [i.id for i in lib.items(older)]
    new_ids = [i.id for i in lib.items(newer)]
    assert lib.item_ids("all") == new_ids + old_ids
    assert lib.item_ids("all", offset=1, limit=2) == [new_ids[1], old_ids[0]]
    assert lib.count_items("all") == 5 and lib.count_items("unread") == 5
    assert lib.count_items("starred") == 0

    assert lib.set_read([old_ids[0], new_ids[1], 999], True) == 2
    assert lib.set_read([old_ids[0]], True) == 0  # already read
    assert lib.item_ids("unread") == [new_ids[0], old_ids[1], old_ids[2]]
    assert lib.count_items("unread") == 3
    assert lib.get_issue(older).unread_count == 2 and lib.get_issue(newer).unread_count == 1
    assert lib.list_series()[0].unread_count == 3
    assert lib.get_item(old_ids[0]).read

    lib.set_starred([old_ids[2], new_ids[0]], True)
    assert lib.item_ids("starred") == [new_ids[0], old_ids[2]]
    lib.set_starred([new_ids[0]], False)
    assert lib.item_ids("starred") == [old_ids[2]]
    assert lib.count_items("starred") == 1

    lib.set_read(old_ids + new_ids, False)
    assert lib.count_items("unread") == 5 and lib.get_issue(older).unread_count == 3
    assert lib.stats()["unread"] == 5


def test_many_ids_in_one_call(lib: Library, store: Store) -> None:
    issue = store(items=[(f"h{n}", f"b{n}") for n in range(1200)])
    ids = [i.id for i in lib.items(issue)]
    assert lib.set_read(ids, True) == 1200
    assert lib.get_issue(issue).unread_count == 0
    rows = lib.items_by_ids(list(reversed(ids)) + [10**9])
    assert [r.id for r in rows] == list(reversed(ids))


def test_unknown_view(lib: Library) -> None:
    with pytest.raises(UserError, match="unknown view"):
        lib.item_ids("bogus")
    with pytest.raises(UserError, match="unknown view"):
        lib.count_items("bogus")


# ---------------------------------------------------------------- portability
def test_copied_folder_works_elsewhere(lib: Library, store: Store, tmp_path: Path) -> None:
    issue_id = store()
    original_pdf = lib.issue_pdf_path(issue_id).read_bytes()
    lib.close()
    copy = tmp_path / "laptop" / "Copied Library"
    shutil.copytree(lib.folder, copy)
    shutil.rmtree(lib.folder)
    with Library.open(copy, create=False) as moved:
        assert moved.get_issue(issue_id).label == "Vol 2.10"
        pdf = moved.issue_pdf_path(issue_id)
        assert pdf.parent == copy / "files"
        assert pdf.read_bytes() == original_pdf
        assert len(moved.search("auction")) == 1
    dump = "\n".join(sqlite3.connect(copy / "library.sqlite").iterdump())
    assert str(tmp_path) not in dump


def test_non_ascii_library_path(tmp_path: Path) -> None:
    folder = tmp_path / "Bibliothèque 東京"
    with Library.open(folder) as lib:
        work = tmp_path / "entrée"
        work.mkdir()
        issue_id = Store(lib, work)(series="Tōkyō Bulletin", items=[("東京 news", "Café owners met.")])
        assert lib.issue_pdf_path(issue_id).is_file()
        assert lib.search("cafe")[0].issue_id == issue_id
    with Library.open(folder, create=False) as again:
        assert again.list_series()[0].name == "Tōkyō Bulletin"


def test_reopen_keeps_data_and_stale_temp_files_go(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        work = tmp_path / "w"
        work.mkdir()
        Store(lib, work)()
    stale = folder / "files" / ".deadbeef.0.tmp"
    stale.write_bytes(b"partial")
    os.utime(stale, (1, 1))
    fresh = folder / "files" / ".cafe.1.tmp"
    fresh.write_bytes(b"in progress elsewhere")
    with Library.open(folder) as lib:
        assert lib.count_issues() == 1
    assert not stale.exists() and fresh.exists()


def test_usable_from_another_thread(lib: Library, store: Store) -> None:
    store()
    results: list[object] = []

    def worker() -> None:
        try:
            results.append(lib.count_issues())
            results.append(store(label="Vol 2.11", number=11))
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert results[0] == 1 and isinstance(results[1], int)
    assert lib.count_issues() == 2


def test_second_connection_sees_committed_writes(lib: Library, store: Store) -> None:
    issue_id = store()
    with Library.open(lib.folder, create=False) as other:
        assert other.get_issue(issue_id).item_count == 2
        other.set_starred([lib.items(issue_id)[0].id], True)
    assert lib.count_items("starred") == 1


def test_stats(lib: Library, store: Store) -> None:
    store()
    stats = lib.stats()
    assert stats["series"] == 1 and stats["issues"] == 1 and stats["items"] == 2
    assert stats["files"] == 1 and stats["bytes"] > 0 and stats["unread"] == 2
    assert stats["db_path"] == str(lib.db_path)
    assert lib.integrity_check() == "ok"


def test_no_sql_in_public_surface() -> None:
    public = [n for n in dir(Library) if not n.startswith("_")]
    assert "db" not in public and "execute" not in public and "query" not in public
    assert service_mod.DB_NAME == "library.sqlite"


def test_damaged_database_gives_library_errors(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        work = tmp_path / "w"
        work.mkdir()
        store = Store(lib, work)
        for n in range(40):
            store(label=f"Vol 1.{n}", number=n, items=[(f"h{n}", "words " * 300)] * 3)
    data = bytearray((folder / "library.sqlite").read_bytes())
    assert len(data) > 40_000
    data[8192:len(data) - 4096] = b"\x5a" * (len(data) - 4096 - 8192)
    (folder / "library.sqlite").write_bytes(bytes(data))
    try:
        lib = Library.open(folder)
    except LibraryError as err:
        assert "\n" not in str(err)
        return
    with lib:
        for call in (lib.list_series, lambda: lib.list_issues(), lambda: lib.search("words"),
                     lambda: lib.item_ids("all"), lib.stats):
            try:
                call()
            except (LibraryError, UserError) as err:
                assert "\n" not in str(err)


def test_foreign_keys_are_enforced(lib: Library, store: Store) -> None:
    issue_id = store()
    with pytest.raises(sqlite3.IntegrityError):
        lib._db.execute("INSERT INTO items (issue_id, position) VALUES (999, 1)")
    with pytest.raises(sqlite3.IntegrityError):
        lib._db.execute("DELETE FROM series")
    lib._db.execute("DELETE FROM issues WHERE id = ?", [issue_id])  # items cascade
    assert lib.count_items("all") == 0 and lib.search("auction") == []


def test_orphan_files_are_found_and_removed(lib: Library, store: Store) -> None:
    store()
    orphan = lib.files_dir / ("b" * 64 + ".pdf")
    orphan.write_bytes(b"%PDF-1.7 left by a crash")
    assert lib.orphan_files() == [orphan]
    assert lib.remove_orphan_files() == 1
    assert lib.orphan_files() == [] and not orphan.exists()
    assert lib.count_issues() == 1 and len(list(lib.files_dir.glob("*.pdf"))) == 1
