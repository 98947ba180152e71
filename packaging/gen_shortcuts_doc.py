"""Generate the keyboard-shortcut tables of docs/user-guide.md from reader.app.shortcuts.SHORTCUTS.

    python packaging/gen_shortcuts_doc.py            # print the Markdown
    python packaging/gen_shortcuts_doc.py --write    # replace the block in docs/user-guide.md
    python packaging/gen_shortcuts_doc.py --check    # exit 1 when the guide is out of date

The block sits between ``<!-- shortcuts:start -->`` and ``<!-- shortcuts:end -->``; a test
(tests/test_packaging_docs.py) fails when it differs from the code, so the guide cannot drift
from what the keys really do.
"""

from __future__ import annotations

import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "user-guide.md"
START, END = "<!-- shortcuts:start -->", "<!-- shortcuts:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _keys(keys: tuple[str, ...]) -> str:
    return ", ".join(f"<kbd>{_cell(key)}</kbd>" for key in keys)


def shortcuts_markdown() -> str:
    """One table per group, groups in the order they first appear in the table."""
    from reader.app.shortcuts import SHORTCUTS

    groups: dict[str, list] = {}
    for shortcut in SHORTCUTS:
        groups.setdefault(shortcut.group, []).append(shortcut)
    parts = []
    for group, entries in groups.items():
        lines = [f"**{group}**", "", "| Keys | Action |", "|---|---|"]
        lines += [f"| {_keys(s.keys)} | {_cell(s.text)} |" for s in entries]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def replace_block(text: str, block: str) -> str:
    """``text`` with the part between the markers replaced by ``block``."""
    head, sep, rest = text.partition(START)
    _old, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise ValueError(f"{GUIDE.name} has no {START} ... {END} block")
    return f"{head}{START}\n{block}{END}{tail}"


def main(argv: list[str]) -> int:
    block = shortcuts_markdown()
    if not argv:
        sys.stdout.write(block)
        return 0
    current = GUIDE.read_text(encoding="utf-8")
    wanted = replace_block(current, block)
    if argv == ["--check"]:
        if wanted != current:
            sys.stderr.write(f"{GUIDE} is out of date: run python packaging/gen_shortcuts_doc.py --write\n")
            return 1
        return 0
    if argv == ["--write"]:
        GUIDE.write_text(wanted, encoding="utf-8")
        return 0
    sys.stderr.write("usage: gen_shortcuts_doc.py [--write | --check]\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
