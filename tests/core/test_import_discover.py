"""discover_pdfs: folders recursively, explicit files kept, duplicates dropped, stable order."""

from __future__ import annotations

from pathlib import Path

from reader.core.importer import discover_pdfs, sha256_file


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_folders_recursive_sorted_pdf_only(tmp_path: Path) -> None:
    touch(tmp_path / "b.pdf")
    touch(tmp_path / "a.PDF")
    touch(tmp_path / "sub" / "c.pdf")
    touch(tmp_path / "sub" / "notes.txt")
    touch(tmp_path / ".hidden" / "d.pdf")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_pdfs([tmp_path])]
    assert found == ["a.PDF", "b.pdf", "sub/c.pdf"]


def test_explicit_files_are_kept_whatever_their_name(tmp_path: Path) -> None:
    txt = touch(tmp_path / "notes.txt")
    missing = tmp_path / "missing.pdf"
    assert discover_pdfs([txt, missing]) == [txt, missing]


def test_same_file_twice_is_listed_once(tmp_path: Path) -> None:
    pdf = touch(tmp_path / "x.pdf")
    assert discover_pdfs([pdf, tmp_path, str(pdf)]) == [pdf]


def test_sha256_matches_hashlib(tmp_path: Path) -> None:
    import hashlib

    data = bytes(range(256)) * 9000
    assert sha256_file(touch(tmp_path / "f.pdf", data)) == hashlib.sha256(data).hexdigest()
