"""Render PDF pages in separate worker processes, each request with a deadline.

Why a process: PyMuPDF is not thread-safe, and some PDFs make MuPDF spin for minutes or crash
(``pymupdf__test_2548.pdf`` page 1 never finishes). The GUI process never imports PyMuPDF; it
submits requests here and gets results back through a queue or a callback. A worker that
misses a request's deadline, or dies, is killed and restarted; that request yields a
"could not render" result and later requests work again.

Besides pixels the workers answer two cheap metadata questions the GUI needs: the page sizes of
a document (``page_sizes``; ``page_geometry`` adds where rotated pages put their text) and the
links of a page (``links``). PDF JavaScript never runs:
PyMuPDF only executes it when explicitly asked, and nothing here asks; links are returned as
plain data for the GUI to show and (after the user confirms) open.

Usage from a GUI thread (never blocks)::

    rp = RenderProcess(on_result=callback)        # callback runs on a dispatcher thread
                                                  # (without one, results queue up: rp.poll())
    rid = rp.submit(RenderRequest(path, page_index=0, zoom=1.5, dpr=2.0, tag=generation))
    rp.cancel_pending(lambda req: req.tag != generation)   # drop stale queued requests

and blocking, for tests, scripts and benchmarks::

    result = rp.render(path, 0, zoom=1.0)
    sizes = rp.page_sizes(path)

This module imports neither Qt nor (in the calling process) PyMuPDF.
"""

from __future__ import annotations

import heapq
import itertools
import multiprocessing
import os
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

COULD_NOT_RENDER = "could not render"
"""The error text of every failed request (deadline missed, worker died, bad file, ...)."""

DEFAULT_DEADLINE = 8.0
"""Seconds a worker may spend on one request before it is killed and restarted."""

STARTUP_TIMEOUT = 30.0
"""Seconds a freshly spawned worker may take to import PyMuPDF and say it is ready."""

TEST_HOOK_ENV = "DIGEST_READER_RENDER_TEST_HOOK"
"""Test-only: ``hang:<page_index>`` or ``crash:<page_index>`` makes workers hang (sleep
forever) or die (exit at once) when asked to render that 0-based page of any document."""

FORMAT_RGB888 = "RGB888"
"""The only pixel format produced: 3 bytes per pixel, rows ``stride`` bytes apart."""

# Kinds of request a worker understands.
RENDER = "render"
PAGE_SIZES = "page_sizes"
LINKS = "links"

Clip = tuple[float, float, float, float]

Transform = tuple[float, float, float, float, float, float]
"""An affine matrix (a, b, c, d, e, f), as PyMuPDF's ``Matrix``: x' = a·x + c·y + e, y' = b·x + d·y + f."""

PageGeometry = tuple[float, float, Transform | None]
"""(width, height, transform) of one page as displayed. ``transform`` maps text coordinates
(those of ``get_text``, item and annotation rectangles: the page before its /Rotate) to the
displayed page, or is None where the page is not rotated and the two are the same."""


def to_displayed(rect: Clip, transform: Transform | None) -> Clip:
    """``rect`` in text coordinates as it lies on the displayed (rotated) page."""
    if transform is None:
        return rect
    a, b, c, d, e, f = transform
    x0, y0, x1, y1 = rect
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass
class RenderRequest:
    """Render one page (0-based ``page_index``) at ``zoom`` * ``dpr`` device pixels per point.

    ``clip`` restricts the render to a rectangle in PDF points (top-left origin). ``tag`` is
    free for the caller (a document generation, a zoom) so stale requests can be cancelled.
    Lower ``priority`` is served first; equal priorities are served in submission order.
    """

    pdf_path: str
    page_index: int
    zoom: float = 1.0
    dpr: float = 1.0
    clip: Clip | None = None
    password: str | None = None
    tag: Hashable = None
    priority: int = 0
    kind: str = RENDER
    request_id: int = 0  # assigned by ``submit``

    def args(self) -> dict[str, Any]:
        """The picklable part sent to the worker."""
        return {
            "kind": self.kind,
            "pdf_path": str(self.pdf_path),
            "page_index": self.page_index,
            "zoom": self.zoom,
            "dpr": self.dpr,
            "clip": self.clip,
            "password": self.password,
        }


