"""Promoted parameters (``-p NAME``): graph inputs in place of baked constants, and the parameter
slots swapped / frozen while tracing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import torch
from torch import nn

from neml2.errors import InputError


@dataclass
class Promoted:
    """A parameter made a graph input: every ``(module, name)`` slot holding it."""

    name: str
    path: str
    slots: list[tuple[nn.Module, str]]

    @property
    def value(self) -> torch.Tensor:
        mod, name = self.slots[0]
        return mod._parameters[name]


def _parameter_table(model: nn.Module) -> dict[tuple[str, str], list[tuple[nn.Module, str]]]:
    """``(block, parameter) -> slots`` over the model tree (copies of one block share an entry)."""
    table: dict[tuple[str, str], list[tuple[nn.Module, str]]] = {}
    seen: set[int] = set()
    for prefix, mod in model.named_modules(remove_duplicate=False):
        if id(mod) in seen:
            continue
        seen.add(id(mod))
        block = getattr(mod, "_hit_name", None) or prefix or "model"
        for pname, p in mod._parameters.items():
            if p is not None:
                table.setdefault((block, pname), []).append((mod, pname))
    return table


def resolve_parameters(model: nn.Module, names: Sequence[str]) -> list[Promoted]:
    """``-p NAME`` -> promoted parameters; NAME is short (``E``), by block (``elasticity.E``) or the
    dotted ``named_parameters()`` path."""
    table = _parameter_table(model)
    full = dict(model.named_parameters())
    out: list[Promoted] = []
    for name in names:
        if "." in name:
            block, _, pname = name.rpartition(".")
            keys = [k for k in table if k == (block, pname)]
            if not keys and name in full:
                keys = [k for k, slots in table.items() if any(m._parameters[n] is full[name] for m, n in slots)]
        else:
            keys = [k for k in table if k[1] == name]
        if not keys:
            have = ", ".join(f"{b}.{p}" for b, p in table)
            raise InputError(f"no parameter named '{name}'; parameters: {have}")
        if len(keys) > 1:
            amb = ", ".join(f"{b}.{p}" for b, p in keys)
            raise InputError(f"parameter '{name}' is ambiguous ({amb}); name it by block, e.g. '{amb.split(',')[0]}'")
        ((block, pname),) = keys
        if any(p.name == name or p.path == f"{block}.{pname}" for p in out):
            raise InputError(f"parameter '{name}' is promoted twice")
        out.append(Promoted(name, f"{block}.{pname}", table[(block, pname)]))
    return out


@contextlib.contextmanager
def _swapped(promoted: Sequence[Promoted], values: Sequence[torch.Tensor]) -> Iterator[None]:
    """Put graph inputs in the slots of the promoted parameters for the duration of a call."""
    saved = []
    for p, v in zip(promoted, values, strict=True):
        for mod, name in p.slots:
            saved.append((mod, name, mod._parameters[name]))
            mod._parameters[name] = v
    try:
        yield
    finally:
        for mod, name, old in reversed(saved):
            mod._parameters[name] = old


@contextlib.contextmanager
def _frozen(model: nn.Module) -> Iterator[None]:
    """Parameters as constants while tracing (no autograd in the graphs)."""
    params = list(model.parameters())
    flags = [p.requires_grad for p in params]
    try:
        for p in params:
            p.requires_grad_(False)
        with torch.no_grad():
            yield
    finally:
        for p, f in zip(params, flags, strict=True):
            p.requires_grad_(f)
