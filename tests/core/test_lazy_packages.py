"""The search and entities packages import their modules on first use (reader.core.lazy).

What matters to users: a parse worker's preload (and so the start of every import) does not
load the search engine, the library or sqlite-utils; and every public name still resolves to
the same object as importing it from its module.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ["reader.core.search", "reader.core.entities"]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_resolves_to_its_module_object(package: str) -> None:
    pkg = importlib.import_module(package)
    exports = pkg.__dict__["_lazy_exports"]
    assert sorted(pkg.__all__) == sorted(exports)
    for name, module in exports.items():
        assert getattr(pkg, name) is getattr(importlib.import_module(f"{package}.{module}"), name)
    assert set(pkg.__all__) <= set(dir(pkg))


@pytest.mark.parametrize("package", PACKAGES)
def test_unknown_name_is_an_attribute_error(package: str) -> None:
    pkg = importlib.import_module(package)
    with pytest.raises(AttributeError, match="no_such_name"):
        pkg.no_such_name  # noqa: B018


def _fresh_python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_function_named_like_its_module_wins_over_the_submodule() -> None:
    # importing submodule "related" (or "extract") first must not replace the function
    out = _fresh_python(
        "import reader.core.search.related, reader.core.entities.extract\n"
        "from reader.core.search import related\n"
        "from reader.core.entities import extract\n"
        "print(callable(related), callable(extract), type(related).__name__)"
    )
    assert out.split() == ["True", "True", "function"]


def test_worker_preload_leaves_search_engine_library_and_sqlite_utils_out() -> None:
    out = _fresh_python(
        "import sys\n"
        "import reader.core.importer.worker_main, reader.core.importer.warm\n"
        "from reader.core.search.hooks import prepare_items\n"
        "assert prepare_items([('Dr Ada Lane', '佐藤 健 of Tokyo')])\n"
        "heavy = ['sqlite_utils', 'reader.core.search.engine', 'reader.core.library',"
        " 'reader.core.entities.store']\n"
        "print(' '.join(m for m in heavy if m in sys.modules) or 'none')"
    )
    assert out.strip() == "none"
