"""Input files: the type registry and the object factory behind ``load_input``."""

from __future__ import annotations

import importlib
import keyword
import math
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import nmhit
import torch

from neml2 import settings
from neml2.errors import InputError
from neml2.schema import _BOOL, suggest
from neml2.settings import BatchSpec, parse_batch_spec, parse_dtype

KNOWN_SETTINGS = ("default_dtype", "dtype", "default_device", "device", "example_batch_shape", "dynamic_batch")

SECTIONS = ("Tensors", "Models", "EquationSystems", "Solvers", "Drivers", "Data", "Settings")

#: HIT type name -> class
REGISTRY: dict[str, type] = {}


def register_neml2_object(type_name: str) -> Callable[[type], type]:
    """Class decorator registering ``cls`` as the input-file type ``type_name``.

    A user's type (a class outside the ``neml2`` package) registers once its module is imported,
    and then works in input files like a built-in one. Registering the same name again replaces
    the earlier class (re-running a notebook cell), except that a user type may not take the name
    of a built-in type.
    """
    if not isinstance(type_name, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", type_name):
        raise ValueError(f"register_neml2_object: a type name is an identifier, got {type_name!r}")

    def deco(cls: type) -> type:
        if not isinstance(cls, type) or not callable(getattr(cls, "from_hit", None)):
            raise TypeError(
                f"register_neml2_object({type_name!r}) decorates a class with from_hit (a Model or HitObject), "
                f"got {cls!r}"
            )
        if not _builtin(cls):
            from neml2._manifest import MANIFEST

            prev = REGISTRY.get(type_name)
            if type_name in MANIFEST or (prev is not None and _builtin(prev)):
                raise ValueError(
                    f"register_neml2_object: '{type_name}' is a built-in type; register {cls.__qualname__} "
                    "under another name"
                )
        REGISTRY[type_name] = cls
        cls.TYPE_NAME = type_name  # type: ignore[attr-defined]
        return cls

    return deco


def _builtin(cls: type) -> bool:
    return cls.__module__ == "neml2" or cls.__module__.startswith("neml2.")


def type_class(type_name: str) -> type | None:
    """The class registered as ``type_name``: user types first, else the built-in one, imported on demand."""
    cls = REGISTRY.get(type_name)
    if cls is None:
        from neml2._manifest import MANIFEST

        entry = MANIFEST.get(type_name)
        if entry is not None:
            importlib.import_module("neml2." + entry[1])
        else:  # not a known built-in: make sure nothing registered since the manifest was written is missed
            from neml2._builtin_types import import_all

            import_all()
        cls = REGISTRY.get(type_name)
    return cls


def type_names(section: str | None = None) -> list[str]:
    """Every known type name (of ``section``), without importing the built-in ones."""
    from neml2._manifest import MANIFEST

    names = {n for n, (sec, _) in MANIFEST.items() if section is None or sec == section}
    names |= {n for n, c in REGISTRY.items() if section is None or getattr(c, "SECTION", None) == section}
    return sorted(names)


def registered(section: str | None = None) -> dict[str, type]:
    """Every registered type (of ``section``) with its class; imports the built-in ones it lists."""
    from neml2._manifest import MANIFEST

    if section is None:
        from neml2._builtin_types import import_all

        import_all()
    for module in {mod for sec, mod in MANIFEST.values() if sec == section}:
        importlib.import_module("neml2." + module)
    return {k: v for k, v in REGISTRY.items() if section is None or getattr(v, "SECTION", None) == section}


class InputFile:
    """A parsed input file; builds (and caches) the objects its blocks describe.

    ``settings`` holds the raw ``[Settings]`` values; ``example_batch_shape`` the parsed batch
    declaration (one :class:`~neml2.settings.BatchSpec`, a dict of them per variable, or None;
    :meth:`batch_spec` looks one variable up) and ``dynamic_batch`` its flag.
    """

    def __init__(
        self,
        root: nmhit.Node,
        path: str = "<string>",
        *,
        device: str | torch.device | None = None,
        dtype: str | torch.dtype | None = None,
        layout: _Layout | None = None,
    ) -> None:
        self.root = root
        self.path = path
        self._layout = layout
        self.blocks: dict[str, dict[str, nmhit.Node]] = {s: {} for s in SECTIONS}
        self._objects: dict[tuple[str, str], Any] = {}
        self._building: list[tuple[str, str]] = []
        self.example_batch_shape: BatchSpec | dict[str, BatchSpec] | None = None
        self.dynamic_batch = False
        try:
            self.device = None if device is None else torch.device(device)
            self.dtype = None if dtype is None else parse_dtype(dtype)
        except (RuntimeError, ValueError) as e:
            raise InputError(str(e), file=path) from None
        try:
            self._read_sections()
            self.settings = self._read_settings()
        except InputError as e:
            raise self._relocate(e) from None

    def _relocate(self, err: InputError) -> InputError:
        """An error with its line given in the file (or ``pre`` / ``post`` snippet) it came from."""
        return err if self._layout is None else self._layout.relocate(err)

    def _read_sections(self) -> None:
        path = self.path
        for sec in self.root.children(nmhit.NodeType.Section):
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
                    first = self._relocate(InputError("", file=path, line=prev.line())).line
                    raise InputError(
                        f"duplicate block (first defined at line {first})",
                        file=path,
                        line=blk.line(),
                        block=f"{name}/{blk.path()}",
                    )
                self.blocks[name][blk.path()] = blk

    # ----------------------------------------------------------------- helpers
    def where(self, section: str, name: str) -> dict[str, Any]:
        node = self.blocks[section].get(name)
        return {"file": self.path, "block": f"{section}/{name}", "line": node.line() if node is not None else None}

    def batch_spec(self, variable: str | None = None) -> BatchSpec | None:
        """The declared example batch of ``variable`` (its history lags ``x~1`` share the
        declaration of ``x``), the uniform declaration, or None when the file declares none."""
        spec = self.example_batch_shape
        if isinstance(spec, dict):
            if variable is None:
                return None
            return spec.get(variable, spec.get(variable.split("~")[0]))
        return spec

    def _read_settings(self) -> dict[str, Any]:
        node = self.root.find("Settings")
        out: dict[str, Any] = {}
        if node is None:
            return out
        lines = {}
        where = {"file": self.path, "block": "Settings"}
        for child in node.children(nmhit.NodeType.Field):
            out[child.path()] = child.param_str()
            lines[child.path()] = child.line()
        for sub in node.children(nmhit.NodeType.Section):
            lines[sub.path()] = sub.line()
            if sub.path() != "example_batch_shape":
                raise InputError(
                    f"unknown settings block{suggest(sub.path(), ['example_batch_shape'])}; "
                    "the only settings block is [example_batch_shape]",
                    line=sub.line(),
                    option=sub.path(),
                    **where,
                )
            if "example_batch_shape" in out:
                raise InputError(
                    "give example_batch_shape either as one value or as a per-variable block, not both",
                    line=sub.line(),
                    option="example_batch_shape",
                    **where,
                )
            out[sub.path()] = {c.path(): c.param_str() for c in sub.children(nmhit.NodeType.Field)}
            self.example_batch_shape = self._read_batch_block(sub, where)
        for key in out:
            if key not in KNOWN_SETTINGS:
                raise InputError(
                    f"unknown setting{suggest(key, KNOWN_SETTINGS)}; valid settings: {', '.join(KNOWN_SETTINGS)}",
                    line=lines.get(key),
                    option=key,
                    **where,
                )
        if isinstance(out.get("example_batch_shape"), str):
            try:
                self.example_batch_shape = parse_batch_spec(out["example_batch_shape"])
            except ValueError as e:
                line = lines["example_batch_shape"]
                raise InputError(str(e), line=line, option="example_batch_shape", **where) from None
        if "dynamic_batch" in out:
            flag = out["dynamic_batch"].lower()
            if flag not in _BOOL:
                raise InputError(
                    f"expected true/false, got {out['dynamic_batch']!r}",
                    line=lines["dynamic_batch"],
                    option="dynamic_batch",
                    **where,
                )
            self.dynamic_batch = _BOOL[flag]
        key = "default_dtype" if out.get("default_dtype") else "dtype"
        dtype = out.get(key)
        if dtype:
            try:
                value = parse_dtype(dtype)
            except ValueError as e:
                raise InputError(str(e), line=lines.get(key), option=key, **where) from None
            settings.set_default_dtype(value)
        device = out.get("default_device") or out.get("device")
        if device:
            try:
                torch.set_default_device(torch.device(device))
            except RuntimeError as e:
                raise InputError(
                    f"invalid device {device!r}: {e}",
                    line=lines.get("default_device") or lines.get("device"),
                    option="default_device" if "default_device" in out else "device",
                    **where,
                ) from None
        return out

    def _read_batch_block(self, sub: nmhit.Node, where: dict[str, Any]) -> dict[str, BatchSpec]:
        """The per-variable ``[example_batch_shape]`` block; a lag ``x~1`` must agree with ``x``."""
        specs: dict[str, BatchSpec] = {}
        for c in sub.children(nmhit.NodeType.Field):
            option = f"example_batch_shape/{c.path()}"
            try:
                specs[c.path()] = parse_batch_spec(c.param_str())
            except ValueError as e:
                raise InputError(str(e), line=c.line(), option=option, **where) from None
        for c in sub.children(nmhit.NodeType.Field):
            name = c.path()
            base = name.split("~")[0]
            if base != name and base in specs and specs[base].sub != specs[name].sub:
                raise InputError(
                    f"history lag '{name}' declares sub-batch {specs[name].sub}, "
                    f"but '{base}' declares {specs[base].sub}",
                    line=c.line(),
                    option=f"example_batch_shape/{name}",
                    **where,
                )
        return specs

    def _get(self, section: str, name: str) -> Any:
        key = (section, name)
        if key in self._objects:
            return self._objects[key]
        if self._building:
            return self._get_nested(section, name)
        saved = settings.default_dtype
        if self.dtype is not None:
            settings.set_default_dtype(self.dtype)
        try:
            return self._get_nested(section, name)
        except InputError as e:
            raise self._relocate(e) from None
        finally:
            settings.set_default_dtype(saved)

    def _get_nested(self, section: str, name: str) -> Any:
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
        if self.device is not None or self.dtype is not None:
            obj = _place(obj, self.device, self.dtype)
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
        cls = type_class(type_name)
        if cls is None:
            raise InputError(
                f"unknown type '{type_name}'{suggest(type_name, type_names(section))}", option="type", **where
            )
        if getattr(cls, "SECTION", None) != section:
            raise InputError(f"type '{type_name}' belongs in [{cls.SECTION}], not [{section}]", option="type", **where)
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
        """Globals for ``[Tensors]`` Python expressions: every public name of ``neml2.types``,
        ``torch``, ``math`` and ``np`` (numpy)."""
        import numpy as np

        import neml2.types as types

        ns: dict[str, Any] = {"torch": torch, "math": math, "np": np}
        ns.update({k: getattr(types, k) for k in types.__all__})
        return ns


def _place(obj: Any, device: torch.device | None, dtype: torch.dtype | None) -> Any:
    """``obj`` on ``device`` in ``dtype`` (floating tensors only): models and typed tensors."""
    from neml2.types import TensorWrapper

    if isinstance(obj, TensorWrapper):
        data = obj.data
        return obj.to(device=device, dtype=dtype if data.is_floating_point() else None)
    if isinstance(obj, torch.nn.Module):
        return obj.to(device=device) if dtype is None else obj.to(device=device, dtype=dtype)
    return obj


class _TensorScope(dict):
    """Locals for Python expressions: other [Tensors] entries resolve by bare name."""

    def __init__(self, factory: InputFile) -> None:
        super().__init__()
        self.factory = factory

    def __missing__(self, key: str) -> Any:
        if self.factory.has_tensor(key):
            return self.factory.get_tensor(key)
        raise KeyError(key)


def load_input(
    path: str | Path,
    overrides: Sequence[str] | None = None,
    *,
    pre: Sequence[str] = (),
    post: Sequence[str] = (),
    additional_args: Sequence[str] = (),
    device: str | torch.device | None = None,
    dtype: str | torch.dtype | None = None,
) -> InputFile:
    """Parse an input file.

    ``pre`` / ``post`` are HIT snippets parsed before / after the file (so ``pre=("nbatch=8",)``
    defines a ``${nbatch}`` the file uses); ``additional_args`` are command-line style overrides
    applied last (``Models/m/E:=1`` or ``Models/m/E=1``, ``nbatch=64``). ``overrides`` is the
    same as ``additional_args``. ``device`` / ``dtype`` place every object built from the file.
    """
    path = str(path)
    if not Path(path).exists():
        raise InputError(f"input file not found: {path}")
    text = Path(path).read_text(errors="replace")
    return _parse(path, text, pre, post, [*(overrides or ()), *additional_args], device, dtype, on_disk=True)


def load_string(
    text: str,
    path: str = "<string>",
    *,
    pre: Sequence[str] = (),
    post: Sequence[str] = (),
    additional_args: Sequence[str] = (),
    device: str | torch.device | None = None,
    dtype: str | torch.dtype | None = None,
) -> InputFile:
    """Parse input-file text (``path`` names it in error messages); keywords as in :func:`load_input`."""
    return _parse(path, text, pre, post, list(additional_args), device, dtype, on_disk=False)


def _override(arg: str) -> str:
    """A command-line assignment as a HIT override: ``a/b=1`` becomes ``a/b:=1``."""
    if ":=" in arg or "=" not in arg or arg.lstrip().startswith("["):
        return arg
    return arg.replace("=", ":=", 1)


class _Layout:
    """Which snippet each line of the parsed text came from: nmhit parses ``pre``, the file and
    ``post`` as one text (snippets joined by newlines, the file between ``pre`` and ``post``)."""

    def __init__(self, path: str, text: str, pre: Sequence[str], post: Sequence[tuple[str, str]]) -> None:
        self.path = path
        self.segments: list[tuple[str, int, int]] = []  # (label, first line, last line)
        line = 1
        for i, snippet in enumerate(pre):
            n = snippet.count("\n") + 1
            self.segments.append((f"pre[{i}]", line, line + n - 1))
            line += n
        self.file_first = line
        line += text.count("\n") + 1
        for label, snippet in post:
            n = snippet.count("\n") + 1
            self.segments.append((label, line, line + n - 1))
            line += n
        parts = [*pre, text, *(s for _, s in post)] if post else [*pre, text]
        self.text = "\n".join(parts)

    def locate(self, line: int) -> tuple[str, int]:
        """(file or snippet label, line in it) of a line of the joined text."""
        for label, first, last in self.segments:
            if first <= line <= last:
                return label, line - first + 1
        return self.path, line - self.file_first + 1

    def relocate(self, err: InputError) -> InputError:
        if getattr(err, "_relocated", False) or err.line is None or err.file != self.path:
            return err
        file, line = self.locate(err.line)
        out = InputError(err.reason, file=file, line=line, block=err.block, option=err.option, column=err.column)
        out._relocated = True  # type: ignore[attr-defined]
        return out


def _parse(
    path: str,
    text: str,
    pre: Sequence[str],
    post: Sequence[str],
    args: Sequence[str],
    device: str | torch.device | None,
    dtype: str | torch.dtype | None,
    *,
    on_disk: bool,
) -> InputFile:
    pre = [str(s) for s in pre]
    tail = [(f"post[{i}]", str(s)) for i, s in enumerate(post)]
    tail += [(f"additional_args[{i}]", _override(str(s))) for i, s in enumerate(args)]
    layout = _Layout(path, text, pre, tail)
    try:
        if on_disk:
            root = nmhit.parse_file(path, pre=pre, post=[s for _, s in tail])
        else:
            # parsed from a file so that nmhit's syntax errors carry line numbers
            with tempfile.TemporaryDirectory() as tmp:
                f = Path(tmp) / "input.i"
                f.write_text(text)
                try:
                    root = nmhit.parse_file(str(f), pre=pre, post=[s for _, s in tail])
                except nmhit.Error as e:
                    raise nmhit.Error(str(e).replace(str(f), path)) from None
    except nmhit.Error as e:
        raise layout.relocate(_syntax_error(str(e), path, layout.text)) from None
    _check_substitutions(root, path, layout)
    return InputFile(root, path, device=device, dtype=dtype, layout=layout)


def _fields(node: nmhit.Node) -> Iterator[nmhit.Node]:
    for child in node.children():
        if child.type() == nmhit.NodeType.Field:
            yield child
        elif child.type() == nmhit.NodeType.Section:
            yield from _fields(child)


_UNDEFINED = re.compile(r"no parameter '([^']*)' found")


def _check_substitutions(root: nmhit.Node, path: str, layout: _Layout) -> None:
    """Evaluate every ``${...}`` once, so an undefined variable is an error naming its line."""
    for field in _fields(root):
        try:
            field.param_str()
        except nmhit.Error as e:
            raw = str(field.raw_val())
            m = _UNDEFINED.search(str(e))
            command = m[1].split()[0] if m and m[1].split() else ""
            if command in ("fparse", "units", "env", "replace"):
                reason = f"brace expression '${{{command} ...}}' is not supported (only ${{name}} and ${{raw ...}})"
            elif m:
                reason = f"undefined variable '{m[1]}' in {raw}"
            else:
                reason = f"{e} in {raw}"
            parent = field.parent()
            block = parent.fullpath() if parent is not None and parent.type() == nmhit.NodeType.Section else None
            raise layout.relocate(
                InputError(reason, file=path, line=field.line(), block=block or None, option=field.path())
            ) from None


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


def load_model(
    path: str | Path, name: str, *, device: str | torch.device | None = None, dtype: str | torch.dtype | None = None
) -> Any:
    """The model ``name`` of an input file, moved to ``device`` / ``dtype`` when given."""
    return load_input(path, device=device, dtype=dtype).get_model(name)


def load_nonlinear_system(
    path: str | Path, name: str, *, device: str | torch.device | None = None, dtype: str | torch.dtype | None = None
) -> Any:
    """The [EquationSystems] block ``name`` of an input file, moved to ``device`` / ``dtype`` when given."""
    return load_input(path, device=device, dtype=dtype).get_equation_system(name)
