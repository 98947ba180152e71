"""Generate the sample digest issues: every PDF, its expected JSON and the README's coverage table.

Run ``.venv/bin/python sample_issues/generate.py`` (or with ``--out DIR`` to write elsewhere).
The issues' text lives in ``content.py`` beside this script as *logical* text: one string per
headline and per detail paragraph. The layout code here wraps, hyphenates and places it, and the
expected JSON is written from the same logical text, so the PDFs and their expected parse cannot
drift apart. Output is deterministic: fixed metadata dates, no random document id, subset fonts.

Four "producer styles" imitate the variety of real digests:

* ``plain``   - ``page.insert_text`` with Base-14 Helvetica (CJK via the non-embedded ``japan``
  font), ragged right, glyph or numbered markers.
* ``justify`` - ``TextWriter`` with embedded Times, justified lines, syllable hyphenation,
  one or two columns.
* ``browser`` - ``TextWriter`` with embedded Helvetica; list bullets are small filled vector
  circles/squares with no glyph, as a browser's "print to PDF" draws them.
* ``story``   - MuPDF's HTML ``Story`` layout (its own fonts, its own list markers).

Line-break rules the parser can rely on (see README.md):
  - lines break only at spaces, between two CJK characters, or inside a hyphenated word;
  - a line ending in ASCII "-" is always a syllable break of a word that has no hyphen of its own;
  - a space between two CJK characters is never a line break.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymupdf

HERE = Path(__file__).resolve().parent
FIXED_DATE = "D:20260401090000Z"


def load_content() -> Any:
    """Import ``content.py`` from beside this script without touching ``sys.path``."""
    spec = importlib.util.spec_from_file_location("sample_content", HERE / "content.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- text utilities


def is_cjk(ch: str) -> bool:
    """True for Japanese/Chinese characters and full-width punctuation."""
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF


NO_LINE_START = set("。、，．」』）〕】ー・：；？！ゃゅょっャュョッ")
VOWELS = set("aeiouy")
# consonant pairs that belong together at the start of a syllable: never split between them
ONSETS = {
    "ch",
    "sh",
    "th",
    "ph",
    "wh",
    "ck",
    "ng",
    "qu",
    "gh",
    "gn",
    "tr",
    "pr",
    "br",
    "cr",
    "dr",
    "gr",
    "fr",
    "pl",
    "bl",
    "cl",
    "fl",
    "gl",
    "sl",
    "st",
    "sp",
    "sc",
    "sk",
    "sm",
    "sn",
    "sw",
    "tw",
    "wr",
}
CLUSTERS = {
    "tr",
    "pr",
    "br",
    "cr",
    "dr",
    "gr",
    "fr",
    "pl",
    "bl",
    "cl",
    "fl",
    "gl",
    "ch",
    "sh",
    "th",
    "ph",
    "wh",
}
SUFFIXES = ("tion", "sion", "ment", "ments", "ness", "ture", "able", "ible", "ity", "ing", "ings")


def hyphenation_points(word: str) -> list[int]:
    """Syllable break indexes in a lowercase alphabetic word: VC-CV splits and common suffixes.

    Deliberately conservative (no V-CV guesses), so breaks read naturally: con-tract,
    instal-led, govern-ment, informa-tion.
    """
    points = set()
    for i in range(1, len(word)):
        a, b = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if (
            a not in VOWELS
            and b not in VOWELS
            and a + b not in ONSETS
            and (nxt in VOWELS or b + nxt in CLUSTERS)
        ):
            points.add(i)
    for suf in SUFFIXES:
        if word.endswith(suf):
            i = len(word) - len(suf)
            if word[i - 1] == word[i - 2] and word[i - 1] not in VOWELS:
                i -= 1  # ship-ping, not shipp-ing
            points.add(i)
    good = []
    for i in sorted(points):
        head, tail = word[:i], word[i:]
        if len(head) < 3 or len(tail) < 3 or (len(tail) == 3 and tail[1:] in ("ed", "es")):
            continue
        if any(c in VOWELS for c in head) and any(c in VOWELS for c in tail):
            good.append(i)
    return good


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class Family:
    """A Latin font family plus the CJK fallback, with measuring fonts and insert_text names."""

    names: dict[str, str]  # role -> builtin name: reg, bold, ital, cjk

    def font(self, role: str) -> pymupdf.Font:
        return _font(self.names[role])

    def width(self, role: str, text: str, size: float) -> float:
        return text_width(self.names[role], text, size)


_FONTS: dict[str, pymupdf.Font] = {}
_WIDTHS: dict[tuple[str, str, float], float] = {}


def text_width(name: str, text: str, size: float) -> float:
    """Width of text in a builtin font, memoised (layout measures the same words many times)."""
    key = (name, text, size)
    if key not in _WIDTHS:
        _WIDTHS[key] = _font(name).text_length(text, size)
    return _WIDTHS[key]


def _font(name: str) -> pymupdf.Font:
    if name not in _FONTS:
        _FONTS[name] = pymupdf.Font("cjk" if name == "japan" else name)
    return _FONTS[name]


HELV = Family({"reg": "helv", "bold": "hebo", "ital": "heit", "cjk": "japan"})
TIMES = Family({"reg": "tiro", "bold": "tibo", "ital": "tiit", "cjk": "japan"})


# --------------------------------------------------------------------------- line breaking


@dataclass
class Unit:
    """An unbreakable piece of text; ``sep`` says what precedes it.

    sep: "space" (breakable space), "nbsp" (space, no break), "cjk" (break allowed, no space),
    "join" (no break, no space).
    """

    text: str
    role: str
    sep: str
    width: float = 0.0
    hyphenable: bool = False


def tokenize(text: str, role: str) -> list[Unit]:
    """Split logical text into units with break opportunities (spaces and between CJK chars)."""
    units: list[Unit] = []
    words = text.split()
    for wi, word in enumerate(words):
        if wi == 0:
            sep = "join"
        elif is_cjk(words[wi - 1][-1]) and is_cjk(word[0]):
            sep = "nbsp"
        else:
            sep = "space"
        # split the word into script runs; CJK characters each become a unit
        runs: list[tuple[str, bool]] = []
        for ch in word:
            c = is_cjk(ch)
            if c or not runs or runs[-1][1]:
                runs.append((ch, c))
            else:
                runs[-1] = (runs[-1][0] + ch, False)
        for ri, (run, cjk) in enumerate(runs):
            if ri == 0:
                s = sep
            elif cjk and runs[ri - 1][1] and run not in NO_LINE_START:
                s = "cjk"
            else:
                s = "join"
            u = Unit(run, "cjk" if cjk else role, s)
            core = run.rstrip(".,;:")
            u.hyphenable = (
                len(runs) == 1 and core.isalpha() and core.isascii() and core.islower() and len(core) >= 8
            )
            units.append(u)
    return units


@dataclass
class Line:
    units: list[Unit]
    last: bool = False  # last line of its paragraph (not justified)


def measure(units: list[Unit], family: Family, size: float) -> None:
    for u in units:
        u.width = family.width(u.role, u.text, size)


def sep_width(u: Unit, family: Family, size: float) -> float:
    return family.width("reg", " ", size) if u.sep in ("space", "nbsp") else 0.0


def break_lines(
    text: str, role: str, family: Family, size: float, width: float, hyphenate: bool
) -> list[Line]:
    """Greedy line breaking with optional syllable hyphenation."""
    units = tokenize(text, role)
    measure(units, family, size)
    lines: list[Line] = []
    cur: list[Unit] = []
    cur_w = 0.0
    i = 0
    while i < len(units):
        u = units[i]
        add = (sep_width(u, family, size) if cur else 0.0) + u.width
        if not cur or cur_w + add <= width:
            cur.append(u)
            cur_w += add
            i += 1
            continue
        # overflow: try hyphenating u itself
        if hyphenate and u.hyphenable and u.sep == "space":
            core = u.text.rstrip(".,;:")
            room = width - cur_w - sep_width(u, family, size)
            best = None
            for p in hyphenation_points(core):
                head = core[:p] + "-"
                if family.width(u.role, head, size) <= room:
                    best = p
            if best is not None:
                head = Unit(core[:best] + "-", u.role, "space")
                tail = Unit(u.text[best:], u.role, "space")
                measure([head, tail], family, size)
                cur.append(head)
                lines.append(Line(cur))
                cur, cur_w = [tail], tail.width
                i += 1
                continue
        # break at the last opportunity before u (u itself if it may start a line)
        j = len(cur)
        if u.sep not in ("space", "cjk"):
            j = len(cur) - 1
            while j > 0 and cur[j].sep not in ("space", "cjk"):
                j -= 1
            if j == 0:
                raise ValueError(f"cannot break line before {u.text!r} in {text[:40]!r}")
            carry = cur[j:]
        else:
            carry = []
        lines.append(Line(cur[:j]))
        cur = carry
        cur_w = 0.0
        for k, c in enumerate(cur):
            cur_w += (sep_width(c, family, size) if k else 0.0) + c.width
    if cur:
        lines.append(Line(cur, last=True))
    return lines


# --------------------------------------------------------------------------- page model


@dataclass
class TextOp:
    x: float
    y: float  # baseline
    text: str
    font: str  # builtin name
    size: float
    color: tuple[float, float, float] = (0, 0, 0)


@dataclass
class ShapeOp:
    kind: str  # circle | square | rule | image
    rect: tuple[float, float, float, float]
    color: tuple[float, float, float] = (0, 0, 0)


@dataclass
class PageOps:
    text: list[TextOp] = field(default_factory=list)
    shapes: list[ShapeOp] = field(default_factory=list)


GREY = (0.35, 0.35, 0.35)


@dataclass
class Geometry:
    width: float = 595.0
    height: float = 842.0
    left: float = 60.0
    right: float = 60.0
    top: float = 60.0
    bottom: float = 66.0
    columns: int = 1
    gutter: float = 22.0


class Flow:
    """Places lines into columns and pages, remembering on which page each line landed."""

    def __init__(self, geo: Geometry, family: Family, size: float, leading: float) -> None:
        self.geo, self.family, self.size, self.leading = geo, family, size, leading
        self.pages: list[PageOps] = [PageOps()]
        self.col = 0
        self.y = geo.top
        self.col_top = geo.top
        self.columns = 1
        self.max_y: dict[int, float] = {}
        self.cap: tuple[int, float] | None = None  # (page, y): shorter columns there, to balance

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    def ops(self) -> PageOps:
        return self.pages[-1]

    def col_x(self, col: int | None = None) -> tuple[float, float]:
        g = self.geo
        c = self.col if col is None else col
        total = g.width - g.left - g.right
        w = (total - g.gutter * (self.columns - 1)) / self.columns
        x0 = g.left + c * (w + g.gutter)
        return x0, x0 + w

    def start_columns(self, n: int) -> None:
        self.columns, self.col, self.col_top = n, 0, self.y

    def bottom(self) -> float:
        full = self.geo.height - self.geo.bottom
        if self.cap is not None and self.cap[0] == self.page:
            return min(full, self.cap[1])
        return full

    def advance(self, h: float) -> None:
        """Make room for h points, moving to the next column or page if needed."""
        if self.y + h <= self.bottom():
            return
        if self.col + 1 < self.columns:
            self.col += 1
        else:
            self.pages.append(PageOps())
            self.col = 0
            self.col_top = self.geo.top
        self.y = self.col_top

    def space(self, h: float) -> None:
        if self.y > self.col_top:
            self.y += h

    def text_line(self, indent: float, line: Line, size: float, justify: bool) -> int:
        """Draw one broken line, indented within the current column; returns its page index."""
        self.advance(self.leading)
        x0, x1 = self.col_x()
        x, width = x0 + indent, x1 - x0 - indent
        base = self.y + size * 0.85
        fam = self.family
        extra = 0.0
        gaps = sum(1 for u in line.units[1:] if u.sep in ("space", "nbsp"))
        if justify and not line.last and gaps:
            natural = sum(u.width for u in line.units) + sum(sep_width(u, fam, size) for u in line.units[1:])
            extra = max(0.0, (width - natural) / gaps)
        cx = x
        ops = self.ops()
        first = len(ops.text)
        for k, u in enumerate(line.units):
            if k and u.sep in ("space", "nbsp"):
                cx += sep_width(u, fam, size) + extra
            nxt = line.units[k + 1] if k + 1 < len(line.units) else None
            text = u.text
            # keep spaces in the text layer, as real producers do, always in the Latin font
            # (the non-embedded CJK font's space is full width)
            if nxt is not None and nxt.sep in ("space", "nbsp") and u.role != "cjk" and nxt.role != "cjk":
                text += " "
            name = fam.names[u.role]
            prev = ops.text[-1] if len(ops.text) > first else None
            if k and u.sep in ("space", "nbsp") and (u.role == "cjk" or line.units[k - 1].role == "cjk"):
                sw = sep_width(u, fam, size)
                ops.text.append(TextOp(cx - sw, base, " ", fam.names["reg"], size))
                prev = ops.text[-1]
            if prev is not None and extra == 0.0 and prev.font == name:
                prev.text += text
            else:
                ops.text.append(TextOp(cx, base, text, name, size))
            cx += u.width
        self.max_y[self.page] = max(self.max_y.get(self.page, 0.0), self.y + self.leading)
        assert cx <= self.geo.width - self.geo.right + 0.5 or self.columns > 1, line
        self.y += self.leading
        return self.page


# --------------------------------------------------------------------------- markers


def marker_text(marker: str, index: int) -> str | None:
    if marker == "1.":
        return f"{index}."
    if marker == "1)":
        return f"{index})"
    if marker in ("circle", "square"):
        return None
    return marker


def draw_marker(flow: Flow, marker: str, index: int, x: float, size: float, role: str) -> None:
    """Draw a list marker at x on the line about to be placed (flow.y)."""
    flow.advance(flow.leading)
    ops = flow.ops()
    text = marker_text(marker, index)
    if text is None:
        r = size * (0.19 if marker == "circle" else 0.17)
        cy = flow.y + size * 0.85 - size * 0.33
        cx = x + r + 1
        ops.shapes.append(ShapeOp(marker, (cx - r, cy - r, cx + r, cy + r)))
        return
    name = (
        flow.family.names["cjk"] if text == "▪" else flow.family.names[role if text[0].isdigit() else "reg"]
    )
    ops.text.append(TextOp(x, flow.y + size * 0.85, text, name, size))


# --------------------------------------------------------------------------- one issue


@dataclass
class Laid:
    pages: list[PageOps]
    item_pages: list[set[int]]
    spans_page_break: bool = False
    spans_column_break: bool = False
    content_pages: int = 0


def layout_issue(issue: dict, series: dict) -> Laid:
    """Lay out an issue; with columns, balance the columns of the last page like a typesetter."""
    laid = layout_once(issue, series, None)
    if issue.get("columns", 1) == 1:
        return laid
    last = laid.content_pages - 1
    y = laid.geo.top  # type: ignore[attr-defined]
    while y < laid.geo.height:  # type: ignore[attr-defined]
        trial = layout_once(issue, series, (last, y))
        if trial.content_pages == laid.content_pages:
            return trial
        y += 4.0
    return laid


def layout_once(issue: dict, series: dict, cap: tuple[int, float] | None) -> Laid:
    """Lay out masthead, headline list, details and boilerplate of a non-Story issue."""
    style = series["style"]
    family = TIMES if style == "justify" else HELV
    size = issue.get("size", 10.0)
    leading = size * 1.32
    geo = Geometry(columns=issue.get("columns", 1))
    if issue.get("letter"):
        geo.width, geo.height = 612.0, 792.0
    if issue.get("page") == "a5":
        geo.width, geo.height, geo.left, geo.right, geo.top, geo.bottom = 420.0, 595.0, 40.0, 40.0, 52.0, 56.0
    flow = Flow(geo, family, size, leading)
    flow.cap = cap
    fam = family
    multipage_furniture = True
    x0, x1 = flow.col_x()
    ops = flow.ops()
    # masthead
    mast = 24.0
    ops.text.append(TextOp(x0, flow.y + mast * 0.8, series["name"], fam.names["bold"], mast))
    flow.y += mast * 1.25
    line2 = issue["label"] + (series["date_sep"] + issue["date_text"] if issue.get("date_text") else "")
    ops.text.append(TextOp(x0, flow.y + 11 * 0.85, line2, fam.names["reg"], 11.0, GREY))
    flow.y += 11 * 1.5
    if issue.get("title"):
        ops.text.append(TextOp(x0, flow.y + 13 * 0.85, issue["title"], fam.names["ital"], 13.0))
        flow.y += 13 * 1.5
    if issue.get("photo"):
        h = 86.0
        ops.shapes.append(ShapeOp("image", (x0, flow.y + 4, x1, flow.y + 4 + h)))
        flow.y += h + 8
        ops.text.append(TextOp(x0, flow.y + 7.5 * 0.85, issue["photo"], fam.names["ital"], 7.5, GREY))
        flow.y += 7.5 * 1.6
    ops.shapes.append(ShapeOp("rule", (x0, flow.y + 3, x1, flow.y + 3)))
    flow.y += 12
    items = issue["items"]
    item_pages: list[set[int]] = [set() for _ in items]
    indent = size * 1.6
    # headline list (full width, one line each)
    hmark = issue.get("headline_marker")
    if hmark:
        for n, (headline, _) in enumerate(items, 1):
            lines = break_lines(headline, "bold", fam, size, x1 - x0 - indent, False)
            assert len(lines) == 1, f"headline too long for one line: {headline!r}"
            draw_marker(flow, hmark, n, x0, size, "bold")
            item_pages[n - 1].add(flow.text_line(indent, lines[0], size, False))
            flow.y += size * 0.25
        flow.y += size * 0.9
    # details
    flow.start_columns(geo.columns)
    dmark = issue["detail_marker"]
    justify = style == "justify"
    laid = Laid(flow.pages, item_pages)
    for n, (_, body) in enumerate(items, 1):
        flow.space(size * 0.55)
        cx0, cx1 = flow.col_x()
        lines = break_lines(body, "reg", fam, size, cx1 - cx0 - indent, issue.get("hyphenate", False))
        for k, line in enumerate(lines):
            if k == 0:
                if flow.y + 2 * leading > flow.bottom():  # no lone first line at a column foot
                    flow.advance(2 * leading + flow.bottom())
                draw_marker(flow, dmark, n, flow.col_x()[0], size, "reg")
                start = (flow.page, flow.col)
            item_pages[n - 1].add(flow.text_line(indent, line, size, justify))
        end = (flow.page, flow.col)
        laid.spans_page_break |= start[0] != end[0]
        laid.spans_column_break |= start[0] == end[0] and start[1] != end[1]
    # boilerplate footer, full width below everything on the last page
    foot = series["boilerplate"]
    fsize = 7.5
    need = 14 + len(foot) * fsize * 1.45
    laid.content_pages = len(flow.pages)
    bottom_now = max(flow.y, flow.max_y.get(flow.page, 0.0))
    if bottom_now + need > geo.height - geo.bottom:
        flow.pages.append(PageOps())
        bottom_now = geo.top
    ops = flow.ops()
    y = bottom_now + 8
    ops.shapes.append(ShapeOp("rule", (geo.left, y, geo.width - geo.right, y)))
    y += 6
    for text in foot:
        ops.text.append(TextOp(geo.left, y + fsize * 0.85, text, fam.names["reg"], fsize, GREY))
        y += fsize * 1.45
    # running header and footer on every page of multi-page issues
    total = len(flow.pages)
    if total > 1 and multipage_furniture:
        for p, pops in enumerate(flow.pages, 1):
            head = f"{series['name']} \u00b7 {issue['label']}"
            pops.text.append(TextOp(geo.left, 34, head, fam.names["reg"], 7.5, GREY))
            pops.shapes.append(ShapeOp("rule", (geo.left, 39, geo.width - geo.right, 39), GREY))
            ft = series["page_format"].format(p=p, n=total)
            w = _font(fam.names["reg"]).text_length(ft, 8)
            pops.text.append(TextOp((geo.width - w) / 2, geo.height - 30, ft, fam.names["reg"], 8, GREY))
    laid.pages = flow.pages
    laid.geo = geo  # type: ignore[attr-defined]
    return laid


def photo_pixmap(seed: int) -> pymupdf.Pixmap:
    """A small deterministic 'photo': soft colour bands standing in for a picture."""
    w, h = 160, 60
    data = bytearray()
    for y in range(h):
        for x in range(w):
            data += bytes(
                ((40 + x + seed * 37) % 256, (90 + y * 2 + seed * 11) % 256, (150 + (x + y) // 3) % 256)
            )
    return pymupdf.Pixmap(pymupdf.csRGB, w, h, bytes(data), False)


def render(laid: Laid, style: str, seed: int) -> pymupdf.Document:
    """Turn page ops into a PDF, with insert_text (plain) or TextWriter (others)."""
    geo = laid.geo  # type: ignore[attr-defined]
    doc = pymupdf.open()
    for pops in laid.pages:
        page = doc.new_page(width=geo.width, height=geo.height)
        for s in pops.shapes:
            r = pymupdf.Rect(s.rect)
            if s.kind == "circle":
                page.draw_circle(r.tl + (r.width / 2, r.height / 2), r.width / 2, color=None, fill=s.color)
            elif s.kind == "square":
                page.draw_rect(r, color=None, fill=s.color)
            elif s.kind == "rule":
                page.draw_line(r.tl, r.br, color=s.color, width=0.6)
            elif s.kind == "image":
                page.insert_image(r, pixmap=photo_pixmap(seed), keep_proportion=False)
        writers: dict[tuple[float, ...], pymupdf.TextWriter] = {}
        if style == "plain":
            for t in pops.text:
                if t.font != "japan" and max(map(ord, t.text)) > 0xFF:
                    # Base-14 insert_text only encodes Latin-1; like many real producers,
                    # fall back to an embedded font for the odd dash or letter beyond it
                    tw = writers.setdefault(t.color, pymupdf.TextWriter(page.rect))
                    tw.append((t.x, t.y), t.text, font=_font(t.font), fontsize=t.size)
                else:
                    page.insert_text((t.x, t.y), t.text, fontname=t.font, fontsize=t.size, color=t.color)
            for color, tw in writers.items():
                tw.write_text(page, color=color)
        else:
            for t in pops.text:
                tw = writers.setdefault(t.color, pymupdf.TextWriter(page.rect))
                tw.append((t.x, t.y), t.text, font=_font(t.font), fontsize=t.size)
            for color, tw in writers.items():
                tw.write_text(page, color=color)
    return doc


# --------------------------------------------------------------------------- Story (HTML) style


def esc(s: str) -> str:
    """HTML-escape, and keep words with their own hyphen unbroken (MuPDF would break there)."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\S*\w-\w\S*", lambda m: f'<span style="white-space: nowrap">{m.group(0)}</span>', s)


