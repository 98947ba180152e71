"""Imported by the fork server before it forks any parse worker (``workers._PRELOAD``).

Loads the parser, PyMuPDF and the search data the worker computes per item (entity gazetteer,
compiled patterns), so every worker, including each recycled one, starts with them ready
instead of spending ~0.2 s of CPU on imports and first calls.
"""

from __future__ import annotations

import reader.core.parse  # noqa: F401 - loads PyMuPDF and the parser
from reader.core.search.hooks import prepare_items

prepare_items([("Warm-up", "Dr Ada Lane of Example Ltd in Tokyo said $5m on 14 April 2026. 佐藤 健")])
