"""neml2-stub: write ``.pyi`` type stubs for the pybind11 extension modules of neml2.

``neml2-stub [-o DIR] [--print] [EXTRA ...]`` writes one stub per extension module (currently
``neml2.aoti._aoti``) next to its shared library, so that pyright and IDEs resolve
``from neml2.aoti._aoti import Model``; ``-o DIR`` writes ``DIR/neml2/aoti/_aoti.pyi`` instead
and ``--print`` writes the stubs to stdout.  With pybind11-stubgen installed the stubs come from
it and the extra arguments are forwarded to it verbatim; without it, from the signatures pybind11
puts in each docstring (extra arguments are then an error).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import inspect
import re
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

from neml2.cli import EXIT_INPUT, error

PROG = "neml2-stub"
#: the pybind11 extension modules of the package
EXTENSIONS = ("neml2.aoti._aoti",)
#: pure-Python twins whose annotations type the properties pybind11 leaves untyped
TWINS = {"neml2.aoti._aoti.Model": "neml2.aoti.runtime:PyModel"}
_TYPING = {"Any", "SupportsFloat", "SupportsInt", "SupportsIndex", "Callable", "Optional", "Union"}
_SIG = re.compile(r"^(?:\d+\. )?(?P<name>\w+)\((?P<params>.*)\)(?: -> (?P<ret>.+))?$")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Regenerate the .pyi type stubs of neml2's pybind11 extension modules (neml2.aoti._aoti).",
        epilog="Extra arguments are forwarded verbatim to pybind11_stubgen when it is installed.",
    )
    p.add_argument("-o", "--output-dir", default=None, help="root folder of the stubs (default: next to each .so)")
    p.add_argument("--print", action="store_true", help="write the stubs to stdout instead of files")
    return p


# ------------------------------------------------------------------ introspection
def _split_params(text: str) -> list[str]:
    """Split a parameter list on top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


class _Types:
    """Rewrites pybind11's type spellings for a stub and collects the imports they need."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.imports: set[str] = set()
        self.typing: set[str] = set()

    def __call__(self, text: str) -> str:
        text = text.replace(self.module + ".", "")
        for m in re.finditer(r"\b([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\b", text):
            head = m.group(1).rsplit(".", 1)[0]
            self.imports.add(head)
        for m in re.finditer(r"(?<![\w.])([A-Z]\w*)\b", text):
            if m.group(1) in _TYPING:
                self.typing.add(m.group(1))
        return text

    def param(self, p: str) -> str:
        name, sep, rest = p.partition(":")
        if not sep:
            return p
        ann, eq, default = rest.partition("=")
        out = f"{name.strip()}: {self(ann.strip())}"
        if eq:
            d = default.strip()
            out += " = " + (d if _literal(d) else "...")
        return out


def _literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return False
    return True


def _signatures(doc: str | None) -> tuple[list[tuple[str, str]], str]:
    """``[(params, return)]`` from a pybind11 docstring (several when overloaded) and the prose."""
    if not doc:
        return [], ""
    lines = doc.strip().splitlines()
    sigs, prose = [], []
    for line in lines:
        m = _SIG.match(line.strip())
        if m:
            sigs.append((m["params"], m["ret"] or "None"))
        elif line.strip() != "Overloaded function.":
            prose.append(line)
    return sigs, "\n".join(prose).strip()


def _doc(text: str, indent: str) -> list[str]:
    if not text:
        return []
    body = text.replace('"""', "'''").replace("\\", "\\\\")
    lines = body.splitlines()
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *[(indent + ln).rstrip() for ln in lines[1:]], f'{indent}"""']


def _function(name: str, obj: Any, T: _Types, indent: str, method: bool) -> list[str]:
    sigs, prose = _signatures(getattr(obj, "__doc__", None))
    if not sigs:
        args = "self, *args: Any, **kwargs: Any" if method else "*args: Any, **kwargs: Any"
        T.typing.add("Any")
        sigs = [(args, "Any")]
    out: list[str] = []
    for params, ret in sigs:
        ps = [T.param(p) for p in _split_params(params)]
        if method and ps and ps[0].startswith("self"):
            ps[0] = "self"
        if len(sigs) > 1:
            T.typing.add("overload")
            out.append(f"{indent}@overload")
        head = f"{indent}def {name}({', '.join(ps)}) -> {T(ret)}:"
        doc = _doc(prose, indent + "    ")
        out += [head, *doc, f"{indent}    ..."] if doc else [head + " ..."]
    return out


