"""Refresh the translation catalogues from the code, then compile them.

    python packaging/update_translations.py             # lupdate every .ts, then lrelease to .qm
    python packaging/update_translations.py --add fr    # start resources/translations/digest_reader_fr.ts
    python packaging/update_translations.py --check     # exit 1 when a .ts or .qm is out of date

``pyside6-lupdate`` reads every ``.py`` under ``reader/app`` (``self.tr()``,
``QCoreApplication.translate()``, a plain ``translate(...)`` alias and ``QT_TRANSLATE_NOOP``)
and merges new strings into each ``resources/translations/digest_reader_<lang>.ts`` as
unfinished; strings gone from the code are dropped (``-no-obsolete``). Translate the
unfinished entries with Qt Linguist (``pyside6-linguist``) or a text editor, then run this
again: ``pyside6-lrelease`` writes the ``.qm`` files the app loads (they are committed, so a
plain ``pip install .`` ships them). ``digest_reader_en.ts`` holds only the English plural
forms (``-pluralonly``): "1 item" / "2 items" for a source text "%n item(s)".
tests/app/test_translations.py fails when a catalogue is stale or incomplete.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "reader" / "app"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "digest_reader"
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """Path of a PySide6 tool: next to this Python (a virtualenv's bin/), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships {name})")
    return found


def source_files() -> list[Path]:
    """Every Python file of the window, in a stable order."""
    return sorted(SOURCES.rglob("*.py"))


def catalogues(folder: Path = TRANSLATIONS) -> list[Path]:
    return sorted(folder.glob(f"{CATALOGUE}_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem[len(CATALOGUE) + 1:]


def lupdate(ts: Path, sources: list[Path] | None = None) -> None:
    """Merge the strings of ``sources`` (default: reader/app) into ``ts`` (created if missing)."""
    language = language_of(ts)
    files = [str(p) for p in (sources or source_files())]
    command = [tool("pyside6-lupdate"), *files, "-ts", str(ts), "-no-obsolete",
               "-locations", "relative", "-source-language", SOURCE_LANGUAGE,
               "-target-language", language, "-silent"]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    subprocess.run(command, check=True)


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    """Compile ``ts`` to ``qm`` (default: next to it); returns the .qm path."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def update(folder: Path = TRANSLATIONS) -> list[Path]:
    """lupdate then lrelease every catalogue in ``folder``; returns the .qm files written."""
    written = []
    for ts in catalogues(folder):
        lupdate(ts)
        written.append(lrelease(ts))
    return written


@dataclass(frozen=True)
class Message:
    """One entry of a .ts file (locations left out: line numbers move with every edit)."""

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    """The translation, or one text per plural form."""
    state: str
    """The ``type`` attribute: "" (finished), "unfinished", "obsolete" or "vanished"."""


def messages(ts: Path) -> list[Message]:
    """Every message of ``ts``, in file order."""
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
                state = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
                state = translation.get("type", "")
            found.append(Message(name, message.findtext("source") or "",
                                 message.findtext("comment") or "",
                                 message.get("numerus") == "yes", texts, state))
    return found


def refreshed(ts: Path, folder: Path) -> Path:
    """A copy of ``ts`` in ``folder`` with lupdate run over the current code."""
    copy = folder / ts.name
    shutil.copy2(ts, copy)
    lupdate(copy)
    return copy


def stale(folder: Path = TRANSLATIONS) -> list[str]:
    """Names of the .ts/.qm files a run of :func:`update` would change (not counting locations)."""
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in catalogues(folder):
            if messages(refreshed(ts, Path(tmp))) != messages(ts):
                changed.append(ts.name)
            qm = lrelease(ts, Path(tmp) / ts.with_suffix(".qm").name)
            committed = ts.with_suffix(".qm")
            if not committed.is_file() or not filecmp.cmp(committed, qm, shallow=False):
                changed.append(committed.name)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", metavar="LANG", help="start a catalogue for LANG (e.g. fr, pt_BR)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a catalogue is out of date")
    args = parser.parse_args(argv)
    if args.check:
        changed = stale()
        for name in changed:
            print(f"out of date: resources/translations/{name}")
        if changed:
            print("run: python packaging/update_translations.py")
        return 1 if changed else 0
    if args.add:
        ts = TRANSLATIONS / f"{CATALOGUE}_{args.add}.ts"
        if ts.exists():
            raise SystemExit(f"{ts.name} exists already")
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        lupdate(ts)
        print(f"created {ts.relative_to(ROOT)}: translate it, then run this script again")
    for qm in update():
        print(f"wrote {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
