"""Builds the reading pane's QTextDocument from item rows, recording where each item sits.

The document is built with QTextCursor calls rather than HTML, so no item text can ever be
taken for markup (nothing to escape, nothing to inject), and every item's character range is
known exactly for highlighting the current item and mapping clicks back to items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
)

from reader.core.annotations import Annotation
from reader.core.library import IssueRow, ItemRow

SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Iowan Old Style", "Cambria",
                  "Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman", "serif"]
LINE_HEIGHT_PERCENT = 150
UNREAD_MARK = "\u25cf"  # a dot before the headline of an unread item


@dataclass
class ItemSpan:
    """Where an item sits in the document: [start, end) characters; ``mark`` is its dot.

    Each item is its own frame, so the current item can be tinted as one box.
    """

    item: ItemRow
    start: int
    end: int
    mark: int
    frame: QTextFrame
    highlighted: bool = False
    # (document position, offset in the item text headline + "\n" + body, length) per run of
    # item text: maps selections to the core's highlight offsets and back.
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    # (document start, document end, annotation id) of each highlight shown.
    marks: list[tuple[int, int, int]] = field(default_factory=list)

    def offset_at(self, pos: int, *, end: bool = False) -> int | None:
        """The item-text offset of document position ``pos`` (None outside the item text).

        A position between runs snaps forward (a start) or back (an end)."""
        previous = None
        for dpos, off, n in self.segments:
            if dpos <= pos <= dpos + n:
                return off + pos - dpos
            if pos < dpos:
                return previous if end else off
            previous = off + n
        return previous if end else None

    def doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Document ranges covering item-text offsets ``start:end``."""
        out = []
        for dpos, off, n in self.segments:
            a, b = max(start, off), min(end, off + n)
            if a < b:
                out.append((dpos + a - off, dpos + b - off))
        return out


def reading_font(point_size: int) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(point_size)
    return font


def page_reference(pages: Sequence[int]) -> str:
    """``"p. 2"``, ``"pp. 2–3"`` or ``"pp. 1, 3"``; "" when the pages are unknown."""
    pages = sorted(set(pages))
    if not pages:
        return ""
    translate = QCoreApplication.translate
    if len(pages) == 1:
        return translate("ReadingDocument", "p. {page}").format(page=pages[0])
    if pages == list(range(pages[0], pages[-1] + 1)):
        return translate("ReadingDocument", "pp. {first}\u2013{last}").format(first=pages[0], last=pages[-1])
    return translate("ReadingDocument", "pp. {pages}").format(pages=", ".join(str(p) for p in pages))


