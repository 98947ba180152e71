"""Build (once) the 10,000-issue / 100,000-item library the search benchmark runs on.

Starts from ``reader.core.library.synthetic`` (whose ~60-word vocabulary puts most words in
most items) and gives every body 6-14 extra words drawn from a 20,000-word made-up
vocabulary with a Zipf distribution, so queries range from rare to very common words as in
real text. Then computes CJK bigrams and entities, tags ~3% of items and highlights ~1%.
Cached under ``benchmarks/out/search-library-10000`` (delete it to rebuild).

    python benchmarks/make_big_library.py [FOLDER]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "search-library-10000"
VOCAB = 20_000
_SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def vocabulary(n: int = VOCAB, seed: int = 7) -> list[str]:
    """``n`` distinct pronounceable made-up words, most frequent first."""
    rng = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < n:
        w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def build(folder: Path = OUT, *, issues: int = 10_000) -> Path:
    from reader.core.entities import reindex
    from reader.core.library import Library
    from reader.core.library.synthetic import build_synthetic_library
    from reader.core.search import sync_cjk

    marker = folder / ".search-ready"
    if marker.exists():
        return folder
    if (folder / "library.sqlite").exists():
        raise SystemExit(f"{folder} holds a half-built library: delete it and run again")
    started = time.perf_counter()
    build_synthetic_library(folder, issues=issues)
    print(f"synthetic library: {time.perf_counter() - started:.1f} s", flush=True)
    words = vocabulary()
    weights = [1 / (k + 1) for k in range(len(words))]
    rng = random.Random(11)
    with Library.open(folder) as lib:
        db = lib._db
        t = time.perf_counter()
        ids = [int(r[0]) for r in db.execute("SELECT id FROM items ORDER BY id").fetchall()]
        with lib._lock, db.atomic():
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                extra = [
                    (" " + " ".join(rng.choices(words, weights, k=rng.randint(6, 14))) + ".", i)
                    for i in chunk
                ]
                db.conn.executemany("UPDATE items SET body = body || ? WHERE id = ?", extra)
        print(f"richer vocabulary: {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        with lib._lock:
            sync_cjk(db)
        print(f"CJK bigrams: {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        reindex(lib)
        print(f"entities: {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        tagged = rng.sample(ids, len(ids) // 33)
        for k, tag in enumerate(["energy", "region/asia", "region/europe", "chips", "watch"]):
            lib.annotations.tag_items(tagged[k::5], [tag])
        for item_id in rng.sample(ids, len(ids) // 100):
            lib.annotations.add_highlight(item_id, color=rng.choice(["yellow", "green", "blue"]))
        lib.set_read(rng.sample(ids, len(ids) // 2), True)
        lib.set_starred(rng.sample(ids, len(ids) // 50), True)
        print(f"annotations: {time.perf_counter() - t:.1f} s", flush=True)
    marker.write_text("ok\n")
    print(f"built {folder} in {time.perf_counter() - started:.1f} s")
    return folder


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
