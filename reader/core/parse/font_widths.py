"""Give unembedded Type 1 fonts their ``/Widths`` before MuPDF loads them, from a per-process cache.

Why: a Type 1 font dictionary with no ``/FontDescriptor`` and no ``/Widths`` (the PDF format
allows it for the standard 14 fonts; PyMuPDF's ``insert_text`` and many simple generators write
exactly that) makes MuPDF ask FreeType for the advance of all 256 codes every time a document
loads the font, and for the built-in CFF fonts each advance means loading a glyph. For a
two-page digest in Helvetica and Helvetica-Bold that is about a quarter of the whole text
extraction, repeated for every file of an import although the answer never changes.

For such a dictionary MuPDF's widths depend only on its ``/Subtype``, ``/BaseFont`` and
``/Encoding`` name (it reads nothing else to compute them). So MuPDF itself computes them once
per process, on a scratch document, and every later document gets them written into its font
dictionaries in memory (the file is never saved). MuPDF then reads the very numbers it would
have computed: text, positions and everything the parser sees stay identical (the tests compare
whole ``get_text("dict")`` outputs with and without). Fonts that are embedded, carry widths or
encodings with ``/Differences``, or are anything but Type 1 are left alone.

This uses PyMuPDF's low-level ``mupdf`` bindings: the high-level ``xref_set_key`` and
``get_page_fonts`` cost more Python-to-C round trips than the widths save.
"""

from __future__ import annotations

from typing import Any

import pymupdf

__all__ = ["seed_font_widths"]

_m: Any = pymupdf.mupdf

_FIRST_CODE, _LAST_CODE = 0, 255


class _Names:
    """The PDF name objects this module reads and writes, made once."""

    def __init__(self) -> None:
        new = _m.ll_pdf_new_name
        self.resources = new("Resources")
        self.font = new("Font")
        self.type = new("Type")
        self.subtype = new("Subtype")
        self.type1 = new("Type1")
        self.font_descriptor = new("FontDescriptor")
        self.widths = new("Widths")
        self.base_font = new("BaseFont")
        self.encoding = new("Encoding")
        self.first_char = new("FirstChar")
        self.last_char = new("LastChar")


_names: _Names | None = None
_scratch: Any = None  # pdf_document* on which widths are computed; lives as long as the process
_widths: dict[tuple[str, str | None], Any] = {}  # (BaseFont, Encoding) -> pdf_obj* array, or None


def seed_font_widths(doc: pymupdf.Document) -> int:
    """Write cached ``/Widths`` into ``doc``'s page-level unembedded Type 1 font dictionaries
    that lack them; return how many fonts were given widths.

    Call it after opening and before loading any page. Best effort: anything unexpected leaves
    the document as it was for that font (MuPDF then computes the widths itself, as always).
    """
    if not doc.is_pdf:
        return 0
    try:
        pdf = pymupdf._as_pdf_document(doc).m_internal
        names = _names_once()
        seeded = 0
        for index in range(_m.ll_pdf_count_pages(pdf)):
            page = _m.ll_pdf_lookup_page_obj(pdf, index)
            resources = _m.ll_pdf_dict_get_inheritable(page, names.resources)
            fonts = _m.ll_pdf_dict_get(resources, names.font)
            for slot in range(_m.ll_pdf_dict_len(fonts)):
                seeded += _seed_one(pdf, _m.ll_pdf_dict_get_val(fonts, slot), names)
        return seeded
    except Exception:  # noqa: BLE001 - an optimisation must never make a readable file fail
        return 0


def _seed_one(pdf: Any, font: Any, names: _Names) -> int:
    if not _m.ll_pdf_name_eq(_m.ll_pdf_dict_get(font, names.subtype), names.type1):
        return 0
    if _m.ll_pdf_dict_get(font, names.font_descriptor) or _m.ll_pdf_dict_get(font, names.widths):
        return 0
    base_font = _m.ll_pdf_dict_get(font, names.base_font)
    encoding = _m.ll_pdf_dict_get(font, names.encoding)
    if not _m.ll_pdf_is_name(base_font) or (encoding and not _m.ll_pdf_is_name(encoding)):
        return 0
    key = (_m.ll_pdf_to_name(base_font), _m.ll_pdf_to_name(encoding) if encoding else None)
    if key not in _widths:
        _widths[key] = _computed_widths(*key)
    cached = _widths[key]
    if cached is None:
        return 0
    copy = _m.ll_pdf_graft_object(pdf, cached)  # objects may not be shared between documents
    try:
        _m.ll_pdf_dict_put_int(font, names.first_char, _FIRST_CODE)
        _m.ll_pdf_dict_put_int(font, names.last_char, _LAST_CODE)
        _m.ll_pdf_dict_put(font, names.widths, copy)
    finally:
        _m.ll_pdf_drop_obj(copy)
    return 1


def _computed_widths(base_font: str, encoding: str | None) -> Any:
    """The widths MuPDF computes for ``/Type1 /BaseFont base_font [/Encoding encoding]`` with no
    descriptor, as a PDF array on the scratch document; None when MuPDF cannot load the font."""
    global _scratch
    names = _names_once()
    try:
        if _scratch is None:
            _scratch = _m.ll_pdf_create_document()
        spec = _m.ll_pdf_new_dict(_scratch, 4)
        _m.ll_pdf_dict_put(spec, names.type, names.font)
        _m.ll_pdf_dict_put(spec, names.subtype, names.type1)
        _put_name(spec, names.base_font, base_font)
        if encoding is not None:
            _put_name(spec, names.encoding, encoding)
        ref = _m.ll_pdf_add_object(_scratch, spec)
        _m.ll_pdf_drop_obj(spec)
        desc = _m.ll_pdf_load_font(_scratch, None, ref)
        try:
            widths = [_m.ll_pdf_lookup_hmtx(desc, code).w for code in range(_FIRST_CODE, _LAST_CODE + 1)]
        finally:
            _m.ll_pdf_drop_font(desc)
            _m.ll_pdf_drop_obj(ref)
        array = _m.ll_pdf_new_array(_scratch, len(widths))
        for width in widths:
            _m.ll_pdf_array_push_int(array, width)
        return array
    except Exception:  # noqa: BLE001 - unknown to this MuPDF build: leave such fonts alone
        return None


def _put_name(dictionary: Any, key: Any, value: str) -> None:
    name = _m.ll_pdf_new_name(value)
    try:
        _m.ll_pdf_dict_put(dictionary, key, name)
    finally:
        _m.ll_pdf_drop_obj(name)


def _names_once() -> _Names:
    global _names
    if _names is None:
        _names = _Names()
    return _names
