"""The translation catalogues match the code (issue 8, point 6).

* Every ``.qm`` is what ``pyside6-lrelease`` makes of its committed ``.ts`` (nobody forgot to
  compile).
* Running ``pyside6-lupdate`` over ``reader/app`` adds and drops nothing: a developer who adds a
  string and forgets ``packaging/update_translations.py`` gets a failure naming the string.
* An AST scan finds every translation call with its context the way Qt looks it up at run time
  and checks it is in the catalogue, and flags calls lupdate cannot read (wrapper functions,
  ``other.tr()``), so lupdate's own blind spots cannot hide a string either.
* The German catalogue is complete; placeholders (%1, %n, {name}) survive translation.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "reader" / "app"
TRANSLATIONS = ROOT / "resources" / "translations"
GERMAN = TRANSLATIONS / "digest_reader_de.ts"
ENGLISH = TRANSLATIONS / "digest_reader_en.ts"
FIX = "run: python packaging/update_translations.py (then translate what is new)"


def _load_script():
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


ut = _load_script()


def _key(m) -> tuple[str, str, str]:
    return (m.context, m.source, m.comment)


def _show(keys) -> str:
    return "\n".join(f"  [{c}] {s!r}" + (f" ({d})" if d else "") for c, s, d in sorted(keys))


def test_catalogues_exist() -> None:
    assert GERMAN.is_file() and GERMAN.with_suffix(".qm").is_file()
    assert ENGLISH.is_file() and ENGLISH.with_suffix(".qm").is_file()


@pytest.mark.parametrize("ts", ut.catalogues(TRANSLATIONS), ids=lambda p: p.name)
def test_qm_is_compiled_from_its_ts(ts: Path, tmp_path: Path) -> None:
    built = ut.lrelease(ts, tmp_path / ts.with_suffix(".qm").name)
    committed = ts.with_suffix(".qm")
    same = committed.read_bytes() == built.read_bytes()
    assert same, f"{committed.name} is not what lrelease makes of {ts.name}; {FIX}"


@pytest.mark.parametrize("ts", ut.catalogues(TRANSLATIONS), ids=lambda p: p.name)
def test_lupdate_adds_and_drops_nothing(ts: Path, tmp_path: Path) -> None:
    before = {_key(m) for m in ut.messages(ts)}
    after = {_key(m) for m in ut.messages(ut.refreshed(ts, tmp_path))}
    new, gone = after - before, before - after
    problems = []
    if new:
        problems.append(f"strings in reader/app missing from {ts.name}:\n{_show(new)}")
    if gone:
        problems.append(f"strings in {ts.name} no longer in reader/app:\n{_show(gone)}")
    assert not problems, "\n".join(problems) + f"\n{FIX}"


def test_german_catalogue_is_complete() -> None:
    problems = []
    for m in ut.messages(GERMAN):
        if m.state:
            problems.append(f"[{m.context}] {m.source!r}: {m.state}")
        elif m.numerus and len(m.translations) != 2:
            problems.append(f"[{m.context}] {m.source!r}: German needs 2 plural forms")
        elif not all(t.strip() for t in m.translations):
            problems.append(f"[{m.context}] {m.source!r}: empty translation")
    assert not problems, "German catalogue:\n" + "\n".join(problems)


def test_english_catalogue_has_every_plural_form() -> None:
    """English is the source language; its catalogue exists for "1 item" / "2 items"."""
    plural_sources = {_key(m) for m in ut.messages(GERMAN) if m.numerus}
    english = {_key(m): m for m in ut.messages(ENGLISH)}
    assert set(english) == plural_sources
    bad = [k for k, m in english.items() if m.state or len(m.translations) != 2
           or not all(t.strip() for t in m.translations)]
    assert not bad, _show(bad)


def test_counted_texts_are_plural_messages() -> None:
    """A "%n" text must reach the catalogue as a plural message, or German gets one form only.

    lupdate marks ``QCoreApplication.translate(ctx, text, "", count)`` as plural only when the
    count is a literal, so counted texts belong in ``self.tr(text, "", count)``.
    """
    flat = [f"[{m.context}] {m.source!r}" for m in ut.messages(GERMAN)
            if "%n" in m.source and not m.numerus]
    assert not flat, "texts with %n that are not plural messages:\n" + "\n".join(flat)


# -- placeholders ------------------------------------------------------------------------------
_PLACEHOLDERS = re.compile(r"%(?:\d|n)|\{[A-Za-z_]\w*\}")


def placeholders(text: str) -> list[str]:
    """Sorted placeholders of a text: %1..%9, %n and str.format fields like {name}."""
    return sorted(_PLACEHOLDERS.findall(text.replace("{{", "").replace("}}", "")))


def test_placeholder_finder() -> None:
    assert placeholders("%1: %n item(s) in {series}, {{literal}}") == ["%1", "%n", "{series}"]
    assert placeholders("100% sure") == []


@pytest.mark.parametrize("ts", ut.catalogues(TRANSLATIONS), ids=lambda p: p.name)
def test_placeholders_survive_translation(ts: Path) -> None:
    problems = []
    for m in ut.messages(ts):
        wanted = placeholders(m.source)
        for form in m.translations:
            if placeholders(form) != wanted:
                problems.append(f"[{m.context}] {m.source!r} -> {form!r}: "
                                f"{placeholders(form)} instead of {wanted}")
    assert not problems, "\n".join(problems)


# -- the code, read the way Qt looks strings up ------------------------------------------------
def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translation_calls(path: Path) -> tuple[set[tuple[str, str, str]], list[str]]:
    """``(context, source, comment)`` of every translation call in ``path``, and the problems.

    ``self.tr`` uses the enclosing class as context (PySide6 tries the object's classes in
    MRO order, and lupdate files the string under the class it is written in). A context may be
    a module-level string constant. ``translate(ctx, variable)`` is allowed when the module
    marks texts of that context with ``QT_TRANSLATE_NOOP``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {t.id: v for node in tree.body if isinstance(node, ast.Assign)
                 for t in node.targets if isinstance(t, ast.Name)
                 if (v := _literal(node.value)) is not None}
    noop_contexts = {_literal(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call)
                     and isinstance(n.func, ast.Name) and n.func.id == "QT_TRANSLATE_NOOP" and n.args}
    found: set[tuple[str, str, str]] = set()
    problems: list[str] = []
    rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path

    def context_of(node: ast.AST) -> str | None:
        if isinstance(node, ast.Name) and node.id in constants:
            return constants[node.id]
        return _literal(node)

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)
        if not isinstance(node, ast.Call):
            return
        func, args = node.func, node.args
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        where = f"{rel}:{node.lineno}"
        comment = _literal(args[2]) if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) > 2 \
            else _literal(args[1]) if name == "tr" and len(args) > 1 else ""
        if name == "tr":
            if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id == "self" and cls):
                problems.append(f"{where}: tr() called on something other than self in a class")
            elif _literal(args[0] if args else None) is None:
                problems.append(f"{where}: self.tr() of a non-literal text")
            else:
                found.add((cls, _literal(args[0]), comment or ""))
        elif name in ("translate", "QT_TRANSLATE_NOOP"):
            if isinstance(func, ast.Attribute) and not (isinstance(func.value, ast.Name)
                                                        and func.value.id in ("QCoreApplication",
                                                                              "QApplication")):
                return  # QPainter.translate, QRect.translated ...: geometry, not text
            context = context_of(args[0]) if args else None
            source = _literal(args[1]) if len(args) > 1 else None
            if context is None:
                problems.append(f"{where}: {name}() with a context lupdate cannot read")
            elif source is not None:
                found.add((context, source, comment or ""))
            elif context not in noop_contexts:
                problems.append(f"{where}: {name}() of a variable, but no QT_TRANSLATE_NOOP "
                                f"marks texts of context {context!r} in this module")
        elif name in ("_tr", "tr_", "_"):
            problems.append(f"{where}: wrapper {name}() hides its strings from lupdate")

    visit(tree, None)
    return found, problems


