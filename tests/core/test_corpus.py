"""Every real-world PDF in the shared corpus imports or fails with a reason: no crash, no hang.

The corpus (../shared/corpus, see its MANIFEST.tsv) holds damaged, hostile, encrypted,
image-only and huge files. They all go into one library with two workers and a per-file
deadline; afterwards SQLite's integrity check must pass.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from reader.core.importer import import_paths
from reader.core.library import Library

PER_FILE_TIMEOUT = 30.0
NEED_PASSWORD = {  # encrypted with a non-empty user password (MANIFEST.tsv)
    "samplefiles__libreoffice-writer-password.pdf": "openpassword",
    "pdfminer__rc4-40.pdf": "baz",
    "pdfminer__aes-256-r6.pdf": "usersecret",
    "qpdf__enc-XI-R6_V5_U-view_O-master.pdf": "view",
}


def manifest(corpus: Path) -> dict[str, dict[str, str]]:
    with open(corpus / "MANIFEST.tsv", newline="", encoding="utf-8") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


@pytest.mark.slow
def test_every_corpus_pdf_imports_or_fails_with_a_reason(corpus_dir: Path, tmp_path: Path) -> None:
    pdfs = sorted(corpus_dir.glob("*.pdf"))
    assert pdfs, "the corpus folder has no PDFs"
    rows = manifest(corpus_dir)
    with Library.open(tmp_path / "lib") as lib:
        outcomes = import_paths(lib, pdfs, jobs=2, timeout=PER_FILE_TIMEOUT)
        issue_count = lib.count_issues()
    assert len(outcomes) == len(pdfs)
    assert sorted(Path(o.path).name for o in outcomes) == [p.name for p in pdfs]
    problems = []
    for o in outcomes:
        name = Path(o.path).name
        if o.outcome == "imported":
            if o.issue_id is None:
                problems.append(f"{name}: imported without an issue id")
        elif o.outcome == "failed":
            if not o.reason or "\n" in o.reason:
                problems.append(f"{name}: failed without a one-line reason: {o.reason!r}")
        else:
            problems.append(f"{name}: unexpected outcome {o.outcome}")
        if name in NEED_PASSWORD and not (o.outcome == "failed" and "password" in (o.reason or "")):
            problems.append(f"{name}: should ask for a password, got {o.outcome} {o.reason!r}")
        if rows.get(name, {}).get("category") == "image-only" and o.outcome == "failed":
            problems.append(f"{name}: an image-only scan should import, got {o.reason!r}")
    assert not problems, "\n".join(problems)
    assert issue_count == sum(o.outcome == "imported" for o in outcomes)
    con = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_encrypted_corpus_pdf_imports_with_its_password(corpus_dir: Path, tmp_path: Path) -> None:
    name = "pdfminer__rc4-40.pdf"
    pdf = corpus_dir / name
    if not pdf.exists():
        pytest.skip(f"{name} not in the corpus")
    with Library.open(tmp_path / "lib") as lib:
        [o] = import_paths(lib, [pdf], password=NEED_PASSWORD[name], timeout=PER_FILE_TIMEOUT)
        assert o.outcome == "imported", o.reason
        assert lib.get_issue(o.issue_id).pages >= 1
