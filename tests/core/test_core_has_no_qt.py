"""reader.core must never load Qt: import every module of it in a fresh interpreter and check."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_importing_all_of_reader_core_leaves_pyside6_out() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import reader.core
        names = []
        for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
            importlib.import_module(info.name)
            names.append(info.name)
        assert "reader.core.importer.pipeline" in names, names
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
        print(len(names), qt)
        sys.exit(1 if qt else 0)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_start_loads_neither_qt_nor_pymupdf() -> None:
    script = (
        "import sys, reader.cli; "
        "bad = [m for m in ('PySide6', 'pymupdf', 'fitz', 'sqlite_utils') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