@dataclass
class RenderResult:
    """The answer to one request.

    For a render: ``width``/``height`` in device pixels, ``stride`` bytes per row, ``format``
    (always ``FORMAT_RGB888``) and ``data``; ``x``/``y`` is the image's top-left in device
    pixels of the whole page at that scale (non-zero for clipped renders). For metadata
    requests ``value`` holds the answer (list of (width, height) in points, or list of ``Link``).
    On failure ``ok`` is False and ``error`` is ``COULD_NOT_RENDER`` (``detail`` says why).
    """

    request_id: int
    request: RenderRequest
    ok: bool
    width: int = 0
    height: int = 0
    stride: int = 0
    format: str = FORMAT_RGB888
    data: bytes = b""
    value: Any = None
    x: int = 0
    y: int = 0
    error: str | None = None
    detail: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class Link:
    """A link on a page. ``kind`` is "uri", "goto" (internal, ``page`` 0-based), "launch",
    "named" or "gotor"; ``uri`` the external target (or file for launch/gotor); ``rect`` in
    PDF points, top-left origin."""

    kind: str
    rect: Clip
    uri: str | None = None
    page: int | None = None


@dataclass(order=True)
class _Queued:
    priority: int
    seq: int
    request: RenderRequest = field(compare=False)
    future: Future[RenderResult] = field(compare=False)
    deliver: bool = field(compare=False, default=True)