def story_issue(issue: dict, series: dict) -> tuple[pymupdf.Document, list[set[int]]]:
    """Lay out an issue with MuPDF's HTML Story; item pages come from element positions."""
    items = issue["items"]
    date = series["date_sep"] + issue["date_text"] if issue.get("date_text") else ""
    parts = [f"<h1>{esc(series['name'])}</h1>", f'<p class="label">{esc(issue["label"] + date)}</p>']
    if issue.get("title"):
        parts.append(f'<p class="title">{esc(issue["title"])}</p>')
    if issue.get("photo"):
        parts.append(f'<p class="photo">{esc(issue["photo"])}</p>')
    parts.append("<hr/>")
    tag = "ol" if issue.get("numbered") else "ul"
    if issue.get("headline_marker"):
        parts.append(f"<{tag} class='heads'>")
        parts += [f'<li id="h{n}"><b>{esc(h)}</b></li>' for n, (h, _) in enumerate(items, 1)]
        parts.append(f"</{tag}>")
    parts.append(f"<{tag} class='details'>")
    parts += [f'<li id="d{n}">{esc(b)}</li>' for n, (_, b) in enumerate(items, 1)]
    parts.append(f"</{tag}>")
    parts.append('<div class="foot">' + "".join(f"<p>{esc(t)}</p>" for t in series["boilerplate"]) + "</div>")
    css = (
        "body {font-family: serif; font-size: 10.5pt;}"
        "h1 {font-size: 24pt; margin: 0 0 4pt 0;} p.label {color: #555; margin: 0;}"
        "p.title {font-style: italic; font-size: 13pt; margin: 4pt 0 0 0;}"
        "p.photo {font-style: italic; font-size: 7.5pt; color: #555; margin: 6pt 0 0 0;}"
        "ul.heads li, ol.heads li {margin-bottom: 2pt;} ul.details li, ol.details li {margin-bottom: 7pt;}"
        "ul.details, ol.details {text-align: justify; margin-top: 10pt;}"
        "div.foot {margin-top: 14pt; border-top: 0.5pt solid #777; font-size: 7.5pt; color: #555;}"
        "div.foot p {margin: 2pt 0 0 0;}"
    )
    story = pymupdf.Story(html="".join(parts), user_css=css)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    pw, ph = (420.0, 595.0) if issue.get("page") == "a5" else (595.0, 842.0)
    margin = 44.0 if issue.get("page") == "a5" else 64.0
    where = pymupdf.Rect(margin, 56, pw - margin, ph - 70)
    item_pages: list[set[int]] = [set() for _ in items]
    current = [0]

    def record(pos: Any) -> None:
        if pos.id and pos.id[0] in "hd" and pos.id[1:].isdigit():
            item_pages[int(pos.id[1:]) - 1].add(current[0])

    more = 1
    while more:
        dev = writer.begin_page(pymupdf.Rect(0, 0, pw, ph))
        more, _ = story.place(where)
        story.element_positions(record)
        story.draw(dev)
        writer.end_page()
        current[0] += 1
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    if doc.page_count > 1:
        for p, page in enumerate(doc, 1):
            head = f"{series['name']} \u00b7 {issue['label']}"
            page.insert_text((margin, 34), head, fontname="helv", fontsize=7.5, color=GREY)
            ft = series["page_format"].format(p=p, n=doc.page_count)
            w = pymupdf.get_text_length(ft, "helv", 8)
            page.insert_text(((pw - w) / 2, ph - 30), ft, fontname="helv", fontsize=8, color=GREY)
    return doc, item_pages


