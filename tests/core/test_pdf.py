"""open_document maps every way a PDF can fail to open onto a typed, one-line UserError."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reader.core.errors import BadPdfError, PasswordRequiredError, UserError
from reader.core.pdf import PASSWORD_NEEDED, WRONG_PASSWORD, open_document


def _pdf_bytes(text: str = "Hello") -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data


def _assert_one_line(err: BaseException) -> None:
    msg = str(err)
    assert msg and "\n" not in msg and "Traceback" not in msg


def test_opens_a_good_pdf(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(_pdf_bytes())
    doc = open_document(path)
    try:
        assert doc.page_count == 1
    finally:
        doc.close()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadPdfError, match="not found") as info:
        open_document(tmp_path / "nope.pdf")
    _assert_one_line(info.value)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(BadPdfError):
        open_document(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(BadPdfError, match="empty") as info:
        open_document(path)
    _assert_one_line(info.value)


@pytest.mark.parametrize("data", [b"hello, I am not a PDF\n" * 10, b"\x00\xff" * 100, b"%PDF"])
def test_garbage(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(data)
    with pytest.raises(BadPdfError) as info:
        open_document(path)
    _assert_one_line(info.value)


def test_text_file_with_other_extension_is_not_opened_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("plain text that MuPDF could render as a document\n")
    with pytest.raises(BadPdfError):
        open_document(path)


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5, 0.9])
def test_truncated_file_opens_or_fails_cleanly(tmp_path: Path, keep: float) -> None:
    data = _pdf_bytes("Truncated but maybe repairable")
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        doc = open_document(path)
    except BadPdfError as err:
        _assert_one_line(err)
    else:
        assert doc.page_count >= 1
        doc.close()


def _encrypted(tmp_path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret digest")
    path = tmp_path / "locked.pdf"
    doc.save(
        str(path),
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="user",
        owner_pw="owner",
        permissions=pymupdf.PDF_PERM_PRINT,
    )
    doc.close()
    return path


def test_encrypted_without_password(tmp_path: Path) -> None:
    with pytest.raises(PasswordRequiredError) as info:
        open_document(_encrypted(tmp_path))
    assert str(info.value) == PASSWORD_NEEDED


def test_encrypted_wrong_password(tmp_path: Path) -> None:
    with pytest.raises(PasswordRequiredError) as info:
        open_document(_encrypted(tmp_path), password="wrong")
    assert str(info.value) == WRONG_PASSWORD


@pytest.mark.parametrize("password", ["user", "owner"])
def test_encrypted_right_password(tmp_path: Path, password: str) -> None:
    doc = open_document(_encrypted(tmp_path), password=password)
    try:
        assert "secret digest" in doc[0].get_text()
    finally:
        doc.close()


def test_password_error_is_a_bad_pdf_error_and_a_user_error() -> None:
    assert issubclass(PasswordRequiredError, BadPdfError)
    assert issubclass(BadPdfError, UserError)


# --- the shared real-world corpus (skipped when absent) --------------------------------------


@pytest.mark.parametrize(
    "name",
    ["qpdf__bad1.pdf", "qpdf__issue-263.pdf", "qpdf__issue-335b.pdf"],
)
def test_corpus_garbage(corpus_dir: Path, name: str) -> None:
    with pytest.raises(BadPdfError) as info:
        open_document(corpus_dir / name)
    _assert_one_line(info.value)


@pytest.mark.parametrize(
    "name", ["samplefiles__unreadablemetadata.pdf", "qpdf__issue-100.pdf", "qpdf__append-xref-loop.pdf"]
)
def test_corpus_repaired_to_zero_pages(corpus_dir: Path, name: str) -> None:
    with pytest.raises(BadPdfError) as info:
        open_document(corpus_dir / name)
    _assert_one_line(info.value)


@pytest.mark.parametrize(
    ("name", "password"),
    [
        ("samplefiles__libreoffice-writer-password.pdf", "openpassword"),
        ("pdfminer__rc4-40.pdf", "baz"),
        ("pdfminer__aes-256-r6.pdf", "usersecret"),
        ("qpdf__enc-XI-R6_V5_U-view_O-master.pdf", "view"),
    ],
)
def test_corpus_encrypted(corpus_dir: Path, name: str, password: str) -> None:
    with pytest.raises(PasswordRequiredError, match="password is needed"):
        open_document(corpus_dir / name)
    with pytest.raises(PasswordRequiredError, match="wrong password"):
        open_document(corpus_dir / name, password="not-it")
    doc = open_document(corpus_dir / name, password=password)
    assert doc.page_count >= 1
    doc.close()


def test_corpus_empty_user_password_opens_without_prompt(corpus_dir: Path) -> None:
    doc = open_document(corpus_dir / "pymupdf__test-2333.pdf")
    assert doc.page_count == 3
    doc.close()


def test_image_named_pdf_is_refused_as_not_a_pdf(tmp_path):
    """MuPDF opens a PNG as an image document; a renamed image must not import as an issue."""
    import pytest

    from reader.core.errors import BadPdfError
    from reader.core.pdf import open_document

    fake = tmp_path / "photo.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(BadPdfError, match="no %PDF header"):
        open_document(fake)