def _twin_hint(qualname: str, attr: str) -> str | None:
    spec = TWINS.get(qualname)
    if spec is None:
        return None
    mod, _, cls = spec.partition(":")
    try:
        twin = getattr(importlib.import_module(mod), cls)
        prop = getattr(twin, attr)
        ret = typing.get_type_hints(prop.fget).get("return")
    except Exception:  # noqa: BLE001 - the hint is optional
        return None
    return None if ret is None else inspect.formatannotation(ret)


def _class(name: str, cls: type, T: _Types) -> list[str]:
    out = [f"class {name}:"]
    out += _doc(inspect.cleandoc(cls.__doc__ or ""), "    ")
    qual = f"{cls.__module__}.{cls.__qualname__}"
    for attr, value in vars(cls).items():
        if attr.startswith("_") and attr not in ("__init__", "__call__", "__repr__"):
            continue
        if isinstance(value, property):
            ret = _twin_hint(qual, attr)
            if ret is None:
                T.typing.add("Any")
                ret = "Any"
            out += ["    @property", f"    def {attr}(self) -> {T(ret)}:"]
            doc = _doc((value.__doc__ or "").strip(), "        ")
            out += [*doc, "        ..."] if doc else [out.pop() + " ..."]
        elif callable(value):
            if attr.startswith("__") and not _signatures(getattr(value, "__doc__", None))[0]:
                continue  # an untyped dunder adds nothing to object's
            out += _function(attr, value, T, "    ", method=True)
    if len(out) == 1:
        out.append("    ...")
    return out


def stub_text(module: ModuleType) -> str:
    """The ``.pyi`` text of an extension module: its classes, functions and re-exported errors."""
    T = _Types(module.__name__)
    body: list[str] = []
    reexports: list[str] = []
    for name, obj in vars(module).items():
        if name.startswith("_"):
            continue
        if isinstance(obj, type) and obj.__module__ != module.__name__:
            reexports.append(f"from {obj.__module__} import {obj.__qualname__} as {name}")
        elif isinstance(obj, type):
            body += ["", "", *_class(name, obj, T)]
        elif callable(obj):
            body += ["", "", *_function(name, obj, T, "", method=False)]
    head = [f'"""{(module.__doc__ or module.__name__).strip()}"""', "", "from __future__ import annotations", ""]
    imports = [f"import {m}" for m in sorted(T.imports) if m != module.__name__]
    if T.typing:
        imports.append(f"from typing import {', '.join(sorted(T.typing))}")
    text = "\n".join([*head, *imports, *sorted(reexports), *body]) + "\n"
    ast.parse(text)  # a stub that does not parse is a bug here, not a file to write
    return text


def stub_path(module: ModuleType, output_dir: str | None) -> Path:
    """Where a module's stub goes: next to its shared library, or under ``output_dir`` by package."""
    leaf = module.__name__.rsplit(".", 1)[-1] + ".pyi"
    if output_dir is None:
        return Path(module.__file__ or "").with_name(leaf)
    return Path(output_dir, *module.__name__.split(".")[:-1], leaf)


def _stubgen(modules: list[str], args: argparse.Namespace, extra: list[str]) -> int:
    """Run pybind11_stubgen on each module, writing next to the shared libraries by default."""
    for name in modules:
        mod = importlib.import_module(name)
        root = args.output_dir
        if root is None:
            root = str(Path(mod.__file__ or "").resolve().parents[name.count(".")])
        res = subprocess.run([sys.executable, "-m", "pybind11_stubgen", name, "-o", root, *extra], check=False)
        if res.returncode != 0:
            error(PROG, f"pybind11_stubgen failed on {name} (exit {res.returncode})")
            return res.returncode
    return 0


def main(argv: list[str] | None = None) -> int:
    args, extra = parser().parse_known_args(argv)
    modules = list(EXTENSIONS)
    if importlib.util.find_spec("pybind11_stubgen") is not None and not args.print:
        return _stubgen(modules, args, extra)
    if extra:
        error(PROG, f"unrecognized arguments {' '.join(extra)} (forwarded to pybind11_stubgen, which is not installed)")
        return EXIT_INPUT
    for name in modules:
        try:
            mod = importlib.import_module(name)
        except ImportError as e:
            error(PROG, f"the extension module {name} is not built ({e}); reinstall neml2 to build it")
            return EXIT_INPUT
        text = stub_text(mod)
        if args.print:
            print(text, end="")
            continue
        path = stub_path(mod, args.output_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
