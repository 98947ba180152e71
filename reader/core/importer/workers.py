"""A small pool of parse worker processes with a deadline per file.

Why not ``concurrent.futures.ProcessPoolExecutor``: a PDF that hangs MuPDF must be killed on its
own without taking the other workers (and their files) down, a worker that segfaults must be
replaced and its one file failed, and workers must be recycled after a number of files so leaks
cannot grow. This pool does exactly that and nothing more.

Processes come from the "forkserver" context where available (a clean, single-threaded server
that has PyMuPDF and the parser preloaded, so starting a worker costs milliseconds and never
forks a process that may run Qt threads), else "spawn". The pool is driven by one thread of the
parent: ``submit`` a task to an idle worker, then ``wait`` for results; deadlines and crashes
come back as failed results.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as mp_wait
from typing import TYPE_CHECKING, Any

from reader.core.importer import worker_main

if TYPE_CHECKING:
    from collections.abc import Set

    from reader.core.importer.payload import Packed

__all__ = ["DEFAULT_MAX_TASKS", "DEFAULT_MEMORY_LIMIT", "ParseResult", "WorkerPool", "warm_up"]

_Task = tuple[Any, str, str | None]
"""(key, path, password): one file handed to a worker."""

DEFAULT_MEMORY_LIMIT = 1536 * (1 << 20)
"""Address-space cap per worker (RLIMIT_AS): 1.5 GB."""

DEFAULT_MAX_TASKS = 200
"""Files a worker parses before it is replaced by a fresh one."""

START_GRACE = 60.0
"""Seconds a new worker may take to start (import PyMuPDF) before its deadline starts running."""

_PRELOAD = ["reader.core.importer.worker_main", "reader.core.importer.warm"]


@dataclass
class ParseResult:
    """Outcome of one task: ``issue`` (``payload.pack(ParsedIssue)``) or a one-line ``reason``."""

    key: Any
    issue: Packed | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.issue is not None


@dataclass
class _Worker:
    process: Any
    conn: Any
    ready: bool = False
    queue: deque[_Task] = field(default_factory=deque)  # sent, oldest = running
    deadline: float | None = None  # for queue[0]; None until the worker is ready
    sent_at: float = 0.0
    tasks_done: int = 0
    retiring: bool = False  # recycled: gets no new tasks, leaves when its queue is empty


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the fork server now, without waiting for it: it preloads PyMuPDF, the parser and
    the search data (~0.3 s) while the caller discovers and hashes files, instead of when the
    first worker is asked for. A no-op where there is no fork server or it already runs."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    _context()  # sets the preload list
    try:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    except Exception:  # noqa: BLE001 - the first worker start will try (and report) again
        pass


_CRASH_SIGNALS = {
    getattr(signal, name)
    for name in ("SIGSEGV", "SIGBUS", "SIGABRT", "SIGFPE", "SIGILL")
    if hasattr(signal, name)
}


def _death_reason(exitcode: int | None) -> str:
    """One line saying how a worker died while parsing a file."""
    if exitcode is not None and exitcode < 0:
        signum = -exitcode
        if signum in _CRASH_SIGNALS:
            return f"the PDF crashed the parser (signal {signum})"
        if signum == getattr(signal, "SIGKILL", 9):
            return f"the parser process was killed (signal {signum}; out of memory?)"
        return f"the parser process was stopped (signal {signum})"
    return f"the parser process exited unexpectedly (exit code {exitcode})"


def _fmt_seconds(seconds: float) -> str:
    return f"{seconds:g} s"


class WorkerPool:
    """Up to ``jobs`` worker processes, started on demand, each parsing one file at a time.

    Each worker may hold ``depth`` tasks: the one it is parsing and the next ones, already sent,
    so it never waits for the parent (busy writing to the library) between files. A queued
    file's deadline starts when the parent sees the previous file's result. When a worker is
    killed or dies, its running file fails and its queued files go to another worker.

    Not thread-safe: one thread submits and waits. ``close()`` (or the context manager) stops
    the workers; ``close(kill=True)`` kills them at once (used for cancel and errors).
    """

    def __init__(
        self,
        jobs: int = 2,
        *,
        timeout: float = 60.0,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        max_tasks: int = DEFAULT_MAX_TASKS,
        depth: int = 2,
    ) -> None:
        self.jobs = max(1, int(jobs))
        self.timeout = float(timeout)
        self.memory_limit = memory_limit
        self.max_tasks = max(1, int(max_tasks))
        self.depth = max(1, int(depth))
        self.peak_worker_rss_kb = 0
        self.worker_cpu_seconds = 0.0  # CPU time of workers, as they last reported it
        self._cpu_by_pid: dict[int, float] = {}
        self.workers_started = 0
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._retired: list[Any] = []
        self._fault_spec = os.environ.get(worker_main.FAULT_ENV, "")

    # -- state --------------------------------------------------------------------------------
    @property
    def busy(self) -> int:
        """Tasks handed out and not yet finished."""
        return sum(len(w.queue) for w in self._workers)

    def has_idle(self) -> bool:
        """True when ``submit`` can take another task now."""
        return self.busy < self.jobs * self.depth

    # -- lifecycle ----------------------------------------------------------------------------
    def _start_worker(self) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=worker_main.serve,
            args=(child_conn, self.memory_limit, self._fault_spec),
            name="digest-reader-parse",
            daemon=True,
        )
        proc.start()
        child_conn.close()
        self.workers_started += 1
        worker = _Worker(process=proc, conn=parent_conn)
        self._workers.append(worker)
        return worker

    def _discard(self, worker: _Worker, *, kill: bool) -> list[_Task]:
        """Forget ``worker`` (kill it now, or let it finish); return its unfinished tasks."""
        if worker in self._workers:
            self._workers.remove(worker)
        leftover = list(worker.queue)
        worker.queue.clear()
        if kill:
            try:
                worker.process.kill()
            except (OSError, ValueError, AttributeError):
                pass
        else:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        try:
            worker.conn.close()
        except OSError:
            pass
        if kill:
            worker.process.join(5)
            self._release(worker.process)
        else:
            self._retired.append(worker.process)
        self._reap()
        return leftover

    @staticmethod
    def _release(process: Any) -> None:
        try:
            process.close()
        except (ValueError, AttributeError):
            pass

    def _reap(self) -> None:
        still = []
        for proc in self._retired:
            if proc.is_alive():
                still.append(proc)
            else:
                proc.join(0)
                self._release(proc)
        self._retired = still

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker (politely, or at once with ``kill``) and wait for them to go."""
        for worker in list(self._workers):
            self._discard(worker, kill=kill or bool(worker.queue))
        deadline = time.monotonic() + 5
        for proc in self._retired:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join(5)
            self._release(proc)
        self._retired = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    # -- work ---------------------------------------------------------------------------------
    def submit(self, key: Any, path: str, password: str | None = None) -> None:
        """Hand ``path`` to a worker (starting one if needed). Call only when ``has_idle()``."""
        active = [w for w in self._workers if not w.retiring]
        idle = [w for w in active if not w.queue]
        if idle:
            worker = idle[0]
        elif len(active) < self.jobs:
            worker = self._start_worker()
        else:
            open_slots = [w for w in active if len(w.queue) < self.depth]
            if not open_slots:
                raise RuntimeError("no free worker: call wait() first")
            worker = min(open_slots, key=lambda w: len(w.queue))
        task = (key, path, password)
        if not worker.queue:
            worker.sent_at = time.monotonic()
            worker.deadline = worker.sent_at + self.timeout if worker.ready else None
        worker.queue.append(task)
        if worker.tasks_done + len(worker.queue) >= self.max_tasks:
            worker.retiring = True
        try:
            worker.conn.send(task)
        except (OSError, ValueError):
            pass  # the worker died; wait() notices through its sentinel

    def _resubmit(self, tasks: list[_Task]) -> None:
        for key, path, password in tasks:
            self.submit(key, path, password)

    def wait(self, timeout: float | None = None) -> list[ParseResult]:
        """Block until at least one task finishes (or ``timeout`` passes); return finished tasks.

        Deadlines are enforced here: a worker past its deadline is killed and its file failed.
        """
        results: list[ParseResult] = []
        limit = time.monotonic() + timeout if timeout is not None else None
        while self._workers:
            now = time.monotonic()
            candidates = [x for x in (limit, self._nearest_deadline()) if x is not None]
            wait_for = max(0.0, min(candidates) - now) if candidates else None
            handles: list[Any] = []
            for w in self._workers:
                handles.append(w.conn)
                handles.append(w.process.sentinel)
            ready = set(mp_wait(handles, wait_for))
            for worker in list(self._workers):
                self._collect(worker, ready, results)
            self._enforce_deadlines(results)
            self._reap()
            if results or (limit is not None and time.monotonic() >= limit):
                break
        return results

    def _nearest_deadline(self) -> float | None:
        times = []
        for w in self._workers:
            if not w.queue:
                continue
            times.append(w.deadline if w.deadline is not None else w.sent_at + START_GRACE + self.timeout)
        return min(times) if times else None

    def _collect(self, worker: _Worker, ready: Set[object], results: list[ParseResult]) -> None:
        """Read whatever ``worker`` sent; notice if it died."""
        dead = worker.process.sentinel in ready
        if worker.conn in ready or dead:
            while True:
                try:
                    if not worker.conn.poll():
                        break
                    msg = worker.conn.recv()
                except (EOFError, OSError):
                    dead = True
                    break
                self._handle(worker, msg, results)
                if worker not in self._workers:
                    return  # retired or exited after its last task
        if dead:
            worker.process.join(1)
            if worker.queue:
                key = worker.queue.popleft()[0]
                results.append(ParseResult(key, reason=_death_reason(worker.process.exitcode)))
            self._resubmit(self._discard(worker, kill=True))

    def _handle(self, worker: _Worker, msg: tuple[Any, ...], results: list[ParseResult]) -> None:
        kind = msg[0]
        now = time.monotonic()
        if kind == "ready":
            worker.ready = True
            if worker.queue and worker.deadline is None:
                worker.deadline = now + self.timeout
            return
        _, key, payload, rss = msg[:4]
        exiting = kind == "failed" and len(msg) > 4 and bool(msg[4])
        self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, int(rss or 0))
        cpu = msg[4] if kind == "done" and len(msg) > 4 else msg[5] if len(msg) > 5 else None
        if cpu is not None:
            self._note_cpu(worker, float(cpu))
        if not worker.queue or worker.queue[0][0] != key:
            return  # stale (cannot normally happen)
        worker.queue.popleft()
        if kind == "done":
            results.append(ParseResult(key, issue=payload))
        else:
            results.append(ParseResult(key, reason=str(payload)))
        worker.tasks_done += 1
        worker.sent_at = now
        worker.deadline = now + self.timeout if worker.queue else None
        if exiting:
            self._resubmit(self._discard(worker, kill=False))
        elif worker.retiring and not worker.queue:
            self._discard(worker, kill=False)

    def _note_cpu(self, worker: _Worker, seconds: float) -> None:
        pid = worker.process.pid
        self.worker_cpu_seconds += seconds - self._cpu_by_pid.get(pid, 0.0)
        self._cpu_by_pid[pid] = seconds

    def _enforce_deadlines(self, results: list[ParseResult]) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            if not worker.queue:
                continue
            if worker.deadline is not None and now >= worker.deadline:
                reason = f"timed out after {_fmt_seconds(self.timeout)} while parsing"
            elif worker.deadline is None and now >= worker.sent_at + START_GRACE + self.timeout:
                reason = "the parser process did not start in time"
            else:
                continue
            key = worker.queue.popleft()[0]
            results.append(ParseResult(key, reason=reason))
            self._resubmit(self._discard(worker, kill=True))
