"""Packaging shim: ships ``sample_issues/`` and ``resources/`` inside the package.

Everything else lives in pyproject.toml. Both folders stay at the top of the repository (where
people look for them) but must also be installed, so "Try the sample issues" and the icons work
from a wheel; a package-dir mapping (``reader.samples``, ``reader.resources``) does that without
keeping two copies. Every sub-folder of ``resources/`` (templates, gazetteers, help, icons) is
listed as a data package too, so setuptools neither warns about nor drops it.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
RESOURCE_PACKAGES = sorted(
    "reader.resources." + ".".join(folder.relative_to(HERE / "resources").parts)
    for folder in (HERE / "resources").rglob("*")
    if folder.is_dir() and not folder.name.startswith((".", "__"))
)

setup(
    packages=find_packages(include=["reader", "reader.*"])
    + ["reader.samples", "reader.resources"]
    + RESOURCE_PACKAGES,
    package_dir={"reader.samples": "sample_issues", "reader.resources": "resources"},
    package_data={
        "reader.samples": ["*.pdf", "*.json", "README.md"],
        "reader.resources": ["*", "**/*"],
        **{name: ["*"] for name in RESOURCE_PACKAGES},
    },
)
