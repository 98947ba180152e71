"""Logging set-up shared by the CLI and the window (no Qt): a rotating log file, ``--verbose``.

Everything is logged under the ``reader`` logger hierarchy (modules use
``logging.getLogger(__name__)``). :func:`setup_logging` attaches

- a :class:`~logging.handlers.RotatingFileHandler` writing ``digest-reader.log`` in
  :func:`reader.core.paths.log_dir` (1 MB per file, 5 old files kept), at INFO, or DEBUG when
  verbose; a folder that cannot be written only loses the file, never the program;
- with ``verbose``, a second handler on stderr.

Secrets never reach a log: :func:`register_secret` adds a value (e.g. ``--password``) that every
handler's :class:`RedactingFilter` replaces with ``***`` in the formatted message and traceback,
and :func:`redact_argv` hides option values before a command line is logged.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.core import paths

LOG_FILE_NAME = "digest-reader.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
ROOT_LOGGER = "reader"
SECRET_OPTIONS = ("--password",)
MASK = "***"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d:%(threadName)s] %(message)s"

_secrets: set[str] = set()
_lock = threading.Lock()
_handlers: list[logging.Handler] = []


def log_file_path() -> Path:
    """The current log file (it may not exist yet)."""
    return paths.log_dir() / LOG_FILE_NAME


def register_secret(value: str | None) -> None:
    """Never write ``value`` to a log (passwords given on the command line or in a dialog)."""
    if value:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """``text`` with every registered secret replaced by ``***``."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def redact_argv(argv: Sequence[str]) -> list[str]:
    """A command line safe to log: values of ``--password`` (both spellings) become ``***``."""
    out: list[str] = []
    hide_next = False
    for arg in argv:
        if hide_next:
            out.append(MASK)
            hide_next = False
            continue
        option, eq, _value = arg.partition("=")
        if option in SECRET_OPTIONS:
            if eq:
                out.append(f"{option}={MASK}")
            else:
                out.append(arg)
                hide_next = True
            continue
        out.append(arg)
    return out


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, arguments and traceback) passes through :func:`redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(verbose: bool = False, *, stream: TextIO | None = None) -> Path | None:
    """Attach the log file (and with ``verbose`` a stderr handler) to the ``reader`` logger.

    Safe to call again (earlier handlers are replaced). Returns the log file's path, or None when
    the log folder cannot be created or written (the program carries on without a file).
    """
    logger = logging.getLogger(ROOT_LOGGER)
    with _lock:
        for handler in _handlers:
            logger.removeHandler(handler)
            handler.close()
        _handlers.clear()
    level = logging.DEBUG if verbose else logging.INFO
    logger.setLevel(level)
    formatter = RedactingFormatter(FORMAT)
    target: Path | None = log_file_path()
    try:
        assert target is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
        )
    except OSError:
        target = None
    else:
        file_handler.setFormatter(formatter)
        file_handler.setLevel(level)
        _handlers.append(file_handler)
    if verbose:
        err_handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
        err_handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        err_handler.setLevel(logging.DEBUG)
        _handlers.append(err_handler)
    for handler in _handlers:
        logger.addHandler(handler)
    return target


def shutdown_logging() -> None:
    """Detach and close the handlers :func:`setup_logging` attached (tests, end of ``main``)."""
    logger = logging.getLogger(ROOT_LOGGER)
    with _lock:
        for handler in _handlers:
            logger.removeHandler(handler)
            handler.close()
        _handlers.clear()
