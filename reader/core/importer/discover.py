"""Turn what a user names on the command line (files and folders) into the list of PDFs to import.

Folders are walked recursively and contribute files ending in ``.pdf`` (any case), in a stable,
sorted order. A file named explicitly is always kept, whatever its extension, so that a file the
user asked for gets an outcome ("not a PDF") instead of silently vanishing; a path that does not
exist is kept too and fails later with "file not found".
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["discover_pdfs"]


def _walk_folder(folder: Path) -> list[Path]:
    """Every ``*.pdf`` under ``folder``, sorted by relative path; hidden folders are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(".pdf") and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def discover_pdfs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand ``paths`` (files and folders) into a de-duplicated list of files to import.

    Order: the order the paths were given; within a folder, sorted. The same file reached twice
    (named twice, or named and inside a named folder) appears once.
    """
    result: list[Path] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        try:
            key = str(p.resolve())
        except OSError:
            key = str(p.absolute())
        if key not in seen:
            seen.add(key)
            result.append(p)

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            for f in _walk_folder(p):
                add(f)
        else:
            add(p)
    return result