# --------------------------------------------------------------------------- expected JSON


def collapse(s: str) -> str:
    return " ".join(s.split())


def expected(issue: dict, series: dict, pages: int, item_pages: list[set[int]]) -> dict:
    """The correct parse of an issue, built from the same logical text the PDF is drawn from."""
    has_heads = bool(issue.get("headline_marker"))
    return {
        "series": series["name"],
        "label": issue["label"],
        "volume": issue["volume"],
        "number": issue["number"],
        "date": issue["date"],
        "title": issue.get("title", ""),
        "pages": pages,
        "items": [
            {
                "position": n,
                "headline": collapse(h) if has_heads else "",
                "body": collapse(b),
                "pages": sorted(p + 1 for p in item_pages[n - 1]),
            }
            for n, (h, b) in enumerate(issue["items"], 1)
        ],
    }


# --------------------------------------------------------------------------- driver


def check_content(issue: dict) -> None:
    """Detail paragraphs are 60-200 words (Japanese ones at least 100 characters)."""
    for headline, body in issue["items"]:
        if re.search(r"[\u3040-\u30ff]", body) and len(body.split()) < 10:
            assert len(body) >= 100, f"{issue['slug']}: Japanese body too short: {body[:30]!r}"
        else:
            n = len(body.split())
            assert 60 <= n <= 200, f"{issue['slug']}: body of {n} words: {body[:40]!r}"
        assert bool(headline) == bool(issue.get("headline_marker")), f"{issue['slug']}: {headline!r}"


