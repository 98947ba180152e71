"""W3C Web Annotation (JSON-LD) export and import.

Export writes one ``AnnotationCollection`` (``@context`` ``http://www.w3.org/ns/anno.jsonld``)
whose first ``AnnotationPage`` holds one ``Annotation`` per record:

- highlights: motivation ``highlighting``; the comment as a ``TextualBody`` with purpose
  ``commenting``; the colour as the target's ``styleClass`` plus a one-rule ``CssStylesheet``;
- tags: motivation ``tagging``, a ``TextualBody`` with purpose ``tagging``;
- notes: motivation ``describing``, a Markdown ``TextualBody`` with purpose ``describing``;
- stars: motivation ``bookmarking`` (no body).

The target's ``source`` is ``urn:sha256:<hex>`` of the issue's PDF. Item annotations carry a
``TextQuoteSelector`` (exact/prefix/suffix), a ``TextPositionSelector`` and a
``FragmentSelector`` ``page=N`` (conformsTo RFC 3778, PDF fragments); quote and positions refer to
the item text (headline, newline, body), whole-item annotations select the whole item text.
Issue-level tags and notes target the PDF itself. A ``digestReader`` object on each annotation
(an extension; generic JSON-LD tools ignore it) names the issue (series, volume, number) and item
(position, headline) so another library can find them.

Import (:func:`import_annotations`) matches the issue by SHA-256, then by series + volume +
number; the item by position and headline, else by where the quote occurs (the anchoring code
of :mod:`reader.core.annotations.anchoring`, exact then fuzzy). It merges: a highlight already
at the same place is not added twice (a newer colour/comment wins), tags are set-like, a note not
already contained in the item's note is appended. Importing the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.annotations import Annotation, item_text
from reader.core.annotations.anchoring import ITEM_THRESHOLD, Quote, locate, similarity
from reader.core.errors import UserError
from reader.core.export.data import ExportIssue, ExportItem

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_OPENING = 120  # characters that identify a headline-less item
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
_NS = uuid.UUID("6f1c2a4e-5b7d-4c1e-9a3f-2d8e0b6c4a91")
_NS_BYTES = _NS.bytes
MOTIVATION = {"highlight": "highlighting", "tag": "tagging", "note": "describing", "star": "bookmarking"}
KIND_OF = {v: k for k, v in MOTIVATION.items()}
CSS = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f8bbd0",
    "purple": "#ce93d8",
}


def annotation_iri(sha256: str, ann: Annotation) -> str:
    """A stable IRI for an annotation record (same record -> same IRI on every export)."""
    # uuid.uuid5, computed directly (uuid5() costs ~16 us a call: a third of a 10,000-item export)
    name = f"{sha256}|{ann.id}|{ann.kind}|{ann.created}".encode()
    digest = bytearray(hashlib.sha1(_NS_BYTES + name).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest[:16].hex()
    return f"urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _issue_ext(issue: ExportIssue) -> dict[str, Any]:
    return {
        "id": issue.id,
        "series": str(issue.series),
        "label": str(issue.label),
        "volume": issue.volume,
        "number": issue.number,
        "date": issue.date,
        "sha256": issue.sha256,
    }


def _page_selector(page: int | None) -> list[dict[str, Any]]:
    if not page:
        return []
    return [{"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT, "value": f"page={page}"}]


def annotation_json(
    ann: Annotation, issue: ExportIssue, item: ExportItem | None, issue_ext: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One W3C Annotation object for a record (``item`` None for issue-level records)."""
    source = f"urn:sha256:{issue.sha256}"
    ext: dict[str, Any] = {
        "kind": ann.kind,
        "target": ann.target,
        "annotationId": ann.id,
        "issue": issue_ext or _issue_ext(issue),
    }
    target: dict[str, Any] = {"type": "SpecificResource", "source": source}
    body: list[dict[str, Any]] = []
    obj: dict[str, Any] = {
        "id": annotation_iri(issue.sha256, ann),
        "type": "Annotation",
        "motivation": MOTIVATION.get(ann.kind, "commenting"),
        "created": ann.created,
        "modified": ann.modified,
    }
    if item is not None:
        text = str(item.text)
        ext["item"] = {"id": item.id, "position": item.position, "headline": str(item.headline)}
        if ann.kind == "highlight":
            exact, prefix, suffix = ann.exact, ann.prefix, ann.suffix
            start, end = ann.start, ann.end
            page = ann.pages[0] if ann.pages else item.page
            ext.update(color=ann.color, whole=ann.whole)
        else:  # the whole item: selected by its opening (headline, or the first words)
            n = len(str(item.headline)) if item.headline else min(len(text), _OPENING)
            exact, prefix, suffix, start, end, page = text[:n], "", text[n : n + 32], 0, n, item.page
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
            *_page_selector(page),
        ]
    if ann.kind == "highlight":
        color = ann.color or "yellow"
        target["styleClass"] = color
        obj["stylesheet"] = {
            "type": "CssStylesheet",
            "value": f".{color} {{ background-color: {CSS.get(color, '#fff176')}; }}",
        }
        if ann.comment:
            body.append(
                {"type": "TextualBody", "purpose": "commenting", "value": ann.comment, "format": "text/plain"}
            )
    elif ann.kind == "tag":
        body.append({"type": "TextualBody", "purpose": "tagging", "value": ann.tag or ""})
    elif ann.kind == "note":
        body.append(
            {"type": "TextualBody", "purpose": "describing", "value": ann.note, "format": "text/markdown"}
        )
    if body:
        obj["body"] = body if len(body) > 1 else body[0]
    obj["target"] = target
    obj["digestReader"] = ext
    return obj


