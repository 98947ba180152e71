"""Write tests/core/golden/entities.json: what entity extraction (and CJK bigrams) gave, per
item text, BEFORE the speed work; test_entities_equivalence.py holds the live code to it.

    .venv/bin/python tests/core/make_entities_golden.py [DIGEST_FOLDER]

The outputs come from the frozen oracle (tests/core/entities_oracle.py), which is a verbatim
copy of the implementation the golden was first made with; the script refuses to write when the
live implementation disagrees with the oracle, so a golden is never made from changed code by
mistake. Inputs, in this order:

- ``sample``: every item of every ``sample_issues/*.expected.json`` (the text prepare_items
  gets: ``headline + "\\n" + body``), by slug and position — the texts are read from there;
- ``name``: every hand-written entity name in ``tests/core/expected_entities.json``, alone;
- ``digest``: the items of the first 50 generated benchmark digests (parsed with
  ``reader.core.parse.parse``), with their text stored in the golden (the PDFs are a cache
  outside the repository). Their random syllables give no entities at all, but they drive the
  capitalised-run code hard;
- ``mixed``: 300 seeded random texts from ``entity_texts.mixed_text`` (gazetteer words,
  capitalised syllables, connectors, punctuation, money, dates), text stored too.

Each case stores the sha256 of its text (first 16 hex digits) so a changed input is reported as
such, the entities as ``[kind, name, norm, mentions]`` in order of first mention, and the CJK
bigrams of the headline and of ``body + "\\n"``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tests.core import entities_oracle as oracle  # noqa: E402
from tests.core.entity_texts import mixed_text  # noqa: E402

GOLDEN = HERE / "golden" / "entities.json"
SAMPLES = ROOT / "sample_issues"
EXPECTED = HERE / "expected_entities.json"
DIGESTS = ROOT.parent / "main" / "benchmarks" / "out" / "digests-1000-20250314-g2"
N_DIGESTS = 50
N_MIXED = 300
MIXED_SEED = 20260501


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sample_items() -> list[tuple[str, str, str]]:
    """(id, headline, body) of every sample item."""
    out = []
    for path in sorted(SAMPLES.glob("*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        slug = path.name.removesuffix(".expected.json")
        for item in data["items"]:
            out.append((f"{slug}#{item['position']}", item["headline"], item["body"]))
    return out


def expected_names() -> list[str]:
    data = json.loads(EXPECTED.read_text(encoding="utf-8"))
    names: list[str] = []
    for which, issues in data.items():
        if which.startswith("_"):
            continue
        for items in issues.values():
            for pairs in items.values():
                names += [name for _, name in pairs if name not in names]
    return names


def digest_items(folder: Path, n: int = N_DIGESTS) -> list[tuple[str, str, str]]:
    from reader.core.parse import parse

    out = []
    for path in sorted(folder.glob("digest-*.pdf"))[:n]:
        for item in parse(path).items:
            out.append((f"{path.stem}#{item.position}", item.headline, item.body))
    return out


def outputs(headline: str, body: str, extract_counts, grams) -> dict:  # type: ignore[no-untyped-def]
    found = extract_counts(f"{headline}\n{body}")
    return {
        "entities": [[e.kind, e.name, e.norm, n] for e, n in found.items()],
        "grams": [grams(headline), grams(f"{body}\n")],
    }


def main() -> None:
    from reader.core.entities.extract import extract_counts
    from reader.core.search.cjk import grams

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DIGESTS
    cases = []
    inputs = [("sample", i, h, b) for i, h, b in sample_items()]
    inputs += [("name", f"name:{name}", "", name) for name in expected_names()]
    inputs += [("digest", i, h, b) for i, h, b in digest_items(folder)]
    rng = random.Random(MIXED_SEED)
    for k in range(N_MIXED):
        headline = mixed_text(rng, 0, 8)
        inputs.append(("mixed", f"mixed#{k}", headline, mixed_text(rng, 5, 40)))
    for source, ident, headline, body in inputs:
        want = outputs(headline, body, oracle.extract_counts, oracle.grams)
        live = outputs(headline, body, extract_counts, grams)
        if live != want:
            raise SystemExit(f"live implementation differs from the oracle on {ident}: not writing")
        case: dict = {"source": source, "id": ident, "sha": digest(f"{headline}\n{body}"), **want}
        if source in ("digest", "mixed"):
            case["headline"], case["body"] = headline, body
        cases.append(case)
    about = (
        "Entity extraction and CJK bigrams before the speed work (see make_entities_golden.py):"
        " one case per line; entities in order of first mention as [kind, name, norm, mentions]."
    )
    lines = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases]
    GOLDEN.write_text(
        '{"about":' + json.dumps(about) + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8"
    )
    counts = {s: sum(c["source"] == s for c in cases) for s in ("sample", "name", "digest", "mixed")}
    print(f"{len(cases)} cases {counts} -> {GOLDEN} ({GOLDEN.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
