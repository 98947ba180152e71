"""The macOS app bundle's Info.plist entries, for ``BUNDLE(info_plist=...)`` in the spec.

Kept apart from ``digest-reader.spec`` (which only PyInstaller can run) so a test can import
and check it. The two registrations that make macOS hand files and links to the app:

- ``CFBundleDocumentTypes``: Digest Reader views PDFs (``com.adobe.pdf``). Rank ``Alternate``
  lists it under "Open With" without making it the default PDF viewer.
- ``CFBundleURLTypes``: the ``digest-reader`` scheme, so ``digest-reader://open?item=ID`` links
  (exported Markdown) open the app.

macOS delivers both as Apple Events that Qt turns into ``QFileOpenEvent``; the app handles them
in ``reader/app/file_open.py`` (PyInstaller's ``argv_emulation`` is not needed and stays off).
"""

from __future__ import annotations

from typing import Any

APP_NAME = "Digest Reader"
BUNDLE_IDENTIFIER = "io.github.digestreader.DigestReader"
URL_SCHEME = "digest-reader"  # = reader.app.links.SCHEME (tests check they agree)


def info_plist(version: str) -> dict[str, Any]:
    """Info.plist keys for version ``version`` (``reader.__version__``)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_IDENTIFIER,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDocumentTypes": [{
            "CFBundleTypeName": "PDF document",
            "CFBundleTypeRole": "Viewer",
            "LSHandlerRank": "Alternate",
            "LSItemContentTypes": ["com.adobe.pdf"],
        }],
        "CFBundleURLTypes": [{
            "CFBundleURLName": f"{BUNDLE_IDENTIFIER}.link",
            "CFBundleTypeRole": "Viewer",
            "CFBundleURLSchemes": [URL_SCHEME],
        }],
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "Digest Reader developers; AGPL-3.0-or-later",
    }
