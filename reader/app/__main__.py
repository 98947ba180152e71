"""``python -m reader.app [LIBRARY]``: open the window (the CLI is the usual way in)."""

import sys

from reader.app.main import run
from reader.core import paths

sys.exit(run(paths.resolve_library_dir(sys.argv[1] if len(sys.argv) > 1 else None)))
