"""Command-line tools: ``neml2-run``, ``neml2-inspect``, ``neml2-syntax``, ``neml2-compile``, ``neml2-stub``.

Shared here: the one-line error format, the cumulative ``--load PATH`` flag that imports a user's
extension modules (their ``@register_neml2_object`` types) before a tool reads its input file, and
the reading of an input file with the trailing HIT overrides.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from neml2.errors import InputError

#: exit status of a bad input file, bad arguments or a failed nonlinear solve
EXIT_INPUT = 2


def error(prog: str, message: str) -> None:
    """Print one line to stderr (no traceback): ``prog: error: message``."""
    line = " ".join(str(message).split())
    print(f"{prog}: error: {line}", file=sys.stderr)


def add_load_argument(p: argparse.ArgumentParser) -> None:
    """The cumulative ``--load PATH`` flag (a .py file, a package directory or a dotted module)."""
    p.add_argument(
        "--load",
        action="append",
        default=[],
        metavar="PATH",
        help="import an extension first (a .py file, a package directory or a dotted module name on "
        "sys.path) so its registered types are known; repeatable, imported in the order given",
    )


def add_overrides_argument(p: argparse.ArgumentParser, example: str) -> None:
    """The trailing HIT overrides (``Models/m/E:=1``, ``nbatch=64``), applied after parsing."""
    p.add_argument(
        "overrides", nargs="*", metavar="OVERRIDE", help=f"HIT overrides applied after parsing, e.g. {example}"
    )


def _from_file(name: str, location: Path, package_dir: Path | None = None) -> ModuleType:
    """Import ``location`` as module ``name`` (a package when ``package_dir`` is given)."""
    existing = sys.modules.get(name)
    if existing is not None and Path(getattr(existing, "__file__", "") or "").resolve() == location.resolve():
        return existing
    search = [str(package_dir)] if package_dir is not None else None
    spec = importlib.util.spec_from_file_location(name, location, submodule_search_locations=search)
    if spec is None or spec.loader is None:
        raise InputError(f"--load {location}: cannot import this file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def load_extension(path: str) -> ModuleType:
    """Import one ``--load`` target; its folder joins ``sys.path`` so it may import its siblings.

    Raises an InputError (one line) when the target does not exist or its import fails."""
    p = Path(path).expanduser()
    try:
        if p.is_file():
            if p.suffix != ".py":
                raise InputError(f"--load {path}: not a .py file")
            folder = str(p.resolve().parent)
            if folder not in sys.path:
                sys.path.insert(0, folder)
            return _from_file(p.stem, p)
        if p.is_dir():
            init = p / "__init__.py"
            if not init.is_file():
                raise InputError(f"--load {path}: a directory without __init__.py is not a package")
            folder = str(p.resolve().parent)
            if folder not in sys.path:
                sys.path.insert(0, folder)
            return _from_file(p.resolve().name, init, p.resolve())
        if path.endswith(".py") or "/" in path or not all(s.isidentifier() for s in path.split(".")):
            raise InputError(f"--load {path}: no such file or package directory")
        return importlib.import_module(path)
    except InputError:
        raise
    except ModuleNotFoundError as e:
        if e.name is not None and path.startswith(e.name):
            raise InputError(f"--load {path}: no such file, package directory or module on sys.path") from None
        raise InputError(f"--load {path}: import failed: {type(e).__name__}: {e}") from None
    except Exception as e:  # noqa: BLE001 - user code: reported as one line
        raise InputError(f"--load {path}: import failed: {type(e).__name__}: {e}") from None


def load_extensions(paths: Sequence[str]) -> list[ModuleType]:
    """Import the ``--load`` targets in the order given."""
    return [load_extension(p) for p in paths]


def read_input(path: str, overrides: Sequence[str] = (), **kwargs: Any) -> Any:
    """``neml2.load_input`` with trailing HIT overrides (``Models/m/E:=1``, ``nbatch=64``)."""
    import neml2

    return neml2.load_input(path, additional_args=list(overrides), **kwargs)
