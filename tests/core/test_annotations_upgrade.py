"""Upgrading a library made before annotations (schema 0002) to 0003_annotations."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from reader.core.library import Library
from reader.core.library import migrations as mig
from tests.core.test_library_support import make_pdf


def test_upgrade_keeps_items_searchable_and_mirrors_stars(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "files").mkdir(parents=True)
    pdf, sha = make_pdf(folder / "files" / "tmp.pdf")
    pdf.rename(folder / "files" / f"{sha}.pdf")
    db = sqlite_utils.Database(folder / "library.sqlite")
    assert mig.apply(db, stop_before="0003_annotations") == ["0001_core", "0002_reading_state"]
    with db.atomic():
        db.execute("INSERT INTO series (id, name, created_at) VALUES (1, 'Old Brief', 'then')")
        db.execute("INSERT INTO files VALUES (?, 10, 'old.pdf', 'then')", [sha])
        db.execute(
            """INSERT INTO issues (id, series_id, label, volume, number, sha256, imported_at)
               VALUES (3, 1, 'Vol 1.2', 1, 2, ?, 'then')""",
            [sha],
        )
        db.execute(
            """INSERT INTO items (id, issue_id, position, headline, body, starred, starred_at)
               VALUES (10, 3, 1, 'Harbour dredging', 'Ships wait.', 1, '2024-01-01T00:00:00+00:00'),
                      (11, 3, 2, 'Tariff review', 'Customs revise duties.', 0, NULL)"""
        )
    db.close()

    with Library.open(folder, create=False) as lib:
        a = lib.annotations
        [star] = a.annotations(kinds=["star"])
        assert (star.item_id, star.created) == (10, "2024-01-01T00:00:00+00:00")
        assert [h.item_id for h in lib.search("dredging")] == [10]
        a.set_note(11, "compare with the heron tariff")
        assert [h.item_id for h in lib.search("heron")] == [11]
        assert lib.integrity_check() == "ok"
