"""The Qt-free logging set-up: a rotating file in the log folder, --verbose on stderr, redaction."""

from __future__ import annotations

import io
import logging
import logging.handlers
from collections.abc import Iterator

import pytest

from reader.core import logs, paths


@pytest.fixture(autouse=True)
def _detach() -> Iterator[None]:
    yield
    logs.shutdown_logging()
    with logs._lock:
        logs._secrets.clear()


def _handlers() -> list[logging.Handler]:
    return list(logging.getLogger(logs.ROOT_LOGGER).handlers)


def test_log_file_lives_in_the_log_folder_and_rotates() -> None:
    path = logs.setup_logging()
    assert path == paths.log_dir() / "digest-reader.log"
    logging.getLogger("reader.test").info("hello log")
    text = path.read_text(encoding="utf-8")
    assert "INFO reader.test" in text and "hello log" in text
    rotating = [h for h in _handlers() if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(rotating) == 1
    assert rotating[0].maxBytes == 1_000_000 and rotating[0].backupCount == 5


def test_debug_only_when_verbose_and_verbose_also_writes_stderr() -> None:
    path = logs.setup_logging()
    logging.getLogger("reader.test").debug("quiet detail")
    assert "quiet detail" not in path.read_text(encoding="utf-8")
    err = io.StringIO()
    logs.setup_logging(verbose=True, stream=err)
    logging.getLogger("reader.test").debug("loud detail")
    assert "loud detail" in path.read_text(encoding="utf-8")
    assert "DEBUG reader.test: loud detail" in err.getvalue()


def test_setting_up_twice_does_not_duplicate_lines() -> None:
    logs.setup_logging()
    path = logs.setup_logging()
    logging.getLogger("reader.test").warning("once")
    assert path.read_text(encoding="utf-8").count("once") == 1
    assert len(_handlers()) == 1


def test_unwritable_log_folder_only_loses_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(paths.LOG_ENV, str(blocker / "logs"))
    assert logs.setup_logging() is None
    logging.getLogger("reader.test").error("still fine")


def test_registered_secrets_never_reach_the_log() -> None:
    path = logs.setup_logging()
    logs.register_secret("hunter2-pw")
    log = logging.getLogger("reader.test")
    log.info("opening with %s", "hunter2-pw")
    try:
        raise ValueError("bad password hunter2-pw")
    except ValueError:
        log.exception("failed")
    text = path.read_text(encoding="utf-8")
    assert "hunter2-pw" not in text
    assert text.count(logs.MASK) >= 3


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "--password", "pw", "a.pdf"], ["import", "--password", "***", "a.pdf"]),
        (["import", "--password=pw", "a.pdf"], ["import", "--password=***", "a.pdf"]),
        (["list", "--json"], ["list", "--json"]),
    ],
)
def test_redact_argv(argv: list[str], expected: list[str]) -> None:
    assert logs.redact_argv(argv) == expected
