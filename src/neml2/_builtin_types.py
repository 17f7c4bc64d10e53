"""Imports every module that registers an input-file type (loaded on first use of the factory)."""

import importlib
import pkgutil

import neml2


def _import_all() -> None:
    skip = ("neml2.cli", "neml2._builtin_types", "neml2.aoti._")
    for info in pkgutil.walk_packages(neml2.__path__, "neml2."):
        if info.name.startswith(skip):
            continue
        importlib.import_module(info.name)


_import_all()
