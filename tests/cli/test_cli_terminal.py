"""Behaviour that depends on a terminal or on signals: progress bar, bold matches, Ctrl-C."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli import pdf_factory as pf
from tests.cli.conftest import entry_point


def run_on_tty(*args: str, timeout: float = 120) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on a pseudo-terminal; return (exit code, output)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [entry_point(), *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=dict(os.environ, COLUMNS="100"),
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    code = proc.wait(timeout=30)
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_and_bold_matches_on_a_terminal(tmp_path: Path) -> None:
    files = [str(pf.digest_pdf(tmp_path / f"t{i}.pdf", salt=f"tern{i}")) for i in range(3)]
    code, out = run_on_tty("import", *files)
    assert code == 0, out
    assert "3/3 files" in out and "\r[" in out
    assert "3 imported, 0 duplicates, 0 failed" in out
    code, out = run_on_tty("search", "ferry")
    assert code == 0, out
    assert "\x1b[1m" in out  # the match is bold
    assert "[ferry]" not in out.lower()


def test_ctrl_c_during_import_exits_130_cleanly(tmp_path: Path) -> None:
    stuck = pf.digest_pdf(tmp_path / "stuck-HANG.pdf")
    lib = tmp_path / "lib"
    proc = subprocess.Popen(
        [entry_point(), "--library", str(lib), "import", "--timeout", "600", str(stuck)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ, DIGEST_READER_TEST_FAULT="hang=HANG"),
    )
    deadline = time.monotonic() + 60
    while not (lib / "library.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # let the worker pick the file up
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("digest-reader did not stop on Ctrl-C")
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