class RenderProcess:
    """A pool of ``workers`` long-lived PyMuPDF processes (spawn context) fed from one queue.

    Thread-safe. Results of ``submit`` go to ``on_result`` when it is set (called on a
    dispatcher thread; a Qt caller re-emits it as a queued signal), otherwise to the
    ``results`` queue (``poll``, ``get_result``), never to both; the blocking
    helpers (``render``, ``page_sizes``, ``links``, ``call``) wait on their own request only.
    Workers start lazily on first use, in the background, so constructing this is instant.
    """

    def __init__(
        self,
        *,
        deadline: float = DEFAULT_DEADLINE,
        workers: int = 1,
        on_result: Callable[[RenderResult], None] | None = None,
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        self.deadline = float(deadline)
        self.startup_timeout = float(startup_timeout)
        self.on_result = on_result
        self.results: queue.Queue[RenderResult] = queue.Queue()
        self._heap: list[_Queued] = []
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._seq = itertools.count()
        self._closed = False
        self._in_flight: dict[int, RenderRequest] = {}
        self.restarts = 0
        self._workers = [_Worker(self, n) for n in range(max(1, int(workers)))]
        self._started = False

    def start(self) -> None:
        """Spawn the workers now, in the background (returns at once), so the first request
        does not pay for process start-up and the PyMuPDF import."""
        with self._cond:
            if self._closed or self._started:
                return
            self._started = True
            for worker in self._workers:
                worker.start()

    # -- submitting ---------------------------------------------------------------------

    def submit(self, request: RenderRequest, *, _deliver: bool = True) -> int:
        """Queue ``request`` and return its id at once; the result arrives asynchronously."""
        return self._enqueue(request, _deliver)[0]

    def _enqueue(self, request: RenderRequest, deliver: bool) -> tuple[int, Future[RenderResult]]:
        future: Future[RenderResult] = Future()
        with self._cond:
            if self._closed:
                raise RuntimeError("RenderProcess is closed")
            request.request_id = next(self._ids)
            heapq.heappush(self._heap, _Queued(request.priority, next(self._seq), request, future, deliver))
            if not self._started:
                self._started = True
                for worker in self._workers:
                    worker.start()
            self._cond.notify()
        return request.request_id, future

    def cancel_pending(self, predicate: Callable[[RenderRequest], bool] | None = None) -> int:
        """Drop queued (not yet started) requests for which ``predicate`` is true (all when
        None). Their blocking waiters, if any, get a failed result. Returns how many."""
        dropped: list[_Queued] = []
        with self._cond:
            keep: list[_Queued] = []
            for q in self._heap:
                (dropped if predicate is None or predicate(q.request) else keep).append(q)
            heapq.heapify(keep)
            self._heap = keep
        for q in dropped:
            q.future.cancel()
        return len(dropped)

    def cancel(self, request_ids: Iterable[int]) -> int:
        """Drop the queued requests with these ids."""
        wanted = set(request_ids)
        return self.cancel_pending(lambda r: r.request_id in wanted)

    def pending_count(self) -> int:
        with self._cond:
            return len(self._heap)

    # -- receiving ----------------------------------------------------------------------

    def poll(self) -> list[RenderResult]:
        """All results delivered so far that nobody has taken from ``results`` yet."""
        out = []
        while True:
            try:
                out.append(self.results.get_nowait())
            except queue.Empty:
                return out

    def get_result(self, timeout: float | None = None) -> RenderResult | None:
        """The next delivered result, or None after ``timeout`` seconds."""
        try:
            return self.results.get(timeout=timeout)
        except queue.Empty:
            return None

    # -- blocking helpers ---------------------------------------------------------------

    def call(self, request: RenderRequest, timeout: float | None = None) -> RenderResult:
        """Submit ``request`` and wait for its result (not put on ``results``/``on_result``).

        ``timeout`` bounds the wait including queueing; by default it is generous enough for
        a worker start plus the deadline.
        """
        rid, future = self._enqueue(request, deliver=False)
        if timeout is None:
            timeout = self.startup_timeout + self.deadline + 5.0 * (1 + self.pending_count())
        try:
            return future.result(timeout=timeout)
        except (FutureTimeout, CancelledError):
            return _failure(request, "cancelled or timed out while queued")

    def render(
        self,
        pdf_path: str | os.PathLike[str],
        page_index: int,
        zoom: float = 1.0,
        dpr: float = 1.0,
        clip: Clip | None = None,
        *,
        password: str | None = None,
        timeout: float | None = None,
    ) -> RenderResult:
        """Render one page and wait for it."""
        req = RenderRequest(str(pdf_path), page_index, zoom, dpr, clip, password=password)
        return self.call(req, timeout)

    def page_sizes(
        self, pdf_path: str | os.PathLike[str], *, password: str | None = None, timeout: float | None = None
    ) -> list[tuple[float, float]] | None:
        """Width and height in points of every page, or None when the document can't be read."""
        geometry = self.page_geometry(pdf_path, password=password, timeout=timeout)
        return None if geometry is None else [(w, h) for w, h, _ in geometry]

    def page_geometry(
        self, pdf_path: str | os.PathLike[str], *, password: str | None = None, timeout: float | None = None
    ) -> list[PageGeometry] | None:
        """Every page's displayed size and its text-to-display transform (see
        :data:`PageGeometry`), or None when the document can't be read."""
        res = self.call(RenderRequest(str(pdf_path), 0, kind=PAGE_SIZES, password=password), timeout)
        return res.value if res.ok else None

    def links(
        self,
        pdf_path: str | os.PathLike[str],
        page_index: int,
        *,
        password: str | None = None,
        timeout: float | None = None,
    ) -> list[Link] | None:
        """The links of one page, or None when the page can't be read."""
        res = self.call(RenderRequest(str(pdf_path), page_index, kind=LINKS, password=password), timeout)
        return res.value if res.ok else None

    # -- life cycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Stop all workers (killing any busy one) and fail whatever is still queued."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        self.cancel_pending()
        for worker in self._workers:
            worker.stop()

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def worker_pids(self) -> list[int]:
        """Process ids of the running workers (for tests and diagnostics)."""
        return [w.pid for w in self._workers if w.pid is not None]

    # -- used by workers ----------------------------------------------------------------

    def _next(self) -> _Queued | None:
        with self._cond:
            while not self._heap and not self._closed:
                self._cond.wait()
            if self._closed:
                return None
            return heapq.heappop(self._heap)

    def _deliver(self, q: _Queued, result: RenderResult) -> None:
        if not q.future.set_running_or_notify_cancel():
            return
        q.future.set_result(result)
        if not q.deliver:
            return
        callback = self.on_result
        if callback is None:
            # Only a caller without a callback reads the queue: queueing every result as well
            # kept each page's pixels alive forever in a GUI that never polls (~1.2 MB a page).
            self.results.put(result)
            return
        try:
            callback(result)
        except Exception:  # noqa: BLE001 - a bad callback must not kill the dispatcher
            import logging

            logging.getLogger(__name__).exception("render result callback failed")


def _failure(request: RenderRequest, detail: str) -> RenderResult:
    return RenderResult(request.request_id, request, ok=False, error=COULD_NOT_RENDER, detail=detail)


class _Worker:
    """One dispatcher thread owning one child process; restarts the child when it must."""

    def __init__(self, owner: RenderProcess, number: int) -> None:
        self.owner = owner
        self.number = number
        self.proc: Any = None
        self.conn: Any = None
        self.pid: int | None = None
        self.thread = threading.Thread(target=self._run, name=f"render-dispatch-{number}", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Kill the child first (a busy or starting worker then sees EOF at once), then give
        the dispatcher thread a moment to notice that the pool is closed."""
        self._kill()
        if self.thread.is_alive():
            self.thread.join(timeout=0.2)
        self._kill()

    def _spawn(self) -> bool:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe(duplex=True)
        proc = ctx.Process(
            target=_child_main, args=(child,), name=f"digest-render-{self.number}", daemon=True
        )
        proc.start()
        child.close()
        self.proc, self.conn, self.pid = proc, parent, proc.pid
        try:
            if parent.poll(self.owner.startup_timeout) and parent.recv() == "ready":
                return True
        except (EOFError, OSError):
            pass
        self._kill()
        return False

    def _kill(self) -> None:
        proc, conn = self.proc, self.conn
        self.proc = self.conn = self.pid = None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=2.0)

    def _run(self) -> None:
        owner = self.owner
        try:
            self._spawn()  # eagerly, so the first request finds a warm worker
        except Exception:  # noqa: BLE001 - retried (and reported) on the first request
            self._kill()
        while True:
            q = owner._next()
            if q is None:
                break
            if q.future.cancelled():
                continue
            try:
                result = self._handle(q.request)
            except Exception as err:  # noqa: BLE001 - never lose a request, never lose the thread
                self._kill()
                result = _failure(q.request, f"render dispatcher error: {type(err).__name__}: {err}")
            owner._deliver(q, result)
        self._kill()

    def _handle(self, request: RenderRequest) -> RenderResult:
        owner = self.owner
        if self.proc is None or not self.proc.is_alive():
            if self.proc is not None:
                self._kill()
                owner.restarts += 1
            if not self._spawn():
                return _failure(request, "render worker did not start")
        start = time.monotonic()
        try:
            self.conn.send((request.request_id, request.args()))
            end = start + owner.deadline
            while True:
                if not self.conn.poll(max(0.0, end - time.monotonic())):
                    self._kill()
                    owner.restarts += 1
                    return _failure(request, f"deadline of {owner.deadline:g} s missed")
                rid, ok, payload = self.conn.recv()
                if rid == request.request_id:
                    break  # anything else is a leftover answer to an earlier request
        except (EOFError, OSError, BrokenPipeError) as err:
            self._kill()
            owner.restarts += 1
            return _failure(request, f"render worker died ({type(err).__name__})")
        elapsed = time.monotonic() - start
        if not ok:
            return RenderResult(
                request.request_id,
                request,
                ok=False,
                error=COULD_NOT_RENDER,
                detail=str(payload),
                seconds=elapsed,
            )
        if request.kind == RENDER:
            width, height, stride, data, x, y = payload
            return RenderResult(
                request.request_id,
                request,
                ok=True,
                width=width,
                height=height,
                stride=stride,
                data=data,
                x=x,
                y=y,
                seconds=elapsed,
            )
        return RenderResult(request.request_id, request, ok=True, value=payload, seconds=elapsed)


# ---------------------------------------------------------------------------------------
# The child side: everything below runs in the worker process only.


_LINK_KINDS = {1: "goto", 2: "uri", 3: "launch", 4: "named", 5: "gotor"}


def _child_main(conn: Any) -> None:
    """Worker process entry point: import PyMuPDF, then answer requests until told to stop."""
    try:
        import pymupdf

        _open: Callable[[str, str | None], pymupdf.Document] | None
        try:
            from reader.core.pdf import open_document as _open
        except ImportError:  # parser's module not there yet: plain PyMuPDF
            _open = None
        pymupdf.TOOLS.mupdf_display_errors(False)
        pymupdf.TOOLS.mupdf_display_warnings(False)
    except BaseException as err:  # noqa: BLE001
        conn.send(f"failed: {err}")
        return
    hook = os.environ.get(TEST_HOOK_ENV, "")
    docs: OrderedDict[tuple[str, str | None], Any] = OrderedDict()
    displaylists: OrderedDict[tuple[str, str | None, int], Any] = OrderedDict()

    def open_doc(path: str, password: str | None) -> Any:
        key = (path, password)
        if key in docs:
            docs.move_to_end(key)
            return docs[key]
        if _open is not None:
            doc = _open(path, password)
        else:
            doc = pymupdf.open(path, filetype="pdf")
            if doc.needs_pass and not doc.authenticate(password or ""):
                raise ValueError("encrypted PDF: password needed")
        docs[key] = doc
        while len(docs) > 4:
            old_key, old = docs.popitem(last=False)
            for dl_key in [k for k in displaylists if k[:2] == old_key]:
                del displaylists[dl_key]
            old.close()
            pymupdf.TOOLS.store_shrink(50)  # MuPDF's resource cache may otherwise grow to 256 MB
        return doc

    conn.send("ready")
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if msg is None:
            return
        rid, args = msg
        try:
            payload = _answer(pymupdf, open_doc, args, hook, displaylists)
            conn.send((rid, True, payload))
        except Exception as err:  # noqa: BLE001 - every failure becomes "could not render"
            conn.send((rid, False, " ".join(f"{type(err).__name__}: {err}".split())[:300]))


def _answer(
    pymupdf: Any,
    open_doc: Callable[[str, str | None], Any],
    args: dict[str, Any],
    hook: str,
    displaylists: OrderedDict[tuple[str, str | None, int], Any],
) -> Any:
    doc = open_doc(args["pdf_path"], args.get("password"))
    kind = args["kind"]
    if kind == PAGE_SIZES:
        geometry = []
        for i in range(doc.page_count):
            page = doc.load_page(i)
            r, m = page.rect, page.rotation_matrix if page.rotation else None
            transform = None if m is None else (m.a, m.b, m.c, m.d, m.e, m.f)
            geometry.append((float(r.width), float(r.height), transform))
        return geometry
    index = int(args["page_index"])
    if not 0 <= index < doc.page_count:
        raise IndexError(f"page {index + 1} out of range (1-{doc.page_count})")
    page = doc.load_page(index)
    if kind == LINKS:
        out = []
        for link in page.get_links():
            r = link.get("from")
            rect = (float(r.x0), float(r.y0), float(r.x1), float(r.y1)) if r is not None else (0, 0, 0, 0)
            kind_name = _LINK_KINDS.get(link.get("kind"), "other")
            target = link.get("uri") or link.get("file") or None
            dest = link.get("page")
            out.append(
                Link(kind_name, rect, target, int(dest) if isinstance(dest, int) and dest >= 0 else None)
            )
        return out
    if kind != RENDER:
        raise ValueError(f"unknown request kind {kind!r}")
    if hook:
        action, _, n = hook.partition(":")
        if n.strip().isdigit() and int(n) == index:
            if action == "hang":
                while True:
                    time.sleep(3600)
            if action == "crash":
                os._exit(3)
    scale = float(args["zoom"]) * float(args["dpr"])
    if not 0 < scale <= 64:
        raise ValueError(f"zoom out of range: {scale}")
    clip = args.get("clip")
    matrix = pymupdf.Matrix(scale, scale)
    if clip:
        # Clipped renders come in series (tiles of one zoomed page): interpret the page once.
        dl_key = (args["pdf_path"], args.get("password"), index)
        dl = displaylists.get(dl_key)
        if dl is None:
            dl = page.get_displaylist(annots=True)
            displaylists[dl_key] = dl
            while len(displaylists) > 6:
                displaylists.popitem(last=False)
        else:
            displaylists.move_to_end(dl_key)
        pix = dl.get_pixmap(matrix=matrix, clip=pymupdf.Rect(clip), alpha=False)
    else:
        # annots=True: appearance streams only; no widget actions, no JavaScript.
        pix = page.get_pixmap(matrix=matrix, alpha=False, annots=True)
    return (pix.width, pix.height, pix.stride, bytes(pix.samples), pix.x, pix.y)
