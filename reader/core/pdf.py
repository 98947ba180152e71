"""Open a PDF with PyMuPDF and turn its many failure modes into typed, one-line errors.

Everyone who opens a PDF goes through ``open_document`` so that a missing, empty, garbage,
truncated or encrypted file always yields the same clear ``UserError`` message instead of a
PyMuPDF exception (whose texts vary between versions and sometimes span lines).
"""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf

from reader.core.errors import BadPdfError, PasswordRequiredError

# MuPDF prints repair chatter to stderr; callers learn about repairs via ``doc.is_repaired``.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

PASSWORD_NEEDED = "encrypted PDF: a password is needed (use --password)"
WRONG_PASSWORD = "encrypted PDF: wrong password"


def _one_line(text: object, limit: int = 200) -> str:
    """Collapse ``text`` to a single short line fit for a message."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


HEADER_WINDOW = 8192
"""Bytes searched for ``%PDF``. The spec wants it within 1,024 bytes; readers tolerate junk before it."""


def _has_pdf_header(path: Path) -> bool:
    """Whether ``%PDF`` occurs near the start, so an image or text named .pdf is refused.

    MuPDF would otherwise open a PNG or JPEG renamed to .pdf as an image document.
    """
    try:
        with path.open("rb") as f:
            return b"%PDF" in f.read(HEADER_WINDOW)
    except OSError:
        return True  # let pymupdf.open report the read error in its own words


def open_document(path: str | os.PathLike[str], password: str | None = None) -> pymupdf.Document:
    """Open ``path`` as a PDF, authenticate when needed, and return the document.

    Raises ``BadPdfError`` for a missing, unreadable, empty, non-PDF or zero-page file and
    ``PasswordRequiredError`` when the file is encrypted and the password is missing or wrong.
    A file MuPDF silently repaired is returned as it is; check ``doc.is_repaired``.
    """
    p = Path(path)
    name = p.name
    if not p.exists():
        raise BadPdfError(f"file not found: {name}")
    if p.is_dir():
        raise BadPdfError(f"not a file: {name}")
    try:
        size = p.stat().st_size
    except OSError as err:
        raise BadPdfError(f"cannot read file: {_one_line(err.strerror or err)}") from None
    if size == 0:
        raise BadPdfError("empty file: not a PDF")
    if not _has_pdf_header(p):
        raise BadPdfError("not a PDF: the file has no %PDF header")
    try:
        doc = pymupdf.open(str(p), filetype="pdf")
    except pymupdf.EmptyFileError:
        raise BadPdfError("empty file: not a PDF") from None
    except pymupdf.FileNotFoundError:
        raise BadPdfError(f"file not found: {name}") from None
    except pymupdf.FileDataError:
        raise BadPdfError("not a PDF or damaged beyond repair") from None
    except PermissionError:
        raise BadPdfError(f"permission denied: {name}") from None
    except OSError as err:
        raise BadPdfError(f"cannot read file: {_one_line(err.strerror or err)}") from None
    except (RuntimeError, ValueError) as err:
        raise BadPdfError(f"cannot open PDF: {_one_line(err)}") from None
    try:
        if doc.needs_pass:
            if not password:
                raise PasswordRequiredError(PASSWORD_NEEDED)
            # needs_pass stays true after a successful authenticate(): trust its return value.
            if not doc.authenticate(password):
                raise PasswordRequiredError(WRONG_PASSWORD)
        if doc.page_count < 1:
            if doc.is_repaired:
                raise BadPdfError("damaged PDF: MuPDF's repair found no pages")
            raise BadPdfError("PDF has no pages")
    except BaseException:
        doc.close()
        raise
    return doc
