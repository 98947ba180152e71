"""``import_paths``: files and folders in, one ``ImportOutcome`` per PDF out.

The calling thread hashes each file (cheap, and it lets duplicates skip parsing altogether),
hands the rest to worker processes (``WorkerPool``: deadline, memory cap, recycling), and is the
only writer to the library: each parsed issue is stored in one transaction by
``Library.store_issue``, so a file that fails leaves the library exactly as it was.
Safe to call from any thread; ``cancel`` stops it promptly.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.core.errors import UserError
from reader.core.importer.discover import discover_pdfs
from reader.core.importer.hashing import sha256_file
from reader.core.importer.outcome import ImportOutcome
from reader.core.importer.payload import Packed, unpack_prepared
from reader.core.importer.workers import (
    DEFAULT_MAX_TASKS,
    DEFAULT_MEMORY_LIMIT,
    WorkerPool,
    warm_up,
)

__all__ = ["NO_TEXT_LAYER", "import_paths"]

NO_TEXT_LAYER = "no text layer"
CANCEL_POLL = 0.1

ProgressFn = Callable[[int, int, ImportOutcome], None]


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _read_error(path: Path, err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return f"file not found: {path.name}"
    if isinstance(err, IsADirectoryError):
        return f"not a file: {path.name}"
    if isinstance(err, PermissionError):
        return f"permission denied: {path.name}"
    return f"cannot read file: {_one_line(err.strerror or err)}"


def _version_warnings(library: Any, sha: str) -> tuple[str, ...]:
    """A warning when the file became the new version of an issue (annotations re-anchored)."""
    try:  # the issue is stored already: a failure here must not turn it into "failed"
        report = library.annotations.version_report(sha)
        if report is None:
            return ()
        return (report.warning(library.get_issue(report.issue_id).display_name),)
    except Exception:  # noqa: BLE001 - a warning is a nicety
        return ()


def _index_warnings(library: Any, issue_id: int) -> tuple[str, ...]:
    """Search indexing of the new issue's items: CJK bigrams, entities, rules (issue 6).

    Only that issue's items are touched, so import stays cheap; a failure is a warning, the
    issue stays imported (``digest-reader entities --reindex`` catches up later).
    """
    if not hasattr(library, "_db"):  # a stand-in library (tests): nothing to index
        return ()
    try:
        from reader.core.search.hooks import after_store

        result = after_store(library, issue_id)
    except Exception:  # noqa: BLE001 - a warning is a nicety
        return ()
    return (result.warning,) if result.warning else ()


class _Run:
    """State of one import: outcomes by index, duplicates waiting on the same bytes."""

    def __init__(self, library: Any, files: list[Path], progress: ProgressFn | None) -> None:
        self.library = library
        self.files = files
        self.progress = progress
        self.outcomes: list[ImportOutcome | None] = [None] * len(files)
        self.done = 0
        self.sha: dict[int, str] = {}
        self.in_flight_sha: dict[str, int] = {}  # sha -> index of the file being parsed
        self.followers: dict[int, list[int]] = {}  # leader index -> same-bytes indexes
        # a real Library takes the worker's per-item data (stand-ins in tests may not)
        self.prepared_ok = hasattr(library, "_insert_prepared_items")

    def finish(self, index: int, outcome: ImportOutcome) -> None:
        self.outcomes[index] = outcome
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, len(self.files), outcome)
        for follower in self.followers.pop(index, ()):
            path = str(self.files[follower])
            if outcome.outcome in ("imported", "duplicate"):
                self.finish(follower, ImportOutcome(path, "duplicate", issue_id=outcome.issue_id))
            else:
                self.finish(follower, ImportOutcome(path, outcome.outcome, reason=outcome.reason))

    def fail(self, index: int, reason: str) -> None:
        self.finish(index, ImportOutcome(str(self.files[index]), "failed", reason=reason))

    def prepare(self, index: int) -> bool:
        """Hash file ``index`` and settle it if it needs no parsing; True when it must be parsed."""
        path = self.files[index]
        try:
            mode = path.stat().st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(mode):  # a FIFO or device would never finish hashing
                self.fail(index, f"not a regular file: {path.name}")
                return False
            sha = sha256_file(path)
        except OSError as err:
            self.fail(index, _read_error(path, err))
            return False
        if sha in self.in_flight_sha:
            self.followers.setdefault(self.in_flight_sha[sha], []).append(index)
            return False
        try:
            existing = self.library.issue_id_for_sha256(sha)
        except UserError as err:
            self.fail(index, _one_line(err))
            return False
        if existing is not None:
            self.finish(index, ImportOutcome(str(path), "duplicate", issue_id=existing))
            return False
        self.sha[index] = sha
        self.in_flight_sha[sha] = index
        return True

    def store(self, index: int, packed: Packed) -> None:
        """Write a parsed issue (one transaction, in the library) and record the outcome."""
        path = self.files[index]
        sha = self.sha[index]
        self.in_flight_sha.pop(sha, None)
        try:
            parsed, prepared = unpack_prepared(packed)
            warnings = tuple(parsed.warnings)
            if not parsed.has_text_layer and not any(NO_TEXT_LAYER in w.lower() for w in warnings):
                warnings += (NO_TEXT_LAYER,)
            if prepared is not None and self.prepared_ok:
                issue_id = self.library.store_issue(
                    parsed, path, sha, original_name=path.name, prepared=prepared
                )
            else:
                issue_id = self.library.store_issue(parsed, path, sha, original_name=path.name)
            warnings += _version_warnings(self.library, sha)
            warnings += _index_warnings(self.library, int(issue_id))
        except UserError as err:
            existing = self._existing(sha)
            if existing is not None:  # DuplicateError: someone stored the same bytes meanwhile
                self.finish(index, ImportOutcome(str(path), "duplicate", issue_id=existing))
            else:
                self.fail(index, _one_line(err))
            return
        except Exception as err:  # noqa: BLE001 - one bad file must not end the whole import
            self.fail(index, f"could not save to the library: {type(err).__name__}: {_one_line(err)}")
            return
        self.finish(index, ImportOutcome(str(path), "imported", issue_id=int(issue_id), warnings=warnings))

    def parse_failed(self, index: int, reason: str) -> None:
        self.in_flight_sha.pop(self.sha.get(index, ""), None)
        self.fail(index, reason)

    def _existing(self, sha: str) -> int | None:
        try:
            found: int | None = self.library.issue_id_for_sha256(sha)
        except Exception:  # noqa: BLE001
            return None
        return found

    def cancel_rest(self) -> None:
        for index, outcome in enumerate(self.outcomes):
            if outcome is None:
                self.finish(index, ImportOutcome(str(self.files[index]), "cancelled", reason="cancelled"))


def import_paths(
    library: Any,
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int = 2,
    password: str | None = None,
    timeout: float = 60.0,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS,
    stats: dict[str, Any] | None = None,
) -> list[ImportOutcome]:
    """Import every PDF named by ``paths`` (files, or folders searched recursively) into ``library``.

    Returns one outcome per discovered file, in discovery order: "imported" (with the new issue
    id), "duplicate" (with the existing issue id), "failed" (with a one-line reason) or
    "cancelled". ``progress(done, total, outcome)`` is called after each file, from this thread.
    Each file is parsed in a worker process within ``timeout`` seconds under ``memory_limit``
    bytes of address space; only this thread writes to ``library``. When given, ``stats`` is
    filled with ``workers_started``, ``peak_worker_rss_kb`` and ``worker_cpu_seconds`` (for
    benchmarks).
    """
    files = discover_pdfs(paths)
    run = _Run(library, files, progress)
    queue: deque[int] = deque(range(len(files)))
    if not files:
        return []
    warm_up()  # the fork server preloads while the first files are hashed
    pool = WorkerPool(jobs, timeout=timeout, memory_limit=memory_limit, max_tasks=max_tasks_per_worker)
    cancelled = False

    def cancelled_now() -> bool:
        return cancel is not None and cancel.is_set()

    def feed() -> None:
        """Hand out files until every worker has its queue full (duplicates settle here)."""
        while queue and pool.has_idle() and not cancelled_now():
            index = queue.popleft()
            if run.prepare(index):
                pool.submit(index, str(files[index]), password)

    try:
        while queue or pool.busy:
            if cancelled_now():
                cancelled = True
                break
            feed()
            if not pool.busy:
                continue
            results = pool.wait(CANCEL_POLL if cancel is not None else None)
            feed()  # refill the workers before the (slower) library writes
            for result in results:
                if result.ok:
                    run.store(result.key, result.issue)  # type: ignore[arg-type]
                else:
                    run.parse_failed(result.key, result.reason or "failed")
    except BaseException:
        pool.close(kill=True)
        raise
    pool.close(kill=cancelled)
    if stats is not None:
        stats["workers_started"] = pool.workers_started
        stats["peak_worker_rss_kb"] = pool.peak_worker_rss_kb
        stats["worker_cpu_seconds"] = pool.worker_cpu_seconds
    if cancelled:
        run.cancel_rest()
    return [o for o in run.outcomes if o is not None]
