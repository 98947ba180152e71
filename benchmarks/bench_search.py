"""Search benchmark on 10,000 issues / 100,000 items: query latency, facet and sidebar counts,
related items, and the import-time cost of entity extraction + indexing; each beside a plain
``LIKE`` scan. Prints figures and writes benchmarks/out/bench_search.json.

    python benchmarks/bench_search.py            # builds the library once (a few minutes)

Targets (issue 6): search p50 < 10 ms and p95 < 50 ms over a realistic mix; facet counts
< 100 ms; related items < 50 ms; extraction + indexing < 20% of import time.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_big_library import OUT, build, vocabulary  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "sample_issues"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def query_mix(rng: random.Random) -> list[tuple[str, str, str]]:
    """(category, query, words for the LIKE baseline) — weighted like what people type."""
    words = vocabulary()
    rare = words[3000:]
    medium = words[100:3000]
    common = ["semiconductor", "grid", "tariff", "hydrogen", "shipping", "forecast"]
    names = ["Kenji Morita", "Lena Brandt", "Marta Nowak", "Chen Wei"]
    mix: list[tuple[str, str, str]] = []
    for _ in range(70):
        w = rng.choice(rare)
        mix.append(("rare word", w, w))
    for _ in range(40):
        a, b = rng.choice(rare), rng.choice(medium)
        mix.append(("two words", f"{a} {b}", a))
    for _ in range(20):
        w = rng.choice(medium)
        mix.append(("medium word", w, w))
    for _ in range(10):
        w = rng.choice(common)
        mix.append(("very common word", w, w))
    for _ in range(10):
        w = rng.choice(medium + rare)
        mix.append(("prefix", w[:5] + "*", w[:5]))
    for _ in range(10):
        n = rng.choice(names)
        mix.append(("phrase", f'"{n}"', n))
    for q in ["京都", "佐藤", "田中", "京", "佐藤 OR 田中"]:
        mix.append(("CJK", q, q.split()[0]))
    for _ in range(5):
        mix.append(("CJK", rng.choice(["京都", "佐藤", "田中"]), "京都"))
    ops = [
        "tag:energy {r}",
        'series:"Osaka" {m}',
        "is:unread {m}",
        "after:2020-01-01 {m}",
        "tag:region/* {m}",
        'entity:"Kenji Morita"',
        "is:starred",
        "has:highlights color:green",
        "{m} sort:date",
        "-tag:chips {r}",
        "{c} tag:chips",
        "tag:energy,watch",
        "{r} OR {r2}",
        "is:unread has:highlights",
        'person:"Lena Brandt" {m}',
    ]
    for k in range(30):
        template = ops[k % len(ops)]
        r, r2, m, c = rng.choice(rare), rng.choice(rare), rng.choice(medium), rng.choice(common)
        q = template.format(r=r, r2=r2, m=m, c=c)
        mix.append(("operators", q, m))
    return mix


def bench_queries(lib, mix) -> dict:
    from reader.core.search import count, search

    db = lib._db
    times: list[float] = []
    by_cat: dict[str, list[float]] = {}
    counts: list[float] = []
    like_first: list[float] = []
    like_all: list[float] = []
    for cat, query, word in mix:
        search(lib, query, limit=20)  # warm the page cache like a second keystroke would
        t = time.perf_counter()
        search(lib, query, limit=20)
        dt = time.perf_counter() - t
        times.append(dt)
        by_cat.setdefault(cat, []).append(dt)
        t = time.perf_counter()
        count(lib, query)
        counts.append(time.perf_counter() - t)
        pattern = f"%{word}%"
        t = time.perf_counter()
        db.execute(
            "SELECT id FROM items WHERE headline LIKE ? OR body LIKE ? ORDER BY id DESC LIMIT 20",
            [pattern, pattern],
        ).fetchall()
        like_first.append(time.perf_counter() - t)
        if len(like_all) < 40:  # a full scan each: 40 are enough for its median
            t = time.perf_counter()
            db.execute(
                "SELECT count(*) FROM items WHERE headline LIKE ? OR body LIKE ?", [pattern, pattern]
            ).fetchone()
            like_all.append(time.perf_counter() - t)
    print(f"\nsearch, first page of 20 hits with snippets ({len(times)} queries)")
    print(f"  all queries        p50 {ms(pct(times, 50))}   p95 {ms(pct(times, 95))}   max {ms(max(times))}")
    for cat, values in by_cat.items():
        print(f"  {cat:<18} p50 {ms(pct(values, 50))}   p95 {ms(pct(values, 95))}   (n={len(values)})")
    print(f"  count(query)       p50 {ms(pct(counts, 50))}   p95 {ms(pct(counts, 95))}")
    print(
        f"  baseline LIKE, newest 20 matches  p50 {ms(pct(like_first, 50))}   p95 {ms(pct(like_first, 95))}"
    )
    print(f"  baseline LIKE, all matches        p50 {ms(pct(like_all, 50))}   p95 {ms(pct(like_all, 95))}")
    return {
        "search_p50_ms": pct(times, 50) * 1000,
        "search_p95_ms": pct(times, 95) * 1000,
        "by_category_p50_ms": {c: pct(v, 50) * 1000 for c, v in by_cat.items()},
        "by_category_p95_ms": {c: pct(v, 95) * 1000 for c, v in by_cat.items()},
        "count_p50_ms": pct(counts, 50) * 1000,
        "count_p95_ms": pct(counts, 95) * 1000,
        "like_first20_p50_ms": pct(like_first, 50) * 1000,
        "like_all_p50_ms": pct(like_all, 50) * 1000,
    }


def bench_facets(lib) -> dict:
    from reader.core.entities import facets
    from reader.core.search import count, counts

    out: dict[str, float] = {}
    print("\nfacets and sidebar counts")
    for kind in ("person", "org", "place", "money", "date", None):
        facets(lib, kind, limit=50)
        t = time.perf_counter()
        facets(lib, kind, limit=50)
        dt = time.perf_counter() - t
        out[f"facets_{kind or 'all'}_ms"] = dt * 1000
        print(f"  facets {kind or 'all kinds':<10} top 50   {ms(dt)}")
    for q in ("tag:energy", "is:starred", "series:Osaka", "is:unread", "kenji", "semiconductor"):
        t = time.perf_counter()
        facets(lib, "place", limit=50, query=q)
        dt = time.perf_counter() - t
        out[f"facets_place_in_{q}_ms"] = dt * 1000
        n = count(lib, q)
        print(f"  facets place within {q:<14} {ms(dt)}   ({n:,} items)")
    saved = {
        k: q
        for k, q in enumerate(
            [
                "tag:energy",
                "is:starred",
                "has:highlights",
                "tag:region/*",
                'series:"Osaka"',
                "is:unread",
                "color:green",
                "after:2020-01-01 tag:chips",
                "semiconductor tag:watch",
                'entity:"Kenji Morita"',
            ]
        )
    }
    t = time.perf_counter()
    counts(lib, saved)
    dt = time.perf_counter() - t
    out["ten_saved_search_counts_ms"] = dt * 1000
    print(f"  10 saved-search counts (sidebar)   {ms(dt)}")
    from reader.core.entities import index_items

    db = lib._db
    some = [int(r[0]) for r in db.execute("SELECT id FROM items ORDER BY id LIMIT 5000").fetchall()]
    t = time.perf_counter()
    index_items(lib, some)
    dt = time.perf_counter() - t
    out["reindex_ms_per_item"] = dt * 1000 / len(some)
    print(f"  re-extracting entities: {dt * 1000 / len(some):.2f} ms per item (5,000 items)")
    t = time.perf_counter()
    db.execute("SELECT count(*) FROM items WHERE body LIKE ?", ["%Kenji Morita%"]).fetchone()
    dt = time.perf_counter() - t
    out["like_one_entity_count_ms"] = dt * 1000
    print(f"  baseline: LIKE count of one name   {ms(dt)}")
    return out


def bench_related(lib, rng: random.Random) -> dict:
    from reader.core.search import related

    db = lib._db
    ids = [int(r[0]) for r in db.execute("SELECT id FROM items").fetchall()]
    sample = rng.sample(ids, 60)
    times: list[float] = []
    found = 0
    for item_id in sample:
        t = time.perf_counter()
        hits = related(lib, item_id, limit=10)
        times.append(time.perf_counter() - t)
        found += bool(hits)
    base: list[float] = []
    for item_id in sample[:10]:
        names = [
            r[0]
            for r in db.execute(
                """SELECT e.name FROM item_entities ie JOIN entities e ON e.id = ie.entity_id
               WHERE ie.item_id = ? LIMIT 3""",
                [item_id],
            ).fetchall()
        ]
        t = time.perf_counter()
        for name in names:
            db.execute("SELECT id FROM items WHERE body LIKE ? LIMIT 200", [f"%{name}%"]).fetchall()
        base.append(time.perf_counter() - t)
    print(f"\nrelated items (10 per item, {len(sample)} items, {found} with results)")
    print(f"  related            p50 {ms(pct(times, 50))}   p95 {ms(pct(times, 95))}")
    print(f"  baseline: LIKE per shared name (3)  p50 {ms(pct(base, 50))}")
    return {
        "related_p50_ms": pct(times, 50) * 1000,
        "related_p95_ms": pct(times, 95) * 1000,
        "like_related_p50_ms": pct(base, 50) * 1000,
    }


def bench_import_overhead(rounds: int = 3) -> dict:
    """Parse + store the sample issues; time the search hook (bigrams, entities, rules) apart."""
    from reader.core.library import Library, file_sha256
    from reader.core.parse import parse
    from reader.core.search import add_rule
    from reader.core.search.hooks import after_store

    pdfs = sorted(SAMPLES.glob("*.pdf"))
    best: tuple[float, float, float] | None = None
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib") as lib:
            add_rule(lib, 'series:"Pacific Tech" semiconductor*', "tag", "chips")
            add_rule(lib, "place:Osaka", "star")
            parse_s = store_s = hook_s = 0.0
            for pdf in pdfs:
                t = time.perf_counter()
                parsed = parse(pdf)
                parse_s += time.perf_counter() - t
                t = time.perf_counter()
                issue = lib.store_issue(parsed, pdf, file_sha256(pdf), original_name=pdf.name)
                store_s += time.perf_counter() - t
                t = time.perf_counter()
                after_store(lib, issue)
                hook_s += time.perf_counter() - t
        if best is None or hook_s / (parse_s + store_s) < best[2] / (best[0] + best[1]):
            best = (parse_s, store_s, hook_s)
    assert best is not None
    parse_s, store_s, hook_s = best
    ratio = hook_s / (parse_s + store_s)
    print(f"\nimport of the {len(pdfs)} sample issues (best of {rounds})")
    print(
        f"  parse {ms(parse_s)}   store {ms(store_s)}   search hook {ms(hook_s)}"
        f"   -> +{ratio * 100:.1f}% of parse+store"
    )
    return {
        "parse_ms": parse_s * 1000,
        "store_ms": store_s * 1000,
        "hook_ms": hook_s * 1000,
        "hook_ratio": ratio,
    }


def bench_importer_wall_clock(rounds: int = 2) -> dict:
    """End to end: ``import_paths`` (worker processes parse, this process stores and runs the
    search hook) on the sample issues, with the hook and with it replaced by a no-op."""
    import reader.core.search.hooks as hooks
    from reader.core.importer import import_paths
    from reader.core.library import Library

    pdfs = sorted(SAMPLES.glob("*.pdf"))
    real = hooks.after_store
    best: dict[str, float] = {}
    for _ in range(rounds):
        for label in ("without", "with"):
            hooks.after_store = real if label == "with" else (lambda lib, issue_id, **kw: hooks.AfterStore())
            try:
                with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib") as lib:
                    t = time.perf_counter()
                    outcomes = import_paths(lib, pdfs, jobs=2)
                    dt = time.perf_counter() - t
                    assert all(o.outcome == "imported" for o in outcomes)
            finally:
                hooks.after_store = real
            best[label] = min(best.get(label, dt), dt)
    ratio = best["with"] / best["without"] - 1
    print(
        f"  import_paths, 2 workers: without hook {ms(best['without'])}   with {ms(best['with'])}"
        f"   -> +{ratio * 100:.1f}% wall clock"
    )
    return {
        "import_wall_without_ms": best["without"] * 1000,
        "import_wall_with_ms": best["with"] * 1000,
        "import_wall_ratio": ratio,
    }


def main() -> None:
    from reader.core.library import Library

    folder = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    rng = random.Random(3)
    results: dict = {}
    with Library.open(folder) as lib:
        print(f"library: {lib.stats()['issues']:,} issues, {lib.stats()['items']:,} items ({folder})")
        results.update(bench_queries(lib, query_mix(rng)))
        results.update(bench_facets(lib))
        results.update(bench_related(lib, rng))
    results.update(bench_import_overhead())
    results.update(bench_importer_wall_clock())
    out = Path(__file__).resolve().parent / "out" / "bench_search.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"\nfigures written to {out}")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
