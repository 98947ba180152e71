"""Generate (once) and cache the big library the GUI benchmark opens.

10,000 issues / 100,000 items in 20 series, written straight through the library package's
synthetic builder (``reader.core.library.synthetic``): rows in one transaction, every issue
sharing one small two-page PDF under its own fake SHA-256 name. Cached under
``benchmarks/out/library-<issues>/`` (git-ignored); delete the folder to rebuild.

    python benchmarks/make_library.py [ISSUES]
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def ensure_library(issues: int = 10_000) -> Path:
    """The cached library folder with ``issues`` issues, built now if missing or incomplete."""
    from reader.core.library import Library
    from reader.core.library.synthetic import build_synthetic_library

    folder = OUT / f"library-{issues}"
    if (folder / "library.sqlite").is_file():
        with Library.open(folder, create=False) as lib:
            if lib.count_issues() == issues:
                return folder
        shutil.rmtree(folder)
    started = time.perf_counter()
    build_synthetic_library(folder, issues=issues, items_per_issue=10, series=20)
    # Search bigrams now, as an import computes them, so the benchmarks measure a library in
    # its steady state rather than the window's one-time background catch-up.
    from reader.core.search import catch_up_cjk

    with Library.open(folder, create=False) as lib:
        while catch_up_cjk(lib, 5000):
            pass
    print(f"built {folder} ({issues} issues) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


if __name__ == "__main__":
    print(ensure_library(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