class ReadingDocumentBuilder:
    """Writes a header and items into a fresh document and returns the item spans."""

    def __init__(self, palette: QPalette, point_size: int) -> None:
        self.palette = palette
        self.size = point_size
        self.doc = QTextDocument()
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDefaultFont(reading_font(point_size))
        self.doc.setDocumentMargin(24)
        self.cursor = QTextCursor(self.doc)
        self._first_block = True
        text = palette.color(QPalette.ColorRole.Text)
        self.muted = QColor(text)
        self.muted.setAlphaF(0.6)
        self.accent = palette.color(QPalette.ColorRole.Highlight)

    # -- low level -----------------------------------------------------------------------
    def _block(self, *, top: float = 0, bottom: float = 0, line_height: int = 100) -> None:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if self._first_block:
            self.cursor.setBlockFormat(fmt)
            self._first_block = False
        else:
            self.cursor.insertBlock(fmt)

    def _text(self, text: str, *, scale: float = 1.0, bold: bool = False, italic: bool = False,
              color: QColor | None = None) -> None:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self.size * scale)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        if color is not None:
            fmt.setForeground(color)
        self.cursor.insertText(text, fmt)

    # -- content -------------------------------------------------------------------------
    def header(self, kicker: str, title: str, subtitle: str = "") -> None:
        """A small line (series), a big line (issue label and date), an optional title."""
        if kicker:
            self._block(bottom=2)
            self._text(kicker.upper(), scale=0.8, color=self.muted)
        self._block(bottom=4 if subtitle else 18)
        self._text(title, scale=1.6, bold=True)
        if subtitle:
            self._block(bottom=18)
            self._text(subtitle, scale=1.05, italic=True, color=self.muted)

    def note(self, text: str) -> None:
        self._block(top=8, bottom=8, line_height=LINE_HEIGHT_PERCENT)
        self._text(text, italic=True, color=self.muted)

    def item(self, item: ItemRow, context: str = "", annotations: Sequence[Annotation] = ()) -> ItemSpan:
        """Headline (with its unread dot), body paragraphs, then "p. N" (and the issue), tags,
        highlight comments and the item's note; highlights tint their text."""
        frame = self.cursor.insertFrame(item_frame_format(None))
        self._first_block = True
        segments: list[tuple[int, int, int]] = []
        body_base = len(item.headline) + 1  # offsets index headline + "\n" + body
        paragraphs, offset = [], 0
        for raw in item.body.split("\n"):
            text = raw.strip()
            if text:
                paragraphs.append((text, body_base + offset + len(raw) - len(raw.lstrip())))
            offset += len(raw) + 1
        paragraphs = paragraphs or [("", body_base)]
        headline = item.headline.strip()
        headline_offset = len(item.headline) - len(item.headline.lstrip())
        if headline:
            self._block(bottom=6, line_height=125)
        else:
            self._block(bottom=6, line_height=LINE_HEIGHT_PERCENT)
        start = self.cursor.position()
        mark = start
        self._text(UNREAD_MARK + "\u2002", scale=0.8, color=self._mark_color(item.read))
        if headline:
            segments.append((self.cursor.position(), headline_offset, len(headline)))
            self._text(headline, scale=1.2, bold=True)
        else:
            # No headline printed: the body leads, its dot in front of the first paragraph.
            text, off = paragraphs.pop(0)
            segments.append((self.cursor.position(), off, len(text)))
            self._text(text)
        for text, off in paragraphs:
            self._block(bottom=6, line_height=LINE_HEIGHT_PERCENT)
            segments.append((self.cursor.position(), off, len(text)))
            self._text(text)
        meta = " \u00b7 ".join(part for part in (context, page_reference(item.pages)) if part)
        if item.starred:
            meta = ("\u2605 " + meta).strip()
        tags = sorted(a.tag for a in annotations if a.kind == "tag" and a.tag)
        if tags:
            meta = (meta + "   " + " ".join("#" + t for t in tags)).strip()
        self._block()
        self._text(meta or " ", scale=0.8, color=self.muted)
        highlights = [a for a in annotations if a.kind == "highlight"]
        for ann in highlights:
            if ann.comment.strip():
                self._block(top=2, line_height=125)
                self._text("\u275d ", scale=0.9, color=self._tint(ann.color, 1.0))
                self._text(ann.comment.strip(), scale=0.9, italic=True)
        notes = [a.note for a in annotations if a.kind == "note" and a.note.strip()]
        for note in notes:
            self._block(top=4, line_height=125)
            self._text("\u270e ", scale=0.9, color=self.muted)
            self._markdown(note.strip())
        end = self.cursor.position()
        self.cursor.setPosition(self.doc.rootFrame().lastPosition())
        self._collapse_gap_block()
        self._first_block = True
        span = ItemSpan(item, start, end, mark, frame, segments=segments)
        for ann in highlights:
            if ann.start is None or ann.end is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(self._tint(ann.color))
            if ann.comment:
                fmt.setToolTip(ann.comment)
            for a, b in span.doc_ranges(ann.start, ann.end):
                cursor = QTextCursor(self.doc)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
                span.marks.append((a, b, ann.id))
        return span

    @staticmethod
    def _tint(color: str | None, alpha: float | None = None) -> QColor:
        from reader.app.annotate.colors import READING_ALPHA, highlight_color

        return highlight_color(color, READING_ALPHA if alpha is None else alpha)

    def _markdown(self, text: str) -> None:
        """The user's own Markdown note, rendered (no raw HTML), muted and a little smaller."""
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self.size * 0.9)
        fmt.setForeground(self.muted)
        self.cursor.setCharFormat(fmt)
        start = self.cursor.position()
        self.cursor.insertMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)
        end = self.cursor.position()
        cursor = QTextCursor(self.doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        size = QTextCharFormat()
        size.setFontPointSize(self.size * 0.9)
        size.setForeground(self.muted)
        cursor.mergeCharFormat(size)

    def _collapse_gap_block(self) -> None:
        """Qt keeps an empty paragraph after every frame; make it a thin spacer."""
        fmt = QTextBlockFormat()
        fmt.setLineHeight(4, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self.cursor.setBlockFormat(fmt)
        small = QTextCharFormat()
        small.setFontPointSize(2)
        self.cursor.setBlockCharFormat(small)

    def _mark_color(self, read: bool) -> QColor:
        if not read:
            return self.accent
        done = QColor(self.muted)
        done.setAlphaF(0.0)
        return done

    def mark_format(self, read: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self._mark_color(read))
        return fmt


def issue_header(issue: IssueRow) -> tuple[str, str, str]:
    """(kicker, title, subtitle) for an issue."""
    label = issue.label or issue.title or issue.original_name
    title = f"{label} \u2014 {issue.date}" if issue.date else label
    subtitle = issue.title if issue.title and issue.title != label else ""
    return issue.series, title, subtitle


def item_frame_format(palette: QPalette | None) -> QTextFrameFormat:
    """An item's box: padded, tinted with the highlight colour when ``palette`` is given
    (the current item), transparent otherwise."""
    fmt = QTextFrameFormat()
    fmt.setPadding(12)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(4)
    fmt.setBorder(0)
    if palette is not None:
        tint = QColor(palette.color(QPalette.ColorRole.Highlight))
        tint.setAlphaF(0.12)
        fmt.setBackground(tint)
    return fmt
