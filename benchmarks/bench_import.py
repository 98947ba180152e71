"""Import benchmark: 1,000 generated two-page digests into a fresh library with two workers.

Prints files per second, the ratio of import wall time to raw single-process PyMuPDF
``page.get_text("dict")`` over the same files (target <= 1.0), and peak RSS of the parent and
of the workers (target < 300 MB). Not a test: it prints figures. It also prints how much faster
the raw extraction runs split over the same number of processes at once: the speed-up this
machine really gives, which bounds the ratio any parallel import can reach on it.

Fairness: both sides read the same files from a warm page cache (the baseline runs first, in a
child process that keeps PyMuPDF out of this one); the baseline is ``pymupdf.open`` plus
``get_text("dict")`` on every page in one process; the import is ``import_paths`` end to end
into a fresh library, worker start included. Wall-clock ratios depend on what else the machine
runs (two workers need two free cores), so CPU seconds are printed too: the CPU ratio (parent +
workers over the baseline) says how much work the import does whatever the load.

    python benchmarks/bench_import.py [--n 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def raw_extraction_seconds(folder: Path, part: int = 0, parts: int = 1) -> tuple[float, float]:
    """Wall and CPU time of opening every PDF (every ``parts``-th from ``part``) and
    get_text("dict") on every page, in one process."""
    import pymupdf

    files = sorted(folder.glob("*.pdf"))[part::parts]
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text("dict")
    return time.perf_counter() - start, time.process_time() - cpu


def parallel_raw_seconds(folder: Path, jobs: int) -> float:
    """Wall time of the same raw extraction split over ``jobs`` processes running at once.

    raw / this is the speed-up the machine gives ``jobs`` CPU-bound processes: ``jobs`` on
    free cores, less when the cores are shared (hyperthreads of one core, a busy host). The
    import's best possible ratio is its CPU work over the raw extraction's, divided by it.
    """
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--baseline-only", str(folder), "--part", str(k), str(jobs)],
            stdout=subprocess.DEVNULL,
        )
        for k in range(jobs)
    ]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20250314)
    ap.add_argument("--baseline-only", metavar="FOLDER", help=argparse.SUPPRESS)
    ap.add_argument("--part", type=int, nargs=2, default=(0, 1), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.baseline_only:
        wall, cpu = raw_extraction_seconds(Path(args.baseline_only), *args.part)
        print(json.dumps({"seconds": wall, "cpu": cpu}))
        return

    from make_digests import make_digests

    t0 = time.perf_counter()
    paths = make_digests(args.n, args.seed)
    folder = paths[0].parent
    print(f"digests: {len(paths)} two-page files in {folder} (ready in {time.perf_counter() - t0:.1f} s)")

    # Baseline in a child process: warms the page cache, keeps PyMuPDF out of this process.
    proc = subprocess.run(
        [sys.executable, __file__, "--baseline-only", str(folder)], capture_output=True, text=True, check=True
    )
    baseline = json.loads(proc.stdout)
    raw, raw_cpu = baseline["seconds"], baseline["cpu"]
    baseline_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    split_wall = parallel_raw_seconds(folder, args.jobs)

    from reader.core.importer import import_paths
    from reader.core.library import Library

    work = Path(tempfile.mkdtemp(prefix="bench-lib-", dir=HERE / "out"))
    try:
        stats: dict = {}
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        with Library.open(work / "library") as lib:
            outcomes = import_paths(lib, paths, jobs=args.jobs, stats=stats)
        wall = time.perf_counter() - start
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        parent_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
        parent_kb = cpu1.ru_maxrss
        children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        counts = {
            k: sum(o.outcome == k for o in outcomes) for k in ("imported", "duplicate", "failed", "cancelled")
        }
        failures = [o for o in outcomes if o.outcome == "failed"][:3]
        worker_kb = stats.get("peak_worker_rss_kb", 0)
        print(f"outcomes: {counts}" + (f"  e.g. {failures[0].reason}" if failures else ""))
        print(
            f"import wall time: {wall:.2f} s with {args.jobs} jobs "
            f"({stats.get('workers_started')} worker processes started)"
        )
        worker_cpu = stats.get("worker_cpu_seconds", 0.0)
        print(f"CPU time: parent (hashing, library writes) {parent_cpu:.2f} s; workers {worker_cpu:.2f} s")
        print(f"files per second: {len(paths) / wall:.1f}")
        print(f"raw get_text('dict') in one process: {raw:.2f} s ({len(paths) / raw:.1f} files/s)")
        print(f"ratio import / raw extraction: {wall / raw:.2f}  (target <= 1.0)")
        speedup = raw / split_wall
        print(
            f"this machine's speed-up for {args.jobs} processes (raw extraction split {args.jobs} ways): "
            f"{speedup:.2f} ({args.jobs} on free cores); best ratio the import's CPU work allows here: "
            f"{(parent_cpu + worker_cpu) / raw_cpu / speedup:.2f}"
        )
        print(
            f"CPU: raw {raw_cpu:.2f} s; import {parent_cpu + worker_cpu:.2f} s = "
            f"{(parent_cpu + worker_cpu) / raw_cpu:.2f}x raw (parent {parent_cpu / raw_cpu:.2f}x, "
            f"workers {worker_cpu / raw_cpu:.2f}x); load average {os.getloadavg()[0]:.2f}"
        )
        print(
            f"peak RSS parent: {_mb(parent_kb)}; per worker: {_mb(worker_kb)}; "
            f"parent + {args.jobs} workers: {_mb(parent_kb + args.jobs * worker_kb)}  (target < 300 MB)"
        )
        print(
            f"peak RSS of waited-for children (RUSAGE_CHILDREN, incl. baseline process "
            f"{_mb(baseline_rss)}): {_mb(children_kb)}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
