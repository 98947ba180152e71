"""Visual lines of a page from one ``get_text("dict")`` call, with style and list markers.

A ``Line`` is what a reader sees as one line: fragments MuPDF reports separately on the same
baseline (a bullet glyph in its own font, say) are merged. Each line knows its dominant font
size, whether it is bold/italic, and its list marker, if any: a bullet glyph, a number like
"1." or "2)", or a small filled vector shape just left of the text (browsers print list
bullets that way, with no glyph at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pymupdf

from reader.core.parse.columns import find_gutters
from reader.core.parse.text import is_cjk

# no images (never used), ligatures expanded so "ﬁ" reads and searches as "fi"
TEXT_FLAGS = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES & ~pymupdf.TEXT_PRESERVE_LIGATURES

# bullets that are never ordinary text: they mark an item even with no space after them
STRONG_BULLETS = "•▪■●◦▸►‣⁃○□◆◇★✓➢➤∙⦁▫◾◼\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"
# dashes, stars and numbers mark an item only when a space (or a span break) follows
WEAK_BULLETS = "–—‐-·*"
BULLET_GLYPHS = STRONG_BULLETS + WEAK_BULLETS
_MARKER_RE = re.compile(
    r"^\s*(?:(?P<s>[" + re.escape(STRONG_BULLETS) + r"])"
    r"|(?P<w>[" + re.escape(WEAK_BULLETS) + r"]|\(?\d{1,2}[.)]|\(\d{1,2}\))(?P<sp>\s|$)?)\s*"
)
_MAX_SHAPE_PATHS = 3000
_VECTOR_BLOCK = 3  # FZ_STEXT_BLOCK_VECTOR


@dataclass(slots=True)
class Line:
    """One visual line on a page (1-based ``page``), its text without the marker."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool
    italic: bool
    marker: str = ""
    tx0: float = 0.0  # where the text (after any marker) starts
    col: int = 0  # column index on its page, set by the column pass
    rect: tuple[float, float, float, float] | None = None  # page coordinates when rotated

    @property
    def page_rect(self) -> tuple[float, float, float, float]:
        """The line's rectangle in unrotated page coordinates (for highlighting)."""
        return self.rect if self.rect is not None else (self.x0, self.y0, self.x1, self.y1)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True)
