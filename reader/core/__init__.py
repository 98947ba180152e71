"""Digest Reader's domain core: parsing, library, import, search. Plain Python, never Qt."""
