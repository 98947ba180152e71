"""The word lists in ``resources/gazetteers/`` loaded once into sets and compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core import paths
from reader.core.entities.names import normalise_name
from reader.core.errors import BugError


def gazetteer_dir() -> Path:
    """The shipped word lists: inside the installed package, or the checkout's resources/.

    A missing folder is a packaging bug, not something to work around silently: extraction
    without its lists would quietly produce poor entities.
    """
    folder = paths.resources_dir() / "gazetteers"
    if not folder.is_dir():
        raise BugError(f"gazetteers not found at {folder}")
    return folder


def read_list(name: str, folder: Path | None = None) -> list[str]:
    """Entries of one list file (comments and blank lines skipped; [] when missing)."""
    path = (folder or gazetteer_dir()) / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]  # normalised
    place_pattern: re.Pattern[str] | None  # unused since places are looked up per run
    cjk_place_pattern: re.Pattern[str] | None
    given_names: frozenset[str]  # normalised
    cjk_surnames: tuple[str, ...]
    titles: frozenset[str]  # as written (case matters: "Chair" vs "chair" both listed)
    titles_folded: frozenset[str]
    org_suffixes: frozenset[str]  # normalised
    org_prefixes: tuple[tuple[str, ...], ...]  # normalised word tuples
    org_cues: frozenset[str]
    orgs: frozenset[str]  # normalised
    stopwords: frozenset[str]  # as written


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=4)
def load(folder: Path | None = None) -> Gazetteer:
    """Read and compile every list (cached)."""
    countries = read_list("countries.txt", folder)
    places = read_list("places.txt", folder)
    cjk_places = read_list("places_cjk.txt", folder)
    latin = countries + places
    titles = read_list("person_titles.txt", folder)
    return Gazetteer(
        places=frozenset(normalise_name(p) for p in latin + cjk_places),
        place_pattern=None,  # places are looked up per capitalised run (extract._places_in)
        cjk_place_pattern=re.compile(_alternation(cjk_places)) if cjk_places else None,
        given_names=frozenset(normalise_name(n) for n in read_list("given_names.txt", folder)),
        cjk_surnames=tuple(sorted(read_list("surnames_cjk.txt", folder), key=len, reverse=True)),
        titles=frozenset(titles),
        titles_folded=frozenset(t.casefold() for t in titles),
        org_suffixes=frozenset(normalise_name(s) for s in read_list("org_suffixes.txt", folder)),
        org_prefixes=tuple(tuple(normalise_name(p).split()) for p in read_list("org_prefixes.txt", folder)),
        org_cues=frozenset(c.casefold() for c in read_list("org_cues.txt", folder)),
        orgs=frozenset(normalise_name(o) for o in read_list("orgs.txt", folder)),
        stopwords=frozenset(read_list("stopwords.txt", folder)),
    )
