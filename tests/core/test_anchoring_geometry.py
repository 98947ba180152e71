"""Highlight rectangles on the page: the words of a range, one rectangle per line."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reader.core.annotations import UnknownAnnotationError
from reader.core.importer import import_paths
from reader.core.library import Library
from tests.core.test_anchoring import ITEMS_V1, digest


def test_highlight_rects_cover_exactly_the_quoted_words(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        [o] = import_paths(lib, [digest(tmp_path / "a.pdf", ITEMS_V1)], jobs=1)
        item = lib.items(o.issue_id)[0]
        a = lib.annotations
        pdf = pymupdf.open(lib.issue_pdf_path(o.issue_id))

        def covered(annotation_id: int) -> list[str]:
            return [
                " ".join(pdf[r.page - 1].get_text("text", clip=pymupdf.Rect(r.rect)).split())
                for r in a.highlight_rects(annotation_id)
            ]

        head = a.add_highlight(item.id, quote="gauge installed").after[0]
        assert covered(head.id) == ["gauge installed"]
        body = a.add_highlight(item.id, quote="Readings will be published").after[0]
        assert " ".join(covered(body.id)) == "Readings will be published"  # may span two lines
        whole = a.add_highlight(item.id).after[0]
        assert len(a.highlight_rects(whole.id)) == len(item.rects)
        assert a.range_rects(item.id, 0, 4) and covered(head.id)
        tag = a.tag_items([item.id], ["x"]).after[0]
        with pytest.raises(UnknownAnnotationError):
            a.highlight_rects(tag.id)
        pdf.close()
