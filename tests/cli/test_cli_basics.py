"""--version, --help, usage errors, where the library lives, python -m reader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader import __version__
from tests.cli import pdf_factory as pf
from tests.cli.conftest import run_cli


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"digest-reader {__version__}"


def test_help_lists_every_command() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    for command in ("import", "list", "show", "search", "stats", "--library"):
        assert command in proc.stdout


def test_python_dash_m_reader() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in (
        ["frobnicate"],
        ["search"],
        ["search", "x", "--limit", "0"],
        ["import"],
        ["import", "x.pdf", "--jobs", "zero"],
        ["import", "x.pdf", "--timeout", "-1"],
        ["show"],
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, args
        assert "digest-reader: error:" in proc.stderr, args
        assert "Traceback" not in proc.stderr


def test_library_option_beats_environment(tmp_path: Path) -> None:
    env_lib, opt_lib = tmp_path / "from-env", tmp_path / "from-option"
    pdf = pf.digest_pdf(tmp_path / "d.pdf")
    proc = run_cli("--library", str(opt_lib), "import", str(pdf), env={"DIGEST_READER_LIBRARY": str(env_lib)})
    assert proc.returncode == 0, proc.stderr
    assert (opt_lib / "library.sqlite").exists()
    assert list((opt_lib / "files").iterdir())
    listed = run_cli("list", "--json", env={"DIGEST_READER_LIBRARY": str(env_lib)})
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"
    listed = run_cli("--library", str(opt_lib), "list", "--json")
    assert '"id"' in listed.stdout


def test_environment_names_the_library(tmp_path: Path) -> None:
    lib = tmp_path / "nested" / "new-library"
    proc = run_cli("stats", env={"DIGEST_READER_LIBRARY": str(lib)})
    assert proc.returncode == 0, proc.stderr
    assert (lib / "library.sqlite").exists()  # created when missing
    assert "issues: 0" in proc.stdout


def test_default_library_is_in_the_platform_data_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DIGEST_READER_LIBRARY"}
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    from tests.cli.conftest import entry_point

    proc = subprocess.run([entry_point(), "stats"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "xdg-data").exists()
    assert list((tmp_path / "xdg-data").rglob("library.sqlite"))


def test_unusable_library_is_a_one_line_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("hello")
    proc = run_cli("--library", str(not_a_folder), "list")
    assert proc.returncode == 1
    assert proc.stderr.startswith("digest-reader: error:")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
