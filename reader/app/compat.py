"""Legacy safety net for a Qt-binding defect; a no-op with the supported binding versions.

PySide6 6.12.0 on Python 3.11 loses references to ``None``: every invalid QVariant it hands to
Python (``QModelIndex.data()`` for an unset role, ``QTextFormat.property()``...) and every
``None`` a Python model returns to C++ decrements ``None``'s reference count once too often,
so after a few minutes of reading CPython aborts ("Fatal Python error: none_dealloc").

The fix is the dependency pin in pyproject.toml (``PySide6-Essentials>=6.8,<6.12``; 6.8.3 to
6.11.3 were measured clean, and tests/app/test_binding_refcounts.py fails if the installed
binding leaks). The application no longer calls this module. It stays only because a test and
two benchmarks still import it; ``protect_singletons()`` acts only if a known-leaking binding
(6.12) is loaded despite the pin, on Python < 3.12 (3.12+ made these objects immortal).
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 lost references before anything could go wrong
_LEAKING = ((6, 12),)  # binding (major, minor) series known to lose references to None
_done = False


def _binding_leaks() -> bool:
    """True when the loaded PySide6 belongs to a series known to leak None references."""
    try:
        import PySide6
    except ImportError:
        return False
    return tuple(PySide6.__version_info__[:2]) in _LEAKING


def protect_singletons() -> None:
    """Make None/True/False effectively immortal, only under a known-leaking binding."""
    global _done
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build whose object header differs
    if not _binding_leaks():
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _done = True
