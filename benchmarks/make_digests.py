"""Generate synthetic two-page digest PDFs for the import benchmark (PyMuPDF, seeded RNG).

Each file: a masthead (series, "Vol V.N", a date), six bold headline bullets, then six detail
bullets of 90-160 invented words that run onto page 2, a running footer with the page number.
Volume and number come from the file's index, so no two files are the same issue (the library
would store them as versions of one issue). Words are made from random syllables, so no text
comes from any real publication. Output is cached: ``make_digests(n, seed)`` reuses
``benchmarks/out/digests-<n>-<seed>-g<GENERATION>/`` when complete.

    python benchmarks/make_digests.py [N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SERIES = [
    "Quayside Bulletin",
    "Tessaly Weekly",
    "Northmarch Ledger",
    "Orchard Lane Notes",
    "Copperfield Digest",
]
SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "vin",
    "dra",
    "sel",
    "to",
    "ru",
    "bes",
    "an",
    "qui",
    "mo",
    "ter",
    "hal",
    "po",
    "ni",
    "gar",
    "el",
    "su",
    "ven",
    "dor",
    "li",
    "ca",
    "fen",
    "ost",
    "ra",
    "wyn",
    "bel",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
GENERATION = 2
"""Bumped whenever the output changes, so stale cached files are never reused."""
PAGE_W, PAGE_H, LEFT, RIGHT, TOP, BOTTOM = 595.0, 842.0, 56.0, 539.0, 60.0, 780.0


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random, n: int) -> str:
    words = [_word(rng) for _ in range(n)]
    for i in rng.sample(range(n), k=min(n, 3)):
        words[i] = words[i].capitalize()
    if rng.random() < 0.5:
        words.insert(rng.randrange(n), f"{rng.randint(2, 950)},{rng.randint(100, 999)} crowns")
    return " ".join(words).capitalize() + "."


_WIDTHS: dict[tuple[str, str], float] = {}


def _unit_width(word: str, font: str) -> float:
    """Width of ``word`` at size 1 (memoised: measuring through PyMuPDF is slow per call)."""
    key = (word, font)
    if key not in _WIDTHS:
        import pymupdf

        _WIDTHS[key] = pymupdf.get_text_length(word, fontname=font, fontsize=1)
    return _WIDTHS[key]


def _wrap(text: str, width: float, size: float, font: str) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    space = _unit_width(" ", font) * size
    for word in text.split():
        w = _unit_width(word, font) * size
        if line and used + space + w > width:
            lines.append(" ".join(line))
            line, used = [word], w
        else:
            used += (space if line else 0.0) + w
            line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def make_one(path: Path, rng: random.Random, index: int = 0) -> None:
    """Write one two-page digest to ``path``; ``index`` picks a volume and number of its own."""
    import pymupdf

    doc = pymupdf.open()
    series = rng.choice(SERIES)
    label = f"Vol {1 + index // 30}.{1 + index % 30}"
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2026)}"
    headlines = [_sentence(rng, rng.randint(5, 9)).rstrip(".") for _ in range(6)]
    details = [
        " ".join(_sentence(rng, rng.randint(10, 18)) for _ in range(rng.randint(7, 10))) for _ in range(6)
    ]

    pages: list = []

    def new_page() -> tuple:
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        pages.append(page)
        page.insert_text(
            (LEFT, PAGE_H - 30), f"{series} - {label}    page {len(pages)}", fontsize=8, fontname="helv"
        )
        return page, TOP

    page, y = new_page()
    page.insert_text((LEFT, y), series, fontsize=24, fontname="hebo")
    y += 24
    page.insert_text((LEFT, y), f"{label}  |  {date}", fontsize=11, fontname="helv")
    y += 28
    for headline in headlines:
        for i, line in enumerate(_wrap(headline, RIGHT - LEFT - 14, 10.5, "hebo")):
            if i == 0:
                page.insert_text((LEFT, y), "\u2022", fontsize=10.5, fontname="helv")
            page.insert_text((LEFT + 14, y), line, fontsize=10.5, fontname="hebo")
            y += 14
    y += 16
    for body in details:
        lines = _wrap(body, RIGHT - LEFT - 14, 10, "helv")
        for i, line in enumerate(lines):
            if y > BOTTOM:
                page, y = new_page()
            if i == 0:
                page.insert_text((LEFT, y), "\u2022", fontsize=10, fontname="helv")
            page.insert_text((LEFT + 14, y), line, fontsize=10, fontname="helv")
            y += 13
        y += 8
    while len(pages) < 2:
        page, y = new_page()
    while len(pages) > 2:  # keep exactly two pages
        doc.delete_page(-1)
        pages.pop()
    page = pages[-1]
    page.insert_text(
        (LEFT, BOTTOM + 14), "Compiled by volunteers. Subscribe at example.org.", fontsize=7, fontname="helv"
    )
    tmp = path.with_suffix(".tmp")
    doc.save(str(tmp), garbage=1, deflate=True)
    doc.close()
    tmp.replace(path)


def make_digests(n: int = 1000, seed: int = 20250314, out: Path | None = None) -> list[Path]:
    """Ensure ``n`` digests exist in the cache folder for ``seed``; return their paths."""
    folder = (out or OUT) / f"digests-{n}-{seed}-g{GENERATION}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"digest-{i:04d}.pdf" for i in range(n)]
    master = random.Random(seed)
    seeds = [master.randrange(1 << 30) for _ in range(n)]
    for index, (path, s) in enumerate(zip(paths, seeds, strict=True)):
        if not path.exists():
            make_one(path, random.Random(s), index)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20250314)
    args = ap.parse_args()
    paths = make_digests(args.n, args.seed)
    print(f"{len(paths)} digests in {paths[0].parent}")


if __name__ == "__main__":
    main()
