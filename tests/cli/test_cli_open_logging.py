"""Every CLI run is logged to the rotating log file; --verbose adds stderr; passwords never appear."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from reader import cli
from reader.core import logs, paths

SECRET = "Pw-0f-The-Day-7731"


def _encrypted_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Secret Weekly  Issue 3", fontsize=20)
    page.insert_text((72, 120), "\u2022 A headline about a budget", fontsize=11)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=SECRET, owner_pw=SECRET)
    doc.close()
    return path


def _log_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(paths.log_dir().glob("digest-reader.log*")))


def test_import_with_password_and_verbose_never_logs_the_password(tmp_path: Path, capsys) -> None:
    pdf = _encrypted_pdf(tmp_path / "locked.pdf")
    lib = str(tmp_path / "lib")
    code = cli.main(["--verbose", "--library", lib, "import", "--password", SECRET, str(pdf)])
    wrong = cli.main(["-v", "--library", lib, "import", f"--password={SECRET}x", str(pdf)])
    captured = capsys.readouterr()
    assert code == 0 and wrong == 0  # the second run is a duplicate (same bytes)
    text = _log_text()
    assert "--password ***" in text and "--password=***" in text
    assert SECRET not in text
    assert SECRET not in captured.err and SECRET not in captured.out
    assert "INFO reader.cli" in captured.err  # --verbose also logs to stderr


def test_quiet_run_logs_to_the_file_only(tmp_path: Path, capsys) -> None:
    assert cli.main(["--library", str(tmp_path / "lib"), "list"]) == 0
    assert "reader.cli" not in capsys.readouterr().err
    assert "digest-reader 0.1" in (paths.log_dir() / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_user_errors_are_logged_as_one_line(tmp_path: Path, capsys) -> None:
    assert cli.main(["--library", str(tmp_path / "lib"), "show", "999"]) == 1
    capsys.readouterr()
    assert "WARNING reader.cli [" in _log_text()
