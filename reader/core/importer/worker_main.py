"""What runs inside a parse worker process: receive file paths, parse them, send results back.

Kept free of heavy imports at module level so the parent can name ``serve`` as a process target
without loading PyMuPDF itself; the worker imports the parser when it starts (or inherits it from
the fork server, which preloads it).

Protocol on the duplex pipe (parent -> worker): ``(key, path, password)`` per task, ``None`` to
stop. Worker -> parent: ``("ready", pid)`` once, then per task ``("done", key, packed_issue,
maxrss_kb, cpu_seconds)`` (``payload.pack``) or ``("failed", key, reason, maxrss_kb, exiting,
cpu_seconds)`` where ``exiting`` says the worker stops after this reply (its heap may be
damaged) and must not be given more work. ``cpu_seconds`` is the worker's CPU time so far.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows: no rlimits; the deadline still applies
    resource = None  # type: ignore[assignment]

FAULT_ENV = "DIGEST_READER_TEST_FAULT"
"""Test-only fault injection: ``kind=marker[;kind=marker...]`` where kind is hang, crash,
memory or exit; a task whose file name contains ``marker`` triggers the fault in the worker."""


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _maxrss_kb() -> int:
    if resource is None:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _die_with_parent() -> None:
    """Linux: ask the kernel to kill this worker if its parent goes away (no orphaned hangs)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:  # best effort only
        pass


def _limit_memory(limit_bytes: int | None) -> None:
    """Cap the worker's address space so a hostile PDF raises MemoryError instead of eating RAM."""
    if not limit_bytes or resource is None:
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY and hard < limit_bytes:
            limit_bytes = hard
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, hard))
    except (ValueError, OSError):
        pass


def _inject_test_fault(spec: str, path: str, limit_bytes: int | None) -> None:
    """Misbehave on purpose for tests (see ``FAULT_ENV``)."""
    name = Path(path).name
    for part in spec.split(";"):
        kind, _, marker = part.partition("=")
        if not marker or marker not in name:
            continue
        if kind == "hang":
            while True:
                time.sleep(3600)
        elif kind == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
            time.sleep(10)
        elif kind == "exit":
            os._exit(3)
        elif kind == "memory":
            hog = bytearray(2 * (limit_bytes or 1 << 34))
            del hog


def _memory_reason(limit_bytes: int | None) -> str:
    if limit_bytes:
        return f"ran out of memory while parsing (limit {limit_bytes // (1 << 20)} MB)"
    return "ran out of memory while parsing"


def _without_colour_management() -> None:
    """Turn MuPDF's ICC colour management off in this process: the parser reads text and
    geometry, never colours, and every document otherwise builds its colour links (about 2%
    of a text extraction's work, identical text either way). Page rendering, which shows
    colours, runs in another process and keeps it."""
    import pymupdf

    pymupdf.TOOLS.set_icc(False)


def serve(conn: Any, memory_limit: int | None, fault_spec: str = "") -> None:
    """Worker entry point: loop over tasks from ``conn`` until told to stop or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; Ctrl-C must not spew here
    _die_with_parent()
    _limit_memory(memory_limit)
    from reader.core.errors import UserError
    from reader.core.importer.payload import pack
    from reader.core.parse import parse

    _without_colour_management()

    try:
        conn.send(("ready", os.getpid()))
    except OSError:  # the parent went away (Ctrl-C) while this worker was starting
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, path, password = task
        fatal = False
        try:
            if fault_spec:
                _inject_test_fault(fault_spec, path, memory_limit)
            issue = parse(path, password=password)
            reply: tuple[object, ...] = ("done", key, pack(issue), _maxrss_kb(), _cpu_seconds())
        except MemoryError:
            reply = ("failed", key, _memory_reason(memory_limit), _maxrss_kb())
            fatal = True  # the heap may be in a sorry state: let the parent start a fresh worker
        except UserError as err:
            reply = ("failed", key, _one_line(err) or type(err).__name__, _maxrss_kb())
        except Exception as err:  # a parser bug or a MuPDF error we did not map
            text = _one_line(err)
            if "malloc" in text.lower() or "out of memory" in text.lower():
                reply = ("failed", key, _memory_reason(memory_limit), _maxrss_kb())
                fatal = True
            else:
                reply = ("failed", key, f"the parser failed: {type(err).__name__}: {text}", _maxrss_kb())
        if reply[0] == "failed":
            reply = (*reply, fatal, _cpu_seconds())
        try:
            conn.send(reply)
        except Exception:  # pipe gone, or the reply could not be pickled / allocated
            try:
                conn.send(("failed", key, "the parser's result could not be sent back", _maxrss_kb(), True))
            except Exception:
                pass
            return
        if fatal:
            return
