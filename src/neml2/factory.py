"""Input files: the type registry and the object factory behind ``load_input``."""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nmhit
import torch

from neml2.errors import InputError
from neml2.schema import suggest

KNOWN_SETTINGS = (
    "default_dtype",
    "dtype",
    "default_device",
    "device",
    "example_batch_shape",
    "dynamic_batch",
    "machine_precision",
    "tolerance",
)

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
                prev = self.blocks[name].get(blk.path())
                if prev is not None:
                    raise InputError(
                        f"duplicate block (first defined at line {prev.line()})",
                        file=path,
                        line=blk.line(),
                        block=f"{name}/{blk.path()}",
                    )
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
        lines = {}
        for child in node.children(nmhit.NodeType.Field):
            out[child.path()] = child.param_str()
            lines[child.path()] = child.line()
        for sub in node.children(nmhit.NodeType.Section):
            out[sub.path()] = {c.path(): c.param_str() for c in sub.children(nmhit.NodeType.Field)}
        key = "default_dtype" if out.get("default_dtype") else "dtype"
        dtype = out.get(key)
        if dtype:
            if dtype not in ("float64", "float32", "double", "float"):
                raise InputError(
                    f"invalid dtype {dtype!r}; valid choices: float64, float32",
                    file=self.path,
                    line=lines.get(key),
                    block="Settings",
                    option=key,
                )
            from neml2 import settings

            settings.set_default_dtype(torch.float32 if dtype in ("float32", "float") else torch.float64)
        for key in out:
            if key not in KNOWN_SETTINGS:
                raise InputError(
                    f"unknown setting{suggest(key, KNOWN_SETTINGS)}; valid settings: {', '.join(KNOWN_SETTINGS)}",
                    file=self.path,
                    line=lines.get(key),
                    block="Settings",
                    option=key,
                )
        device = out.get("default_device") or out.get("device")
        if device:
            try:
                torch.set_default_device(torch.device(device))
            except RuntimeError as e:
                raise InputError(
                    f"invalid device {device!r}: {e}",
                    file=self.path,
                    line=lines.get("default_device") or lines.get("device"),
                    block="Settings",
                    option="default_device" if "default_device" in out else "device",
                ) from None
        return out

    def _get(self, section: str, name: str) -> Any:
        key = (section, name)
        if key in self._objects:
            return self._objects[key]
        node = self.blocks[section].get(name)
        if node is None:
            have = list(self.blocks[section])
            raise self._referrer_error(
                name,
                f"no block named '{name}' in [{section}]{suggest(name, have)}; defined: {', '.join(have) or '(none)'}",
            )
        if key in self._building:
            cycle = " -> ".join(n for _, n in self._building[self._building.index(key) :]) + f" -> {name}"
            raise self._referrer_error(name, f"circular reference: {cycle}")
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

    def _referrer_error(self, name: str, message: str) -> InputError:
        """An error about a reference to block ``name``, located at the block being built that
        refers to it (and at its option whose value names ``name``, when one does)."""
        if not self._building:
            return InputError(message, file=self.path)
        section, referrer = self._building[-1]
        where = self.where(section, referrer)
        node = self.blocks[section][referrer]
        for child in node.children(nmhit.NodeType.Field):
            if any(tok.partition(".")[0] == name for tok in child.param_str().split()):
                return InputError(message, **{**where, "line": child.line()}, option=child.path())
        return InputError(message, **where)

    def _build(self, section: str, name: str, node: nmhit.Node) -> Any:
        where = self.where(section, name)
        try:
            obj = self._construct(section, name, node, where)
        except InputError as e:
            err = e.located(**where)
            # an error about one of this block's options points at that option's line
            field = node.find(err.option) if err.option and err.block == where["block"] else None
            if field is not None and field.type() == nmhit.NodeType.Field and field.line() != err.line:
                err = InputError(err.reason, file=err.file, line=field.line(), block=err.block, option=err.option)
            raise err from None
        except (TypeError, ValueError, KeyError, IndexError) as e:
            # input that slipped past validation: still one located line, never a deep traceback
            raise InputError(f"{type(e).__name__}: {e}", **where) from None
        if hasattr(obj, "__dict__"):
            try:
                obj._hit_name = name
            except AttributeError:  # pragma: no cover
                pass
        return obj

    def _construct(self, section: str, name: str, node: nmhit.Node, where: dict[str, Any]) -> Any:
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
            raise InputError(f"unknown type '{type_name}'{suggest(type_name, valid)}", option="type", **where)
        return cls.from_hit(node, self)

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
        raise _syntax_error(str(e), path, Path(path).read_text(errors="replace")) from None
    return InputFile(root, path)


def load_string(text: str, path: str = "<string>") -> InputFile:
    try:
        root = nmhit.parse_text(text)
    except nmhit.Error as e:
        raise _syntax_error(str(e), path, text) from None
    return InputFile(root, path)


_LOCATED = re.compile(r"^(?P<file>.*?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<msg>.*)$")
_SECTION = re.compile(r"^\s*\[\s*(?:\./)?([^\]\s]*)\s*\]")


def _syntax_error(message: str, path: str, text: str) -> InputError:
    """A HIT syntax error as an InputError naming the block that encloses the bad line."""
    first = message.strip().splitlines()[0] if message.strip() else "syntax error"
    m = _LOCATED.match(first)
    if m is None:
        return InputError(first, file=path)
    line = int(m["line"])
    stack: list[str] = []
    for raw in text.splitlines()[:line]:
        sec = _SECTION.match(raw)
        if sec is None:
            continue
        if sec[1] in ("", "../"):
            stack = stack[:-1]
        else:
            stack.append(sec[1])
    col = int(m["col"]) if m["col"] else None
    return InputError(m["msg"], file=path, line=line, column=col, block="/".join(stack) or None)


def load_model(path: str | Path, name: str) -> Any:
    return load_input(path).get_model(name)


def load_nonlinear_system(path: str | Path, name: str) -> Any:
    return load_input(path).get_equation_system(name)
