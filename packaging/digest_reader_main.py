"""Entry point of the frozen (PyInstaller) app: the same ``digest-reader`` command line.

``multiprocessing.freeze_support()`` must run first: the import and render workers are started
with the spawn/forkserver methods, which re-run this executable with special arguments; in a
frozen app freeze_support turns those runs into worker processes instead of a second window.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.cli import main

    sys.exit(main())
