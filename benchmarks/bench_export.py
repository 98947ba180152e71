"""Export speed: 10,000 annotated items to Markdown (one file per issue) and to JSON-LD.

Targets (issue 5): Markdown < 2 s and JSON < 2 s for 10,000 annotated items. The library (1,000
issues x 10 items from ``reader.core.library.synthetic``; every item highlighted, tagged, every
third with a note and a comment) is built once and cached under ``benchmarks/out/export-library/``.

    python benchmarks/bench_export.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
FOLDER = OUT / "export-library"
ISSUES, ITEMS_PER_ISSUE = 1_000, 10
TARGET_SECONDS = 2.0


def ensure_library() -> Path:
    from reader.core.library import Library
    from reader.core.library.synthetic import build_synthetic_library

    done = FOLDER / ".annotated"
    if done.exists():
        return FOLDER
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    started = time.perf_counter()
    build_synthetic_library(FOLDER, issues=ISSUES, items_per_issue=ITEMS_PER_ISSUE, series=20)
    with Library.open(FOLDER) as lib:
        svc = lib.annotations
        ids = lib.item_ids("all")
        svc.tag_items(ids, ["energy"])
        svc.tag_items(ids[::2], ["region/North Sea"])
        for n, item_id in enumerate(ids):
            text = svc.item_text(item_id)
            words = text.split()
            quote = " ".join(words[2:6]) if len(words) > 6 else None
            svc.add_highlight(
                item_id,
                color=("yellow", "green", "blue")[n % 3],
                quote=quote,
                comment="check *this* | later" if n % 3 == 0 else "",
            )
            if n % 3 == 1:
                svc.set_note(item_id, f"Note {n} with **markdown**")
    done.write_text("ok\n")
    print(
        f"built annotated library ({ISSUES} issues, {ISSUES * ITEMS_PER_ISSUE} items) in "
        f"{time.perf_counter() - started:.1f} s"
    )
    return FOLDER


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from reader.core.export import Scope, export, gather
    from reader.core.library import Library

    folder = ensure_library()
    work = Path(tempfile.mkdtemp(prefix="export-work-", dir=OUT))  # not /tmp: slow to create files here
    ok = True
    try:
        with Library.open(folder) as lib:
            t_gather, issues = timed(lambda: gather(lib, Scope()), args.repeat)
            items = sum(len(i.items) for i in issues)
            print(f"gather (read everything):   {t_gather:6.3f} s for {items} items")
            counter = iter(range(1000))
            t_md, result = timed(
                lambda: export(lib, Scope(), "md", work / f"md-{next(counter)}"), args.repeat
            )
            print(
                f"markdown, new folder:       {t_md:6.3f} s ({len(result.paths)} files)  "
                f"target < {TARGET_SECONDS} s  ratio {t_md / TARGET_SECONDS:.2f}"
            )
            t_md2, _ = timed(lambda: export(lib, Scope(), "md", work / "md-0"), args.repeat)
            print(f"markdown, update in place:  {t_md2:6.3f} s  ratio {t_md2 / TARGET_SECONDS:.2f}")
            t_json, _ = timed(lambda: export(lib, Scope(), "json", work / "a.jsonld"), args.repeat)
            size = (work / "a.jsonld").stat().st_size / 1e6
            print(
                f"json-ld:                    {t_json:6.3f} s ({size:.1f} MB)  target < {TARGET_SECONDS} s  "
                f"ratio {t_json / TARGET_SECONDS:.2f}"
            )
            t_csv, _ = timed(lambda: export(lib, Scope(), "csv", work / "a.csv"), args.repeat)
            print(f"csv:                        {t_csv:6.3f} s")
            ok = max(t_md, t_md2, t_json) < TARGET_SECONDS
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("PASS" if ok else "FAIL: slower than the target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
