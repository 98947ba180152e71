"""CPU cost of entity extraction at import: ``prepare_items`` (bigrams + entities, what each parse
worker runs per issue) and ``extract_counts`` alone, in CPU ms per item, on two inputs:

(a) items of generated benchmark digests (random syllables with capitalised words: few
    entities, many capitalised runs), beside the raw ``get_text("dict")`` pass over the same
    files that the import must beat;
(b) the sample issues' items (real entity-rich English and Japanese text, which also holds the
    items of tests/core/expected_entities.json).

    python benchmarks/bench_entities.py [--digests DIR] [--files 300] [--reps 7] [--oracle]

CPU time (``time.process_time``), min over ``--reps`` repetitions in one process. "cold": the
caches keyed by text or word (lru caches of the extraction modules with maxsize > 16) are
cleared before each repetition, as in a fresh worker; "warm": they are kept. ``--oracle`` also
times the frozen pre-optimisation copy (tests/core/entities_oracle.py) the same way, so
before/after figures come from one process.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Items = list[tuple[str, str]]


def digest_items(folder: Path, n: int) -> tuple[Items, list[Path]]:
    from reader.core.parse import parse

    paths = sorted(folder.glob("digest-*.pdf"))[:n]
    if len(paths) < n:
        raise SystemExit(f"only {len(paths)} digests in {folder}")
    return [(it.headline, it.body) for p in paths for it in parse(p).items], paths


def sample_items() -> Items:
    from reader.core.parse import parse

    return [
        (it.headline, it.body)
        for p in sorted((ROOT / "sample_issues").glob("*.pdf"))
        for it in parse(p).items
    ]


def raw_text_cpu(paths: Sequence[Path], reps: int) -> float:
    """CPU seconds of one plain PyMuPDF get_text("dict") pass over ``paths`` (min of reps)."""
    import pymupdf

    best = float("inf")
    for _ in range(reps):
        t = time.process_time()
        for path in paths:
            with pymupdf.open(path) as doc:
                for page in doc:
                    page.get_text("dict")
        best = min(best, time.process_time() - t)
    return best


def text_caches(modules: Sequence[ModuleType]) -> list[Any]:
    caches = []
    for module in modules:
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize or 1 << 30) > 16:
                caches.append(value)
    return caches


def cpu_per_item(
    runs: dict[str, tuple[Callable[[], object], Sequence[Any]]], n_items: int, reps: int, cold: bool
) -> dict[str, float]:
    """CPU ms per item of each ``fn()`` in ``runs`` (name -> (fn, its text caches); each call
    handles ``n_items`` items): min over ``reps``, the implementations taking turns within each
    repetition so that a noisy moment on the shared machine hits them alike."""
    best = dict.fromkeys(runs, float("inf"))
    for fn, _ in runs.values():
        fn()  # warm-up: imports, gazetteer, compiled patterns
    for _ in range(reps):
        for name, (fn, caches) in runs.items():
            if cold:
                for cache in caches:
                    cache.cache_clear()
            gc.collect()
            t = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - t)
    return {name: b * 1000 / n_items for name, b in best.items()}


def implementations(with_oracle: bool) -> dict[str, tuple[Callable[..., Any], Callable[..., Any], list[Any]]]:
    """name -> (prepare_items, extract_counts, text caches)."""
    import importlib

    from reader.core.search.hooks import prepare_items

    extract, names, cjk = (
        importlib.import_module(f"reader.core.{m}")
        for m in ("entities.extract", "entities.names", "search.cjk")
    )

    impls = {"live": (prepare_items, extract.extract_counts, text_caches([extract, names, cjk]))}
    if with_oracle:
        from tests.core import entities_oracle as oracle

        def oracle_prepare(items: Items) -> tuple[Any, ...]:  # prepare_items as it was
            out = []
            for headline, body in items:
                found = oracle.extract_counts(f"{headline}\n{body}")
                out.append(
                    (
                        oracle.grams(headline),
                        oracle.grams(f"{body}\n"),
                        tuple((e.kind, e.name, e.norm, n) for e, n in found.items()),
                    )
                )
            return tuple(out)

        impls["oracle"] = (oracle_prepare, oracle.extract_counts, text_caches([oracle]))
    return impls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--digests", type=Path, help="folder of digest-*.pdf (default: make_digests(1000))")
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--oracle", action="store_true", help="also time the pre-optimisation copy")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if args.digests is None:
        from benchmarks.make_digests import make_digests

        args.digests = make_digests(1000)[0].parent

    generated, paths = digest_items(args.digests, args.files)
    samples = sample_items()
    inputs = {"generated": generated, "samples": samples}
    print(f"(a) generated: {len(generated)} items of {len(paths)} digests in {args.digests}")
    print(f"(b) samples:   {len(samples)} items of {ROOT / 'sample_issues'}")
    raw = raw_text_cpu(paths, args.reps) * 1000 / len(generated)
    print(f'raw get_text("dict") over the same digests: {raw:.3f} ms/item\n')

    results: dict[str, Any] = {"raw_get_text_ms_per_item": raw}
    impls = implementations(args.oracle)
    print(f"{'':8} {'input':10} {'function':15} {'cold ms/item':>13} {'warm ms/item':>13} {'vs raw':>7}")
    for name, items in inputs.items():
        # (b) is small: repeat it so that one timing is long enough to measure
        loops = max(1, 2000 // len(items))
        texts = [f"{h}\n{b}" for h, b in items]
        for fname in ("prepare_items", "extract_counts"):
            runs: dict[str, tuple[Callable[[], object], Sequence[Any]]] = {}
            for impl, (prepare, extract_counts, caches) in impls.items():

                def run_prepare(prepare: Any = prepare, items: Items = items, loops: int = loops) -> None:
                    for _ in range(loops):
                        prepare(items)

                def run_extract(
                    fn: Any = extract_counts, texts: list[str] = texts, loops: int = loops
                ) -> None:
                    for _ in range(loops):
                        for text in texts:
                            fn(text)

                runs[impl] = (run_prepare if fname == "prepare_items" else run_extract, caches)
            n = len(items) * loops
            cold = cpu_per_item(runs, n, args.reps, cold=True)
            warm = cpu_per_item(runs, n, args.reps, cold=False)
            for impl in impls:
                results[f"{impl}/{name}/{fname}"] = {"cold": cold[impl], "warm": warm[impl]}
                ratio = f"{cold[impl] / raw:6.1%}" if name == "generated" else ""
                print(f"{impl:8} {name:10} {fname:15} {cold[impl]:13.4f} {warm[impl]:13.4f} {ratio:>7}")
    if args.oracle:
        print("\nspeed-up, oracle / live CPU (cold, warm):")
        for name in inputs:
            for fname in ("prepare_items", "extract_counts"):
                old, new = results[f"oracle/{name}/{fname}"], results[f"live/{name}/{fname}"]
                cold, warm = old["cold"] / new["cold"], old["warm"] / new["warm"]
                print(f"  {name:10} {fname:15} {cold:5.2f}x {warm:5.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
