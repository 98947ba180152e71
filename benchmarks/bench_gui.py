"""GUI benchmark: start-up, switching issues, first page rendered, memory. Prints figures.

Uses the cached 10,000-issue library from ``make_library.py``. Targets (issue 3):
start to painted < 1.0 s, switching issues < 100 ms, first page rendered < 150 ms,
resident memory after opening 200 issues < 300 MB.

- Start-up is measured in a fresh process (``python -m reader --library ...``, the real entry
  point, from bytecode as an installed app; one untimed run writes the .pyc files first),
  from just before ``Popen`` to the timestamp the window writes after its first paint
  (``DIGEST_READER_READY_FILE``); the process then quits (``DIGEST_READER_QUIT_WHEN_READY``).
- Switching is measured in this process: select an issue in the sidebar (as the n key does),
  then process events until the reading pane has painted it. Every issue is made unread
  first, so each switch also marks items read and updates the sidebar's counts.
- First page rendered: time from selecting an issue to the page pane reporting page 1
  "ready" (``PagePane.page_state``), polled every 0.5 ms. Every synthetic issue shares one
  PDF file content but has its own file name, so the render cache does not help.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--runs 5] [--issues 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_library import ensure_library  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bench_startup(library: Path, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        ready = Path(tmp) / "ready"
        env = dict(os.environ, DIGEST_READER_READY_FILE=str(ready), DIGEST_READER_QUIT_WHEN_READY="1",
                   DIGEST_READER_CONFIG_DIR=str(Path(tmp) / "config"), QT_QPA_PLATFORM="offscreen")
        # An installed app starts from bytecode (pip compiles it at install time): allow the
        # .pyc files and write them in one untimed run first, even where the environment
        # says PYTHONDONTWRITEBYTECODE (as the development sandbox does).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for n in range(runs + 1):
            ready.unlink(missing_ok=True)
            started = time.time()
            proc = subprocess.run([sys.executable, "-m", "reader", "--library", str(library)],
                                  env=env, capture_output=True, text=True, timeout=60)
            if proc.returncode != 0 or not ready.exists():
                raise SystemExit(f"window did not start: rc={proc.returncode}\n{proc.stderr}")
            if n:
                times.append(float(ready.read_text()) - started)
    return times


def bench_python_baseline(runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_in_process(library: Path, issues: int) -> dict[str, float]:
    os.environ["DIGEST_READER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-gui-config-")
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from reader.app.main import create_application
    from reader.app.service import LibraryService
    from reader.app.settings import Settings
    from reader.app.window import MainWindow
    from reader.core.library import Library

    app = create_application()
    lib = Library.open(library, create=False)
    # Every issue unread, as after an import: opening one then marks its items read and
    # changes the counts the sidebar shows (earlier runs left the first issues read).
    read = [int(r[0]) for r in lib._db.execute("SELECT id FROM items WHERE read = 1")]  # noqa: SLF001
    lib.set_read(read, False)
    service = LibraryService(lib)
    window = MainWindow(service, Settings())
    window.show()
    for _ in range(5):
        app.processEvents()
    rss_start = rss_mb()

    switch_ms: list[float] = []
    first_page_ms: list[float] = []
    page_state = getattr(window.pages, "page_state", None)
    if page_state is not None:  # let the render workers start (the window does it after show)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline and page_state(1) != "ready":
            app.processEvents()
            time.sleep(0.001)
    for _n in range(issues):
        started = time.perf_counter()
        if not window.sidebar.select_adjacent_issue(+1):
            break
        window.reading.viewport().repaint()
        app.processEvents()
        switch_ms.append((time.perf_counter() - started) * 1000)
        if os.environ.get("BENCH_DEFERRED", "1") == "1":
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would
        if page_state is not None:
            deadline = started + 2
            while page_state(1) != "ready" and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.0005)
            if page_state(1) != "ready":
                print("page 1 not ready:", page_state(1), file=sys.stderr)
            else:
                first_page_ms.append((time.perf_counter() - started) * 1000)
    for _ in range(5):
        app.processEvents()
        # What the running event loop does between events: delete objects queued by deleteLater.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    figures = {
        "issues_opened": len(switch_ms),
        "switch_mean_ms": statistics.mean(switch_ms),
        "switch_p95_ms": p95(switch_ms),
        "switch_max_ms": max(switch_ms),
        "rss_start_mb": rss_start,
        "rss_after_mb": rss_mb(),
    }
    if first_page_ms:
        figures["first_page_mean_ms"] = statistics.mean(first_page_ms)
        figures["first_page_p95_ms"] = p95(first_page_ms)
    window.close()
    service.close()
    QApplication.processEvents()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--issues", type=int, default=200, help="issues to switch through (default 200)")
    parser.add_argument("--library-issues", type=int, default=10_000)
    args = parser.parse_args()
    library = ensure_library(args.library_issues)
    print(f"library: {library} ({args.library_issues} issues)")
    baseline = bench_python_baseline(3)
    startup = bench_startup(library, args.runs)
    print(f"python -c pass (baseline):        {baseline * 1000:7.0f} ms")
    print(f"start to window painted (median): {statistics.median(startup) * 1000:7.0f} ms   "
          f"min {min(startup) * 1000:.0f}, max {max(startup) * 1000:.0f}   target < 1000 ms   "
          f"ratio {statistics.median(startup) / 1.0:.2f}")
    figures = bench_in_process(library, args.issues)
    print(f"switching issues ({figures['issues_opened']}): mean {figures['switch_mean_ms']:.1f} ms, "
          f"p95 {figures['switch_p95_ms']:.1f} ms, max {figures['switch_max_ms']:.1f} ms   target < 100 ms   "
          f"ratio {figures['switch_p95_ms'] / 100:.2f}")
    if "first_page_mean_ms" in figures:
        print(f"first page rendered: mean {figures['first_page_mean_ms']:.1f} ms, "
              f"p95 {figures['first_page_p95_ms']:.1f} ms   target < 150 ms   "
              f"ratio {figures['first_page_p95_ms'] / 150:.2f}")
    else:
        print("first page rendered: n/a (no page pane)")
    print(f"resident memory: {figures['rss_start_mb']:.0f} MB at start, "
          f"{figures['rss_after_mb']:.0f} MB after {figures['issues_opened']} issues   target < 300 MB   "
          f"ratio {figures['rss_after_mb'] / 300:.2f}")


if __name__ == "__main__":
    main()
