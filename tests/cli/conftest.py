"""CLI tests run the installed ``digest-reader`` script in a subprocess, as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def entry_point() -> str:
    beside = Path(sys.executable).parent / "digest-reader"
    if beside.exists():
        return str(beside)
    found = shutil.which("digest-reader")
    if not found:
        pytest.skip("the digest-reader entry point is not installed (pip install -e .)")
    return found


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess:
    """Run ``digest-reader args...``; stdout/stderr as text; environment = os.environ + ``env``."""
    full_env = dict(os.environ)
    full_env.pop("DIGEST_READER_DEBUG", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [entry_point(), *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def cli():
    return run_cli