def test_scanner_reads_contexts_like_qt(tmp_path: Path) -> None:
    """The scanner itself: contexts, comments, constants, and the patterns lupdate misses."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "CTX = 'Shortcuts'\n"
        "LABEL = QT_TRANSLATE_NOOP('Shortcuts', 'Quit')\n"
        "translate = QCoreApplication.translate\n"
        "class Panel(QWidget):\n"
        "    def build(self):\n"
        "        self.tr('Tags')\n"
        "        self.tr('%1: %2', 'tooltip')\n"
        "        self.window.tr('&Go')\n"
        "        painter.translate(1, 2)\n"
        "def helper(n):\n"
        "    translate('Ctx', 'plain')\n"
        "    QCoreApplication.translate(CTX, LABEL)\n"
        "    QCoreApplication.translate('Other', n)\n"
        "    _tr('hidden')\n",
        encoding="utf-8",
    )
    found, problems = translation_calls(sample)
    assert found == {("Shortcuts", "Quit", ""), ("Panel", "Tags", ""), ("Panel", "%1: %2", "tooltip"),
                     ("Ctx", "plain", "")}
    assert [p.split(":")[1] for p in problems] == ["8", "13", "14"], problems


def test_every_translation_call_is_in_the_catalogue() -> None:
    catalogue = {_key(m) for m in ut.messages(GERMAN)}
    missing, problems = set(), []
    for path in ut.source_files():
        found, trouble = translation_calls(path)
        missing |= found - catalogue
        problems += trouble
    assert not problems, "translation calls lupdate cannot read:\n" + "\n".join(problems)
    assert not missing, f"strings in reader/app missing from {GERMAN.name}:\n{_show(missing)}\n{FIX}"


def test_update_script_finds_the_qt_tools() -> None:
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        assert Path(ut.tool(name)).is_file() or shutil.which(ut.tool(name))