class _Frag:
    x0: float
    y0: float
    x1: float
    y1: float
    spans: list[dict[str, Any]]
    text: str  # the spans' text joined (computed once: every pass reads it)
    rect: tuple[float, float, float, float] | None = None

    @property
    def height(self) -> float:
        return self.y1 - self.y0


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without control characters (NULs and friends end up in some PDFs' text)."""
    return _CONTROL.sub("", text)


def _direction(d: tuple[float, float]) -> str:
    dx, dy = d
    if abs(dx) >= abs(dy):
        return "ltr" if dx > 0 else "rtl"
    return "down" if dy > 0 else "up"


def _to_frame(
    bbox: tuple[float, float, float, float], way: str, w: float, h: float
) -> tuple[float, float, float, float]:
    """Rotate ``bbox`` into a frame where the text runs left to right, top to bottom."""
    x0, y0, x1, y1 = bbox
    if way == "up":  # text rotated 90° counter-clockwise: lines run bottom to top, stack left to right
        return (h - y1, x0, h - y0, x1)
    if way == "down":  # vertical CJK / clockwise: lines run top to bottom, stack right to left
        return (y0, w - x1, y1, w - x0)
    if way == "rtl":
        return (w - x1, h - y1, w - x0, h - y0)
    return bbox


_FONT_STYLE: dict[tuple[str, int], tuple[bool, bool]] = {}


def _font_style(font: str, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from a span's font name and flags, cached: few fonts, many spans."""
    key = (font, flags)
    found = _FONT_STYLE.get(key)
    if found is None:
        lower = font.lower()
        bold = bool(flags & 16) or any(w in lower for w in ("bold", "black", "heavy", "semibold"))
        italic = bool(flags & 2) or "italic" in lower or "oblique" in lower
        found = _FONT_STYLE[key] = (bold, italic)
    return found


def _style(spans: list[dict[str, Any]]) -> tuple[float, bool, bool]:
    """Dominant size and whether (nearly) all visible characters are bold / italic."""
    if len(spans) == 1:  # most lines: one span decides alone
        s = spans[0]
        t = s["text"]
        if len(t) - t.count(" ") <= 0:
            return (0.0, False, False)
        return (round(s["size"], 1), *_font_style(s["font"], s["flags"]))
    weight: dict[float, int] = {}
    chars = bold = italic = 0
    for s in spans:
        t = s["text"]
        n = len(t) - t.count(" ")
        if n <= 0:
            continue
        chars += n
        size = round(s["size"], 1)
        weight[size] = weight.get(size, 0) + n
        b, i = _font_style(s["font"], s["flags"])
        if b:
            bold += n
        if i:
            italic += n
    if not chars:
        return (0.0, False, False)
    size = max(weight, key=weight.__getitem__) if len(weight) > 1 else next(iter(weight))
    return (size, bold >= 0.8 * chars, italic >= 0.8 * chars)


def _frag_text(spans: list[dict[str, Any]]) -> str:
    return "".join(s["text"] for s in spans)


def _page_dict(page: pymupdf.Page, want_shapes: bool) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The page's ``get_text("dict")`` and, when ``want_shapes``, its vector blocks.

    Vector graphics come from the same MuPDF pass as the text (``TEXT_COLLECT_VECTORS``), not
    from a second interpretation of the page by ``get_cdrawings()``, which cost as much as the
    text itself. A page with no paths at all (the common case for generated digests) yields
    exactly the plain text dict. Where paths exist they split MuPDF's text lines wherever they
    interleave with the text, so the text is then taken from a plain second pass instead.
    """
    if not want_shapes:
        return page.get_text("dict", flags=TEXT_FLAGS), []
    tp = page.get_textpage(flags=TEXT_FLAGS | pymupdf.TEXT_COLLECT_VECTORS)
    data = page.get_text("dict", textpage=tp)
    vectors = [b for b in data.get("blocks", ()) if b.get("type") == 3]
    if not vectors and not _has_vector_blocks(tp):
        return data, []
    return page.get_text("dict", flags=TEXT_FLAGS), vectors


def _has_vector_blocks(tp: pymupdf.TextPage) -> bool:
    """True when MuPDF recorded any path on the page (even one the dict left out, off the page)."""
    try:
        block = tp.this.m_internal.first_block
        while block:
            if block.type == _VECTOR_BLOCK:
                return True
            block = block.next
    except Exception:  # noqa: BLE001 - binding details differ: assume paths, take the safe road
        return True
    return False


def _small_shapes(vectors: list[dict[str, Any]]) -> list[tuple[float, float, float, float]]:
    """Small filled, roughly square vector shapes: candidate list bullets.

    ``vectors`` are the dict's vector blocks. MuPDF reports each rectangle of a path on its own,
    flagged ``continues`` until the path's last part; the parts are joined back into the
    path's bounding box, so a shape is judged as a whole, as ``get_cdrawings()`` reported it.
    """
    out = []
    paths = 0
    pending: tuple[float, float, float, float] | None = None
    for v in vectors:
        x0, y0, x1, y1 = v["bbox"]
        if pending is not None:
            x0, y0 = min(x0, pending[0]), min(y0, pending[1])
            x1, y1 = max(x1, pending[2]), max(y1, pending[3])
            pending = None
        if v.get("continues"):
            pending = (x0, y0, x1, y1)
            continue
        paths += 1
        if paths > _MAX_SHAPE_PATHS:
            return []
        if v.get("stroked"):
            continue
        w, h = x1 - x0, y1 - y0
        if 1.2 <= w <= 9 and 1.2 <= h <= 9 and 0.5 <= w / h <= 2.0:
            out.append((x0, y0, x1, y1))
    return out


def _merge_fragments(frags: list[_Frag]) -> list[list[_Frag]]:
    """Group fragments sharing a baseline and sitting close together into visual lines.

    Fragments are swept by vertical centre into rows (neighbours closer than a third of a line
    height). Each row is split at column gutters (found on the fragments themselves) and at
    gaps too wide for even a justified word space; a lone marker glyph may sit a tab away.
    """
    gutters = find_gutters(frags)  # type: ignore[arg-type]

    def cy(f: _Frag) -> float:
        return (f.y0 + f.y1) / 2

    frags = sorted(frags, key=cy)
    rows: list[list[_Frag]] = []
    for f in frags:
        h = max(f.y1 - f.y0, 1.0)
        if rows:
            last = rows[-1][-1]
            lh = max(last.y1 - last.y0, 1.0)
            if abs(cy(f) - cy(last)) <= 0.35 * min(h, lh):
                rows[-1].append(f)
                continue
        rows.append([f])
    groups: list[list[_Frag]] = []
    for row in rows:
        row.sort(key=lambda f: f.x0)
        current = [row[0]]
        for f in row[1:]:
            last = current[-1]
            size = min(f.y1 - f.y0, last.y1 - last.y0)
            right = max(g.x1 for g in current)
            gap = f.x0 - right
            marker_only = len(current) == 1 and bool(_MARKER_RE.fullmatch(last.text.strip() + " "))
            split = any(right <= g0 + 0.5 and f.x0 >= g1 - 0.5 for g0, g1 in gutters)
            if not split and gap <= (3.0 * size if marker_only else 1.6 * size):
                current.append(f)
            else:
                groups.append(current)
                current = [f]
        groups.append(current)
    return groups


def page_lines(page: pymupdf.Page, pno: int, want_shapes: bool = True) -> list[Line]:
    """All horizontal text lines of ``page`` (numbered ``pno``, 1-based), unordered."""
    by_way: dict[str, list[tuple[tuple[float, float, float, float], list[dict[str, Any]], str]]] = {}
    weight: dict[str, int] = {}
    data, vectors = _page_dict(page, want_shapes)
    for block in data.get("blocks", ()):
        for ln in block.get("lines", ()):
            spans = [s for s in ln["spans"] if s["text"]]
            ftext = _frag_text(spans)
            chars = len(ftext.strip())
            if not chars:
                continue
            d = ln.get("dir", (1.0, 0.0))
            way = "ltr" if d[0] > 0 and d[0] >= abs(d[1]) else _direction(d)
            by_way.setdefault(way, []).append((tuple(ln["bbox"]), spans, ftext))
            weight[way] = weight.get(way, 0) + chars
    if not by_way:
        return []
    # read the page in its main text direction; stray rotated lines (margin notes) are dropped
    way = "ltr" if weight.get("ltr", 0) * 2 >= sum(weight.values()) else max(weight, key=weight.__getitem__)
    w, h = page.rect.width, page.rect.height
    frags: list[_Frag] = []
    for bbox, spans, ftext in by_way[way]:
        if way == "ltr":
            frags.append(_Frag(*bbox, spans, ftext))
        else:
            frags.append(_Frag(*_to_frame(bbox, way, w, h), spans, ftext, rect=bbox))
    lines: list[Line] = []
    for group in _merge_fragments(frags):
        if len(group) == 1:  # the common case: one fragment is one line
            f = group[0]
            spans, text = f.spans, f.text
            x0, y0, x1, y1 = f.x0, f.y0, f.x1, f.y1
        else:
            spans, text = _join_group(group)
            x0, y0 = min(f.x0 for f in group), min(f.y0 for f in group)
            x1, y1 = max(f.x1 for f in group), max(f.y1 for f in group)
        if not text.isprintable():
            text = clean(text)
        size, bold, italic = _style(spans)
        line = Line(
            page=pno, x0=x0, y0=y0, x1=x1, y1=y1, text=text, size=size, bold=bold, italic=italic, tx0=x0
        )
        if way != "ltr":
            rects = [f.rect for f in group if f.rect is not None]
            line.rect = (
                min(r[0] for r in rects),
                min(r[1] for r in rects),
                max(r[2] for r in rects),
                max(r[3] for r in rects),
            )
        # bold-ness ignores the marker glyph
        m = _MARKER_RE.match(text)
        if m and m.group("w") and m.group("sp") is None and not _span_break(spans, m.end()):
            m = None
        if m and len(text) > m.end():
            line.marker = m.group("s") or m.group("w")
            line.text = text[m.end() :]
            if way == "ltr":
                line.tx0 = _text_start(spans, len("".join(m.group(0).split())), x0)
            else:  # span boxes are unrotated: estimate along the line instead
                line.tx0 = x0 + (line.x1 - x0) * m.end() / max(len(text), 1)
            body_spans = _spans_after(spans, m.end())
            if body_spans:
                line.size, line.bold, line.italic = _style(body_spans)
        else:
            line.text = text
        line.text = line.text.strip()
        if line.text:
            lines.append(line)
    if vectors and lines and way == "ltr":
        shapes = _small_shapes(vectors)
        if shapes:
            _attach_shape_markers(lines, shapes)
    return lines


def _join_group(group: list[_Frag]) -> tuple[list[dict[str, Any]], str]:
    """Spans and text of fragments merged into one line, a space where a visible gap is."""
    spans = [s for f in group for s in f.spans]
    text = ""
    for i, f in enumerate(group):
        piece = f.text
        if i and text and piece and not text.endswith(" ") and not piece.startswith(" "):
            prev = group[i - 1]
            gap = f.x0 - prev.x1
            if gap > 0.15 * max(f.y1 - f.y0, 1.0) and not (is_cjk(text[-1]) and is_cjk(piece[0])):
                text += " "
        text += piece
    return spans, text


def _span_break(spans: list[dict[str, Any]], offset: int) -> bool:
    """True when a span ends exactly at character ``offset`` of the joined text."""
    pos = 0
    for s in spans:
        pos += len(s["text"])
        if pos == offset:
            return True
        if pos > offset:
            return False
    return False


def _spans_after(spans: list[dict[str, Any]], offset: int) -> list[dict[str, Any]]:
    out, pos = [], 0
    for s in spans:
        end = pos + len(s["text"])
        if end > offset:
            out.append(s)
        pos = end
    return out


def _text_start(spans: list[dict[str, Any]], marker_len: int, default: float) -> float:
    """x where the text after a marker of ``marker_len`` visible characters begins.

    Spaces are skipped on both sides of the marker, so spaces inserted or dropped between
    fragments do not shift the position; inside a span the x is interpolated.
    """
    seen = 0
    for s in spans:
        t = s["text"]
        bbox: tuple[float, float, float, float] = s["bbox"]
        x0, _, x1, _ = bbox
        for k, ch in enumerate(t):
            if ch.isspace():
                continue
            if seen >= marker_len:
                return x0 + (x1 - x0) * k / max(len(t), 1)
            seen += 1
    return default


def _attach_shape_markers(lines: list[Line], shapes: list[tuple[float, float, float, float]]) -> None:
    """Mark lines that have a small filled shape just to their left, vertically centred."""
    for line in lines:
        if line.marker:
            continue
        h = line.height
        cy = (line.y0 + line.y1) / 2
        for sx0, sy0, sx1, sy1 in shapes:
            if sx1 - sx0 > 0.75 * h:
                continue
            scy = (sy0 + sy1) / 2
            if abs(scy - cy) > 0.35 * h:
                continue
            gap = line.x0 - sx1
            if 0 <= gap <= 2.5 * max(line.size, 4):
                line.marker = "shape"
                line.tx0 = line.x0
                line.x0 = sx0
                break
