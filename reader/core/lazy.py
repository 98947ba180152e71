"""Package namespaces that import their modules on first use.

A package ``__init__`` that re-exports names from its modules would otherwise import all of
them, and everything they import, whenever any one module of the package is needed: a parse
worker that only wants CJK bigrams and the entity extractor would load the search engine,
the library and sqlite-utils too (about 0.1 s before the first worker can start).
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping
from typing import Any

__all__ = ["lazy_package"]


class _LazyPackage(types.ModuleType):
    """A package whose public names are imported from their modules when first looked up."""

    _lazy_exports: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        module = self.__dict__["_lazy_exports"].get(name)
        if module is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{self.__name__}.{module}"), name)
        self.__dict__[name] = value
        return value

    def __dir__(self) -> list[str]:
        return sorted({*self.__dict__, *self.__dict__["_lazy_exports"]})

    def __setattr__(self, name: str, value: Any) -> None:
        # Importing submodule "related" binds it as the package's attribute "related"; where
        # the package exports a function of that name (search.related), the function wins,
        # as it did when the package imported it eagerly.
        if (
            isinstance(value, types.ModuleType)
            and value.__name__ == f"{self.__name__}.{name}"
            and name in self.__dict__["_lazy_exports"]
        ):
            return
        super().__setattr__(name, value)


def lazy_package(name: str, exports: Mapping[str, str]) -> None:
    """Make package ``name`` lazy: ``exports`` maps each public name to the module (relative
    to the package) that defines it; that module is imported when the name is first used."""
    package = sys.modules[name]
    package.__dict__["_lazy_exports"] = dict(exports)
    package.__class__ = _LazyPackage
