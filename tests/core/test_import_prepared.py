"""Search data computed in the import worker gives the library exactly what the parent-side
hook (bigrams by ``sync_cjk``, entities by ``index_items_db``) gives: same rows, same index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.importer.payload import pack, unpack, unpack_prepared
from reader.core.library import Library
from reader.core.library.service import file_sha256
from reader.core.parse import parse
from reader.core.search.hooks import after_store

QUERIES = (
    "SELECT id, issue_id, position, headline, body, pages, rects, cjk_head, cjk_rest FROM items ORDER BY id",
    "SELECT id, kind, name, norm, item_count FROM entities ORDER BY kind, norm",
    "SELECT e.kind, e.norm, ie.item_id, ie.mentions FROM item_entities ie"
    " JOIN entities e ON e.id = ie.entity_id ORDER BY 1, 2, 3",
    "SELECT item_id FROM cjk_dirty",
    "SELECT item_id FROM entity_dirty",
)


def _dump(lib: Library) -> list[list[tuple]]:
    con = sqlite3.connect(lib.db_path)
    try:
        rows = [con.execute(q).fetchall() for q in QUERIES]
        # what the FTS index returns for a CJK bigram and a plain word, per item
        for term in ("cjk_head : 東京", "cjk_rest : 東京", "grid", "harbour"):
            rows.append(
                con.execute(
                    "SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid", [term]
                ).fetchall()
            )
        return rows
    finally:
        con.close()


def test_prepared_import_matches_the_parent_side_hook(samples_dir: Path, tmp_path: Path) -> None:
    pdfs = sorted(samples_dir.glob("*.pdf"))
    assert pdfs
    with Library.open(tmp_path / "old") as old, Library.open(tmp_path / "new") as new:
        for pdf in pdfs:
            packed = pack(parse(pdf))
            sha = file_sha256(pdf)
            old_id = old.store_issue(unpack(packed), pdf, sha, original_name=pdf.name)
            assert after_store(old, old_id).warning is None
            parsed, prepared = unpack_prepared(packed)
            assert prepared is not None and len(prepared) == len(parsed.items)
            new_id = new.store_issue(parsed, pdf, sha, original_name=pdf.name, prepared=prepared)
            result = after_store(new, new_id)
            assert result.warning is None and result.entity_links == 0  # nothing left to extract
        assert _dump(new) == _dump(old)
        assert any(row[7] for row in _dump(new)[0])  # the samples do hold CJK text


def test_pack_without_prepare_stores_through_the_hook(samples_dir: Path, tmp_path: Path) -> None:
    pdf = sorted(samples_dir.glob("*.pdf"))[0]
    parsed, prepared = unpack_prepared(pack(parse(pdf), prepare=False))
    assert prepared is None
    with Library.open(tmp_path / "lib") as lib:
        issue_id = lib.store_issue(parsed, pdf, file_sha256(pdf), original_name=pdf.name)
        assert after_store(lib, issue_id).warning is None
        con = sqlite3.connect(lib.db_path)
        assert con.execute("SELECT count(*) FROM entity_dirty").fetchone()[0] == 0
        con.close()