def build(issue: dict, series: dict, seed: int) -> tuple[bytes, dict, dict]:
    """Make one issue: PDF bytes, expected JSON, and facts for the coverage table."""
    check_content(issue)
    facts: dict[str, Any] = {}
    if series["style"] == "story":
        doc, item_pages = story_issue(issue, series)
    else:
        laid = layout_issue(issue, series)
        doc = render(laid, series["style"], seed)
        item_pages = laid.item_pages
        facts["column break"] = laid.spans_column_break
    facts["page break"] = any(len(p) > 1 for p in item_pages)
    doc.subset_fonts()
    doc.set_metadata(
        {
            "title": f"{series['name']} {issue['label']}",
            "author": series["author"],
            "producer": series["producer"],
            "creator": series["creator"],
            "keywords": f"sample digest; PyMuPDF {pymupdf.VersionBind}",
            "creationDate": FIXED_DATE,
            "modDate": FIXED_DATE,
        }
    )
    out = io.BytesIO()
    doc.save(out, garbage=4, deflate=True, no_new_id=True)
    exp = expected(issue, series, doc.page_count, item_pages)
    check_extraction(out.getvalue(), issue)
    text = "".join(page.get_text() for page in pymupdf.open("pdf", out.getvalue()))
    facts["hyphenated"] = len(re.findall(r"[a-z]-\n[a-z]", text))
    return out.getvalue(), exp, facts


