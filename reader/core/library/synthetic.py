"""A large made-up library for benchmarks: thousands of issues written in bulk, in seconds.

The window's benchmark needs 10,000 issues and 100,000 items, and search benchmarks need
realistic-looking text; importing that many PDFs would take minutes. This writes rows directly
(one transaction) with invented text, and gives every issue the same small two-page PDF
(hard-linked, or copied where links are not possible) under its own synthetic SHA-256 name.
For benchmarks and manual testing only; those file names are not the hashes of their bytes.

    python -m reader.core.library.synthetic FOLDER [ISSUES] [--measure]

builds the library when FOLDER has none, then (with ``--measure``) prints median timings of the
reads the window relies on.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reader.core.errors import LibraryError, UserError
from reader.core.library.service import Library, _now

_WORDS = [
    "grid",
    "storage",
    "tariff",
    "port",
    "customs",
    "pipeline",
    "auction",
    "capacity",
    "turbine",
    "battery",
    "lithium",
    "semiconductor",
    "export",
    "control",
    "licence",
    "ministry",
    "regulator",
    "council",
    "budget",
    "subsidy",
    "bond",
    "harbour",
    "rail",
    "corridor",
    "freight",
    "terminal",
    "refinery",
    "solar",
    "wind",
    "hydrogen",
    "nickel",
    "copper",
    "logistics",
    "shipping",
    "insurance",
    "audit",
    "merger",
    "startup",
    "fund",
    "loan",
    "reform",
    "election",
    "treaty",
    "coalition",
    "summit",
    "delegation",
    "inquiry",
    "report",
    "forecast",
    "quarter",
    "revenue",
    "deficit",
    "surplus",
]
_NAMES = [
    "Amara Okafor",
    "Lena Brandt",
    "Kenji Morita",
    "Sofia Alves",
    "Ravi Menon",
    "Ines Duarte",
    "Tomás Ruiz",
    "Hana Kobayashi",
    "佐藤",
    "田中",
    "Chen Wei",
    "Noor Haddad",
    "Pavel Novak",
    "Zoë Laurent",
    "Marta Nowak",
]
_PLACES = [
    "Rotterdam",
    "Osaka",
    "Valparaíso",
    "Gdańsk",
    "Nairobi",
    "Busan",
    "Antwerp",
    "京都",
    "Hamburg",
    "Mombasa",
]
_ORGS = [
    "Northwind Energy",
    "Harbor Authority",
    "Kestrel Chips",
    "Blue Delta Rail",
    "Meridian Bank",
]


def _sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(6, 12))
    words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
    words.insert(rng.randrange(len(words)), "in " + rng.choice(_PLACES))
    if rng.random() < 0.4:
        words.append(f"worth {rng.randint(2, 900)} million")
    if rng.random() < 0.3:
        words.insert(0, rng.choice(_ORGS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _make_pdf(path: Path) -> None:
    import pymupdf  # only benchmarks need it here

    doc = pymupdf.open()
    for n in (1, 2):
        page = doc.new_page()
        page.insert_text((72, 72), f"Synthetic digest page {n}", fontsize=16)
        page.insert_text(
            (72, 110), "Placeholder text for benchmark libraries.", fontsize=11
        )
    doc.save(path)
    doc.close()


def build_synthetic_library(
    folder: str | os.PathLike[str],
    *,
    issues: int = 10_000,
    items_per_issue: int = 10,
    series: int = 20,
    seed: int = 1,
) -> dict[str, Any]:
    """Fill a NEW library at ``folder`` with ``issues`` issues; return figures (counts, seconds).

    Raises :class:`LibraryError` if the library already holds issues.
    """
    rng = random.Random(seed)
    started = time.perf_counter()
    with Library.open(folder) as lib:
        if lib.count_issues():
            raise LibraryError(
                f"{lib.folder} already holds issues; use an empty folder"
            )
        template = lib.files_dir / ".synthetic-template.pdf"
        _make_pdf(template)
        db = lib._db
        now = _now()
        first_day = date(2015, 1, 5)
        series_names = [
            f"{rng.choice(_PLACES)} {kind} {n + 1}"
            for n, kind in (
                (n, rng.choice(["Brief", "Weekly", "Digest", "Monitor"]))
                for n in range(series)
            )
        ]
        with lib._lock, db.atomic():
            series_ids = []
            for name in series_names:
                db.execute(
                    "INSERT OR IGNORE INTO series (name, created_at) VALUES (?, ?)",
                    [name, now],
                )
                series_ids.append(
                    db.execute(
                        "SELECT id FROM series WHERE name = ?", [name]
                    ).fetchone()[0]
                )
            per_series = [0] * series
            for n in range(issues):
                s = n % series
                per_series[s] += 1
                number = per_series[s]
                volume = 1 + number // 52
                day = first_day + timedelta(days=7 * (number - 1) + s % 7)
                sha = hashlib.sha256(f"synthetic-{seed}-{n}".encode()).hexdigest()
                db.execute(
                    "INSERT INTO files (sha256, size, original_name, imported_at) VALUES (?, ?, ?, ?)",
                    [sha, template.stat().st_size, f"synthetic-{n:05d}.pdf", now],
                )
                cursor = db.execute(
                    """INSERT INTO issues (series_id, label, volume, number, date, title, pages,
                           has_text_layer, parser_version, sha256, imported_at, warnings)
                       VALUES (?, ?, ?, ?, ?, '', 2, 1, 0, ?, ?, '[]')""",
                    [
                        series_ids[s],
                        f"Vol {volume}.{number}",
                        volume,
                        number,
                        None if n % 50 == 49 else day.isoformat(),
                        sha,
                        now,
                    ],
                )
                issue_id = cursor.lastrowid
                db.conn.executemany(
                    "INSERT INTO items (issue_id, position, headline, body, pages, rects)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (
                            issue_id,
                            pos,
                            _sentence(rng).rstrip("."),
                            " ".join(_sentence(rng) for _ in range(rng.randint(4, 9))),
                            json.dumps([1 if pos <= items_per_issue // 2 else 2]),
                            json.dumps(
                                [
                                    [
                                        1 if pos <= items_per_issue // 2 else 2,
                                        72.0,
                                        100.0 + 60 * (pos % 10),
                                        520.0,
                                        150.0 + 60 * (pos % 10),
                                    ]
                                ]
                            ),
                        )
                        for pos in range(1, items_per_issue + 1)
                    ],
                )
                target = lib.files_dir / f"{sha}.pdf"
                try:
                    os.link(template, target)
                except OSError:
                    shutil.copyfile(template, target)
        template.unlink()
        stats = lib.stats()
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats


def measure(folder: str | os.PathLike[str], *, repeat: int = 15) -> dict[str, float]:
    """Median milliseconds of the reads the window makes at start and while browsing."""
    opened = time.perf_counter()
    lib = Library.open(folder, create=False)
    figures: dict[str, float] = {"open_ms": (time.perf_counter() - opened) * 1000}
    with lib:
        series = lib.list_series()
        first_series = series[0].id if series else None
        some_issue = lib.list_issues(limit=1)
        issue_id = some_issue[0].id if some_issue else 0
        checks: dict[str, Callable[[], object]] = {
            "list_series": lib.list_series,
            "list_issues(limit=100)": lambda: lib.list_issues(limit=100),
            "list_issues(series, limit=100)": lambda: lib.list_issues(
                first_series, limit=100
            ),
            "list_issues(offset=9900, limit=100)": lambda: lib.list_issues(
                offset=9900, limit=100
            ),
            "count_issues": lib.count_issues,
            "items(issue)": lambda: lib.items(issue_id),
            "item_ids(all, limit=200)": lambda: lib.item_ids("all", limit=200),
            "item_ids(all) every id": lambda: lib.item_ids("all"),
            "item_ids(unread, limit=200)": lambda: lib.item_ids("unread", limit=200),
            "count_items(unread)": lambda: lib.count_items("unread"),
            "items_by_ids(200)": lambda: lib.items_by_ids(
                lib.item_ids("all", limit=200)
            ),
            "search(rare name)": lambda: lib.search("Kobayashi"),
            "search(common word)": lambda: lib.search("semiconductor"),
            "search(phrase)": lambda: lib.search('"export control"'),
            "find_issue(Vol 3.101)": lambda: _quiet_find(lib, "Vol 3.101"),
        }
        for name, call in checks.items():
            call()
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                call()
                times.append(time.perf_counter() - started)
            figures[name + "_ms"] = sorted(times)[len(times) // 2] * 1000
    return {k: round(v, 2) for k, v in figures.items()}


def _quiet_find(lib: Library, ref: str) -> None:
    try:
        lib.find_issue(ref)
    except UserError:
        pass


if (
    __name__ == "__main__"
):  # python -m reader.core.library.synthetic FOLDER [ISSUES] [--measure]
    import sys

    args = [a for a in sys.argv[1:] if a != "--measure"]
    if not args:
        raise SystemExit(
            "usage: python -m reader.core.library.synthetic FOLDER [ISSUES] [--measure]"
        )
    if not (Path(args[0]) / "library.sqlite").exists():
        built = build_synthetic_library(
            args[0], issues=int(args[1]) if len(args) > 1 else 10_000
        )
        print(json.dumps(built, indent=2))
    if "--measure" in sys.argv:
        for name, value in measure(args[0]).items():
            print(f"{name:45s} {value:9.2f}")
