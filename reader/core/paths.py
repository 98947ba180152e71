"""The one module that knows where Digest Reader keeps things on disk.

Everything else asks here. Defaults come from platformdirs; ``DIGEST_READER_LIBRARY`` and the
CLI's ``--library`` override the library folder; ``DIGEST_READER_CONFIG_DIR`` and
``DIGEST_READER_LOG_DIR`` override settings and logs (tests point all of them into a tmp dir).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "DigestReader"
APP_AUTHOR = "DigestReader"

LIBRARY_ENV = "DIGEST_READER_LIBRARY"
CONFIG_ENV = "DIGEST_READER_CONFIG_DIR"
LOG_ENV = "DIGEST_READER_LOG_DIR"
CORPUS_ENV = "DIGEST_READER_CORPUS"


def default_library_dir() -> Path:
    """The library folder used when neither ``--library`` nor the environment names one."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "Library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` if given (``--library``), else the environment, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    return default_library_dir()


def config_dir() -> Path:
    """Folder for settings (QSettings' ini file lives here)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """Folder for rotating log files."""
    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def _package_folder(name: str) -> Path | None:
    """The folder of data package ``name`` (reader.samples, reader.resources), if installed.

    These folders hold no ``__init__.py``, so they are namespace packages, for which
    ``importlib.resources.files`` returns a MultiplexedPath (whose ``str`` is not a path) on
    Python 3.11: the import spec's search locations are used instead.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or ()) if spec else ():
        if Path(location).is_dir():
            return Path(location)
    return None


def bundled_samples_dir() -> Path:
    """The sample issues shipped inside the package (falls back to a checkout's folder)."""
    packaged = _package_folder("reader.samples")
    if packaged is not None and any(packaged.glob("*.pdf")):
        return packaged
    return Path(__file__).resolve().parents[2] / "sample_issues"


def corpus_dir() -> Path | None:
    """The shared real-world PDF corpus used by tests, if present."""
    override = os.environ.get(CORPUS_ENV)
    candidates = [Path(override)] if override else []
    candidates.append(Path(__file__).resolve().parents[3] / "shared" / "corpus")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def resources_dir() -> Path:
    """Icons, themes and gazetteers shipped with the app (falls back to a checkout's folder)."""
    packaged = _package_folder("reader.resources")
    if packaged is not None:
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"
