"""Tag names: whitespace normalised, nesting with ``/``, matching of ``parent/*`` patterns."""

from __future__ import annotations

from reader.core.annotations.errors import BadTagError, EmptyTagError

MAX_TAG_LENGTH = 200


def normalise_tag(raw: str) -> str:
    """A tag as stored: runs of whitespace -> one space, each ``/`` segment trimmed, empty
    segments dropped (``" Region / Asia//"`` -> ``"Region/Asia"``).

    Raises :class:`EmptyTagError` when nothing is left and :class:`BadTagError` for a comma
    (the query language separates tags with commas: ``tag:a,b``) or an over-long tag.
    """
    text = " ".join(str(raw).split())
    segments = [seg.strip() for seg in text.split("/")]
    name = "/".join(seg for seg in segments if seg)
    if not name:
        raise EmptyTagError(f"empty tag {raw!r}: a tag needs at least one letter or digit")
    if "," in name:
        raise BadTagError(f"tag {name!r} contains a comma; use another separator such as '/' or '-'")
    if len(name) > MAX_TAG_LENGTH:
        raise BadTagError(f"tag is too long ({len(name)} characters, at most {MAX_TAG_LENGTH})")
    return name


def tag_pattern(raw: str) -> tuple[str, bool]:
    """``("region", True)`` for ``"region/*"`` (the tag and its descendants), else ``(tag, False)``."""
    text = " ".join(str(raw).split())
    if text.rstrip().endswith("/*"):
        return normalise_tag(text.rstrip()[:-2]), True
    return normalise_tag(text), False


def parent_tags(name: str) -> list[str]:
    """Every ancestor of a nested tag, outermost first: ``a/b/c`` -> ``["a", "a/b"]``."""
    parts = name.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts))]
