"""Safe, stable file names for exported files, on every operating system.

One function, :func:`safe_stem`, turns any title into a file-name stem that is valid on Windows,
macOS and Linux and inside an Obsidian vault: no path separators or traversal, none of
``<>:"/\\|?*`` nor ``#^[]`` (Obsidian link syntax), no control characters, no leading dot, no
trailing dot or space, not a Windows reserved device name (CON, NUL, COM1...), and at most
:data:`MAX_STEM_BYTES` bytes of UTF-8 (file systems limit names to 255 bytes).
:func:`unique_name` adds `` (N)`` until a name is free, comparing case-insensitively as Windows
and macOS do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_STEM_BYTES = 120
_BAD = re.compile(r'[<>:"/\\|?*#^\[\]\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"COM{n}" for n in "123456789¹²³"]
    + [f"LPT{n}" for n in "123456789¹²³"]
)


def _clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def is_reserved(stem: str) -> bool:
    """True for names Windows reserves for devices (also with an extension: ``nul.md``)."""
    base = stem.split(".", 1)[0].strip().upper()
    return base in _RESERVED


def safe_stem(title: str, *, fallback: str = "export", limit: int = MAX_STEM_BYTES) -> str:
    """A file-name stem (no extension) made from ``title``; ``fallback`` when nothing is left."""
    text = unicodedata.normalize("NFC", str(title))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _BAD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = text.lstrip(". ")
    text = _clip(text, limit).rstrip(". ")
    if not text:
        text = _BAD.sub("-", str(fallback)).strip(". ") or "export"
    if is_reserved(text):
        text = "_" + text
    return text


def unique_name(stem: str, suffix: str, taken: Container[str], *, tag: str = "") -> str:
    """``stem + suffix`` or, when that (case-insensitively) is in ``taken`` (lower-cased names),
    ``stem (tag) + suffix`` and then ``stem (tag-2)``...; ``tag`` defaults to a counter."""
    name = f"{stem}{suffix}"
    if name.lower() not in taken:
        return name
    n = 1
    while True:
        mark = tag if (tag and n == 1) else (f"{tag}-{n}" if tag else str(n + 1))
        extra = f" ({mark})"
        name = f"{_clip(stem, MAX_STEM_BYTES - len(extra.encode()))}{extra}{suffix}"
        if name.lower() not in taken:
            return name
        n += 1
