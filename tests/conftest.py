"""Test-wide setup: offscreen Qt before any Qt import, and every data path inside tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reader.core import paths  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = PROJECT_ROOT / "sample_issues"


@pytest.fixture(autouse=True)
def isolated_data_paths(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the library, settings and logs into a fresh tmp folder for every test.

    The window's language is pinned to English (``reader.app.i18n.LANGUAGE_ENV``), so tests
    that start the app do not depend on the developer's locale; translation tests unset it.
    """
    base = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(paths.LIBRARY_ENV, str(base / "library"))
    monkeypatch.setenv(paths.CONFIG_ENV, str(base / "config"))
    monkeypatch.setenv(paths.LOG_ENV, str(base / "logs"))
    monkeypatch.setenv("DIGEST_READER_LANGUAGE", "en")
    return base


@pytest.fixture
def samples_dir() -> Path:
    """The committed sample issues."""
    return SAMPLES_DIR


@pytest.fixture
def corpus_dir() -> Path:
    """The shared real-world corpus; tests using it skip with a reason when it is absent."""
    found = paths.corpus_dir()
    if found is None:
        pytest.skip("real-world corpus not found at ../shared/corpus or $DIGEST_READER_CORPUS")
    return found
