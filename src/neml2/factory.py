"""Input files: the type registry and the object factory behind ``load_input``."""

from __future__ import annotations

import keyword
import math
from pathlib import Path
from typing import Any, Callable

import nmhit
import torch

from neml2.errors import InputError
from neml2.schema import suggest

SECTIONS = ("Tensors", "Models", "EquationSystems", "Solvers", "Drivers", "Data", "Settings")

#: HIT type name -> class
REGISTRY: dict[str, type] = {}


def register_neml2_object(type_name: str) -> Callable[[type], type]:
    """Class decorator registering ``cls`` as the input-file type ``type_name``."""

    def deco(cls: type) -> type:
        REGISTRY[type_name] = cls
        cls.TYPE_NAME = type_name  # type: ignore[attr-defined]
        return cls

    return deco


def _load_registry() -> None:
    """Import every module that registers types (idempotent)."""
    from neml2 import _builtin_types  # noqa: F401


def registered(section: str | None = None) -> dict[str, type]:
    _load_registry()
    if section is None:
        return dict(REGISTRY)
    return {k: v for k, v in REGISTRY.items() if getattr(v, "SECTION", None) == section}


class InputFile:
    """A parsed input file; builds (and caches) the objects its blocks describe."""

    def __init__(self, root: nmhit.Node, path: str = "<string>") -> None:
        _load_registry()
        self.root = root
        self.path = path
        self.blocks: dict[str, dict[str, nmhit.Node]] = {s: {} for s in SECTIONS}
        self._objects: dict[tuple[str, str], Any] = {}
        self._building: list[tuple[str, str]] = []
        for sec in root.children(nmhit.NodeType.Section):
            name = sec.path()
            if name not in self.blocks:
                raise InputError(
                    f"unknown section [{name}]{suggest(name, SECTIONS)}; valid sections: {', '.join(SECTIONS)}",
                    file=path,
                    line=sec.line(),
                )
            if name == "Settings":
                continue
            for blk in sec.children(nmhit.NodeType.Section):
                self.blocks[name][blk.path()] = blk
        self.settings = self._read_settings()

    # ----------------------------------------------------------------- helpers
    def where(self, section: str, name: str) -> dict[str, Any]:
        node = self.blocks[section].get(name)
        return {"file": self.path, "block": f"{section}/{name}", "line": node.line() if node is not None else None}

    def _read_settings(self) -> dict[str, Any]:
        node = self.root.find("Settings")
        out: dict[str, Any] = {}
        if node is None:
            return out
        for child in node.children(nmhit.NodeType.Field):
            out[child.path()] = child.param_str()
        for sub in node.children(nmhit.NodeType.Section):
            out[sub.path()] = {c.path(): c.param_str() for c in sub.children(nmhit.NodeType.Field)}
        dtype = out.get("default_dtype") or out.get("dtype")
        if dtype:
            if dtype not in ("float64", "float32", "double", "float"):
                raise InputError(
                    f"invalid dtype {dtype!r}; valid choices: float64, float32",
                    file=self.path,
                    block="Settings",
                    option="default_dtype",
                )
            from neml2 import settings

            settings.set_default_dtype(torch.float32 if dtype in ("float32", "float") else torch.float64)
        return out

    def _get(self, section: str, name: str) -> Any:
        key = (section, name)
        if key in self._objects:
            return self._objects[key]
        node = self.blocks[section].get(name)
        if node is None:
            have = list(self.blocks[section])
            raise InputError(
                f"no block named '{name}' in [{section}]{suggest(name, have)}; defined: {', '.join(have) or '(none)'}",
                file=self.path,
            )
        if key in self._building:
            cycle = " -> ".join(n for _, n in self._building[self._building.index(key) :]) + f" -> {name}"
            raise InputError(f"circular reference: {cycle}", **self.where(section, name))
        if section == "Models" and (not name.isidentifier() or keyword.iskeyword(name)):
            raise InputError(
                f"model block name '{name}' must be a valid Python identifier and not a keyword",
                **self.where(section, name),
            )
        self._building.append(key)
        try:
            obj = self._build(section, name, node)
        finally:
            self._building.pop()
        self._objects[key] = obj
        return obj

    def _build(self, section: str, name: str, node: nmhit.Node) -> Any:
        where = self.where(section, name)
        tnode = node.find("type")
        if tnode is None:
            raise InputError("missing required option", option="type", **where)
        type_name = tnode.param_str()
        valid = registered(section)
        cls = valid.get(type_name)
        if cls is None:
            other = REGISTRY.get(type_name)
            if other is not None:
                raise InputError(
                    f"type '{type_name}' belongs in [{other.SECTION}], not [{section}]",
                    option="type",
                    **where,
                )
            raise InputError(
                f"unknown type '{type_name}'{suggest(type_name, valid)}",
                option="type",
                **where,
            )
        try:
            obj = cls.from_hit(node, self)
        except InputError as e:
            raise e.located(**where) from None
        if hasattr(obj, "__dict__"):
            try:
                obj._hit_name = name
            except AttributeError:  # pragma: no cover
                pass
        return obj

    # --------------------------------------------------------------- accessors
    def get_model(self, name: str) -> Any:
        return self._get("Models", name)

    def get_tensor(self, name: str) -> Any:
        return self._get("Tensors", name)

    def get_solver(self, name: str) -> Any:
        return self._get("Solvers", name)

    def get_equation_system(self, name: str) -> Any:
        return self._get("EquationSystems", name)

    def get_driver(self, name: str) -> Any:
        return self._get("Drivers", name)

    def get_data(self, name: str) -> Any:
        return self._get("Data", name)

    def has_model(self, name: str) -> bool:
        return name in self.blocks["Models"]

    def has_tensor(self, name: str) -> bool:
        return name in self.blocks["Tensors"]

    def has(self, section: str, name: str) -> bool:
        return name in self.blocks[section]

    def python_namespace(self) -> dict[str, Any]:
        """Globals for ``[Tensors]`` Python expressions."""
        import neml2.types as types

        ns: dict[str, Any] = {"torch": torch, "math": math}
        ns.update({k: getattr(types, k) for k in types.__all__})
        return ns


class _TensorScope(dict):
    """Locals for Python expressions: other [Tensors] entries resolve by bare name."""

    def __init__(self, factory: InputFile) -> None:
        super().__init__()
        self.factory = factory

    def __missing__(self, key: str) -> Any:
        if self.factory.has_tensor(key):
            return self.factory.get_tensor(key)
        raise KeyError(key)


def load_input(path: str | Path, overrides: list[str] | None = None) -> InputFile:
    """Parse an input file; ``overrides`` are HIT snippets such as ``Models/m/E:=1``."""
    path = str(path)
    if not Path(path).exists():
        raise InputError(f"input file not found: {path}")
    post = [o if ":=" in o else o.replace("=", ":=", 1) for o in overrides or []]
    try:
        root = nmhit.parse_file(path, post=post)
    except nmhit.Error as e:
        msg = str(e).strip().splitlines()[0]
        raise InputError(msg if path in msg else f"{path}: {msg}") from None
    return InputFile(root, path)


def load_string(text: str, path: str = "<string>") -> InputFile:
    try:
        root = nmhit.parse_text(text)
    except nmhit.Error as e:
        raise InputError(f"{path}: {str(e).strip().splitlines()[0]}") from None
    return InputFile(root, path)


def load_model(path: str | Path, name: str) -> Any:
    return load_input(path).get_model(name)


def load_nonlinear_system(path: str | Path, name: str) -> Any:
    return load_input(path).get_equation_system(name)
