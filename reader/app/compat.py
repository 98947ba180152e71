"""Work-arounds for defects in the Qt binding, applied once at start.

PySide6 6.12 on Python 3.11 loses references to ``None`` (and ``True``/``False``): every
invalid QVariant it hands to Python (``QModelIndex.data()`` for an unset role, ``QTextFormat
.property()``...) and every ``None`` a Python model returns to C++ decrements ``None``'s
reference count once too often. Views call ``data()`` thousands of times, so after a few
minutes of reading the count reaches zero and CPython aborts ("Fatal Python error:
none_dealloc"). Python 3.12+ made these objects immortal, which hides the defect there.

``protect_singletons()`` does what 3.12 does: it gives ``None``, ``True`` and ``False`` a
reference count so large that no session can exhaust it. It touches nothing else and is a
no-op on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 lost references before anything could go wrong
_done = False


def protect_singletons() -> None:
    """Make None/True/False effectively immortal on Python < 3.12 (idempotent)."""
    global _done
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build whose object header differs
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _done = True
