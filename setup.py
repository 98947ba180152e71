"""Packaging shim: ships ``sample_issues/`` and ``resources/`` inside the package.

Everything else lives in pyproject.toml. Both folders stay at the top of the repository (where
people look for them) but must also be installed, so "Try the sample issues" and the icons work
from a wheel; a package-dir mapping (``reader.samples``, ``reader.resources``) does that without
keeping two copies.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["reader", "reader.*"]) + ["reader.samples", "reader.resources"],
    package_dir={"reader.samples": "sample_issues", "reader.resources": "resources"},
    package_data={
        "reader.samples": ["*.pdf", "*.json", "README.md"],
        "reader.resources": ["*", "**/*"],
    },
)