def check_extraction(pdf: bytes, issue: dict) -> None:
    """Every CJK run of the logical text must extract back from the PDF unchanged."""
    doc = pymupdf.open("pdf", pdf)
    text = "".join(page.get_text() for page in doc).replace("\n", "")
    for h, b in issue["items"]:
        for run in re.findall(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+", h + " " + b):
            assert run in text, f"{issue['slug']}: CJK run {run!r} did not extract back"


def readme(intro: str, rows: list[tuple[dict, dict, dict, dict]]) -> str:
    """README.md: the hand-written intro from content.py plus a coverage table built from the data."""
    out = [intro.rstrip(), "", "## Which file shows what", ""]
    out.append("| file | series / label | date as printed | pages | style | shows |")
    out.append("|---|---|---|---|---|---|")
    for issue, series, exp, facts in rows:
        shows = list(issue.get("shows", []))
        if facts.get("page break"):
            shows.append("an item running over a page break")
        if facts.get("column break"):
            shows.append("an item running over a column break")
        if facts.get("hyphenated"):
            shows.append(f"{facts['hyphenated']} hyphenated line ends")
        if exp["pages"] > 1:
            shows.append("running header + page-numbered footer on every page")
        date = issue.get("date_text") or "*(no date)*"
        out.append(
            f"| `{issue['slug']}.pdf` | {series['name']} / {issue['label']} | {date} | {exp['pages']} "
            f"| {series['style']} | {'; '.join(shows)} |"
        )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    args = ap.parse_args(argv)
    content = load_content()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for seed, issue in enumerate(content.ISSUES):
        series = content.SERIES[issue["series"]]
        pdf, exp, facts = build(issue, series, seed)
        (args.out / f"{issue['slug']}.pdf").write_bytes(pdf)
        (args.out / f"{issue['slug']}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        rows.append((issue, series, exp, facts))
        print(f"{issue['slug']}: {exp['pages']} page(s), {len(exp['items'])} items")
    (args.out / "README.md").write_text(readme(content.README_INTRO, rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