def collection_text(issues: Sequence[ExportIssue], exported_at: str) -> str:
    """:func:`collection_json` as text: one annotation per line (compact JSON per annotation,
    which also lets Python's C encoder do the work: 10,000 items in a fraction of a second)."""
    data = collection_json(issues, exported_at)
    items = data["first"].pop("items")
    head = json.dumps(data, ensure_ascii=False, indent=1)
    body = ",\n".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in items)
    page_end = head.rindex("}", 0, head.rindex("}"))  # the "first" page's closing brace
    inner = head[:page_end].rstrip()
    return f'{inner},\n  "items": [\n{body}\n]\n }}\n}}\n' if items else f'{inner},\n  "items": []\n }}\n}}\n'


def collection_json(issues: Sequence[ExportIssue], exported_at: str) -> dict[str, Any]:
    """The AnnotationCollection for every annotation of the exported issues and items."""
    items: list[dict[str, Any]] = []
    for issue in issues:
        ext = _issue_ext(issue)  # shared by the issue's annotations (serialised, never mutated)
        for ann in issue.annotations:
            items.append(annotation_json(ann, issue, None, ext))
        for item in issue.items:
            for ann in item.annotations:
                items.append(annotation_json(ann, issue, item, ext))
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Digest Reader annotations",
        "generator": {"type": "Software", "name": f"Digest Reader {__version__}"},
        "generated": exported_at,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


# ----------------------------------------------------------------------------- import
@dataclass
class ImportReport:
    """What :func:`import_annotations` did."""

    total: int = 0
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    no_issue: int = 0
    no_item: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def unmatched(self) -> int:
        return self.no_issue + self.no_item

    def message(self) -> str:
        """One line for the CLI / a dialog."""
        line = (
            f"{self.total} annotation(s) read: {self.added} added, {self.merged} merged, "
            f"{self.unchanged} already there"
        )
        if self.unmatched:
            line += (
                f"; {self.unmatched} could not be matched ({self.no_issue} whose issue is not in this "
                f"library, {self.no_item} whose item or text was not found)"
            )
        if self.skipped:
            line += f"; {self.skipped} not understood"
        return line


