"""With no command, the CLI hands the library folder to reader.app.main.run (faked here)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from reader import cli


def test_no_command_starts_the_gui_with_the_library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[Path] = []
    fake = types.ModuleType("reader.app.main")
    fake.run = lambda library_dir: calls.append(library_dir) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.app.main", fake)
    assert cli.main(["--library", str(tmp_path / "lib")]) == 0
    assert calls == [tmp_path / "lib"]


def test_gui_that_cannot_load_gives_a_clean_message(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "reader.app.main", None)  # makes the import raise ImportError
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("digest-reader: error: the reader window cannot start")
