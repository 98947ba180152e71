"""Import pipeline: discover PDFs, hash them, parse them in worker processes, store them.

Public API: ``import_paths``, ``ImportOutcome``, ``discover_pdfs`` (see ``docs/architecture.md``).
"""

from __future__ import annotations

from reader.core.importer.discover import discover_pdfs
from reader.core.importer.hashing import sha256_file
from reader.core.importer.outcome import OUTCOMES, ImportOutcome
from reader.core.importer.pipeline import NO_TEXT_LAYER, import_paths

__all__ = ["NO_TEXT_LAYER", "OUTCOMES", "ImportOutcome", "discover_pdfs", "import_paths", "sha256_file"]