def read_annotations(path: str | Path) -> list[dict[str, Any]]:
    """The Annotation objects of a JSON(-LD) file: a collection, a page, a list or one object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is not a JSON file: {exc}") from None
    return annotations_in(data, str(path))


def annotations_in(data: Any, name: str = "the file") -> list[dict[str, Any]]:
    if isinstance(data, list):
        found = data
    elif isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        found = []
        page = data.get("first")
        while isinstance(page, dict):
            found += list(page.get("items") or [])
            page = page.get("next") if isinstance(page.get("next"), dict) else None
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        found = list(data.get("items") or [])
    elif isinstance(data, dict) and data.get("type") == "Annotation":
        found = [data]
    else:
        raise UserError(
            f"{name} holds no Web Annotations (expected an AnnotationCollection, "
            "an AnnotationPage or a list of Annotation objects)"
        )
    return [a for a in found if isinstance(a, dict)]


def _bodies(obj: dict[str, Any]) -> list[dict[str, Any]]:
    body = obj.get("body")
    if body is None:
        return []
    items = body if isinstance(body, list) else [body]
    out = []
    for b in items:
        if isinstance(b, str):
            out.append({"type": "TextualBody", "value": b, "purpose": "commenting"})
        elif isinstance(b, dict):
            out.append(b)
    return out


def _member(obj: dict[str, Any], key: str) -> dict[str, Any]:
    """``obj[key]`` when it is a JSON object, else an empty one."""
    value = obj.get(key)
    return value if isinstance(value, dict) else {}


def _target(obj: dict[str, Any]) -> dict[str, Any]:
    target = obj.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if isinstance(target, str):
        return {"source": target}
    return target if isinstance(target, dict) else {}


def _selectors(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    sel = target.get("selector")
    items = sel if isinstance(sel, list) else ([sel] if sel else [])
    out: dict[str, dict[str, Any]] = {}
    for s in items:
        while isinstance(s, dict):
            out.setdefault(str(s.get("type")), s)
            s = s.get("refinedBy")
    return out


class _Importer:
    def __init__(self, lib: Any) -> None:
        self.lib = lib
        self.svc = lib.annotations
        self.report = ImportReport()
        self._by_key: dict[tuple[str, int | None, int | None], list[int]] | None = None
        self._items: dict[int, list[Any]] = {}

    # -- matching
    def issue_for(self, source: str, ext: dict[str, Any]) -> int | None:
        if source.startswith("urn:sha256:"):
            found = self.lib.issue_id_for_sha256(source[len("urn:sha256:") :].lower())
            if found is not None:
                return int(found)
        info = _member(ext, "issue")
        series, volume, number = info.get("series"), info.get("volume"), info.get("number")
        if not series or (volume is None and number is None):
            return None
        if self._by_key is None:
            self._by_key = {}
            for row in self.lib.list_issues():
                self._by_key.setdefault((row.series.lower(), row.volume, row.number), []).append(row.id)
        ids = self._by_key.get((str(series).lower(), volume, number), [])
        return ids[0] if len(ids) == 1 else None

    def items(self, issue_id: int) -> list[Any]:
        if issue_id not in self._items:
            self._items[issue_id] = self.lib.items(issue_id)
        return self._items[issue_id]

    def item_for(self, issue_id: int, ext: dict[str, Any], quote: Quote | None, whole: bool) -> Any:
        items = self.items(issue_id)
        info = _member(ext, "item")
        pos, headline = info.get("position"), info.get("headline")
        for it in items:  # same position and headline: the same item
            if it.position == pos and headline is not None and it.headline == headline:
                if quote is None or whole or quote.exact in item_text(it.headline, it.body):
                    return it
        if quote is None:
            return None
        if whole:  # the quote is the item's opening (or all of it): the item starting most alike
            texts = [(item_text(it.headline, it.body), it) for it in items]
            for text, it in sorted(texts, key=lambda p: p[1].position != pos):
                if text.startswith(quote.exact):
                    return it
            n = len(quote.exact)
            scored = [(similarity(text[:n], quote.exact), it) for text, it in texts]
            best = max(scored, key=lambda p: p[0], default=(0.0, None))
            return best[1] if best[0] >= ITEM_THRESHOLD else None
        ranked = sorted(items, key=lambda it: (it.headline != headline, it.position != pos))
        for fuzzy in (False, True):
            for it in ranked:
                place = locate(item_text(it.headline, it.body), quote, use_hint=False)
                if place is not None and (fuzzy or not place.fuzzy):
                    return it
        return None

    # -- applying
    def apply(self, obj: dict[str, Any]) -> None:
        self.report.total += 1
        ext = _member(obj, "digestReader")
        target = _target(obj)
        bodies = _bodies(obj)
        kind = ext.get("kind") or KIND_OF.get(str(obj.get("motivation") or ""), None)
        if kind is None:
            kind = "tag" if any(b.get("purpose") == "tagging" for b in bodies) else "highlight"
        if kind not in MOTIVATION:
            self.report.skipped += 1
            return
        issue_id = self.issue_for(str(target.get("source") or ""), ext)
        if issue_id is None:
            self.report.no_issue += 1
            return
        sels = _selectors(target)
        tq, tp = sels.get("TextQuoteSelector"), sels.get("TextPositionSelector")
        on_issue = ext.get("target") == "issue" or (not tq and not tp and not ext.get("item"))
        if on_issue:
            self._issue_level(kind, issue_id, bodies)
            return
        quote = None
        if tq and isinstance(tq.get("exact"), str) and tq.get("exact"):
            start = tp.get("start") if tp else None
            end = tp.get("end") if tp else None
            quote = Quote(
                tq["exact"],
                str(tq.get("prefix") or ""),
                str(tq.get("suffix") or ""),
                int(start) if isinstance(start, int) else 0,
                int(end) if isinstance(end, int) else 0,
            )
        whole = kind != "highlight" or bool(ext.get("whole"))
        item = self.item_for(issue_id, ext, quote, whole)
        if item is None:
            self.report.no_item += 1
            return
        if kind == "highlight":
            self._highlight(item, obj, ext, target, bodies, quote, whole)
        elif kind == "tag":
            names = [str(b.get("value")) for b in bodies if b.get("purpose") == "tagging" and b.get("value")]
            self._count(bool(names) and bool(self.svc.tag_items([item.id], names).after))
        elif kind == "note":
            text = "\n\n".join(str(b.get("value")) for b in bodies if b.get("value"))
            self._note(self.svc.note(item.id), text, lambda t: self.svc.set_note(item.id, t))
        elif kind == "star":
            self._count(not item.starred and bool(self.svc.star([item.id]).after))

    def _count(self, added: bool) -> None:
        if added:
            self.report.added += 1
        else:
            self.report.unchanged += 1

    def _note(self, existing: str, text: str, write: Any) -> None:
        if not text.strip() or text.strip() in existing:
            self.report.unchanged += 1
        elif not existing.strip():
            write(text)
            self.report.added += 1
        else:
            write(existing.rstrip() + "\n\n" + text)
            self.report.merged += 1

    def _issue_level(self, kind: str, issue_id: int, bodies: list[dict[str, Any]]) -> None:
        if kind == "tag":
            names = [str(b.get("value")) for b in bodies if b.get("purpose") == "tagging" and b.get("value")]
            self._count(bool(names) and bool(self.svc.tag_issues([issue_id], names).after))
        elif kind == "note":
            text = "\n\n".join(str(b.get("value")) for b in bodies if b.get("value"))
            self._note(self.svc.issue_note(issue_id), text, lambda t: self.svc.set_issue_note(issue_id, t))
        else:
            self.report.skipped += 1

    def _highlight(
        self,
        item: Any,
        obj: dict[str, Any],
        ext: dict[str, Any],
        target: dict[str, Any],
        bodies: list[dict[str, Any]],
        quote: Quote | None,
        whole: bool,
    ) -> None:
        text = item_text(item.headline, item.body)
        if whole or quote is None:
            start, end = 0, len(text)
        else:
            place = locate(text, quote)
            if place is None:
                self.report.no_item += 1
                return
            start, end = place.start, place.end
        color = str(ext.get("color") or target.get("styleClass") or "yellow").lower()
        comment = "\n\n".join(
            str(b.get("value"))
            for b in bodies
            if b.get("purpose", "commenting") == "commenting" and b.get("value")
        )
        for old in self.svc.highlights(item.id):
            if old.start == start and old.end == end:
                newer = str(obj.get("modified") or "") > (old.modified or "")
                if newer and (old.color != color or old.comment != comment):
                    if old.color != color:
                        self.svc.recolor(old.id, color)
                    if old.comment != comment:
                        self.svc.set_comment(old.id, comment)
                    self.report.merged += 1
                else:
                    self.report.unchanged += 1
                return
        if whole or (start == 0 and end == len(text)):
            self.svc.add_highlight(item.id, color=color, comment=comment)
        else:
            self.svc.add_highlight(item.id, color=color, comment=comment, start=start, end=end)
        self.report.added += 1


def import_annotations(lib: Any, source: str | Path | Iterable[dict[str, Any]]) -> ImportReport:
    """Attach the Web Annotations of a file (or parsed objects) to this library; see module doc."""
    objects = read_annotations(source) if isinstance(source, (str, Path)) else list(source)
    importer = _Importer(lib)
    for obj in objects:
        try:
            importer.apply(obj)
        except UserError as exc:  # e.g. an unknown colour: count it, keep going
            importer.report.skipped += 1
            if len(importer.report.problems) < 20:
                importer.report.problems.append(" ".join(str(exc).split()))
    return importer.report
