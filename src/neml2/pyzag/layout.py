"""Flat layouts of named variables: how ``NEML2PyzagModel`` packs states and forces for pyzag.

pyzag integrates one flat vector per batch member and step: the state ``(..., nstate)`` (the
system's unknowns, in order) and the forces ``(..., nforce)`` (the given inputs, each at the
current step; a lagged input ``x~1`` is the force ``x`` one step back). A variable with sub-batch
axes takes ``prod(sub) * prod(base)`` components.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import torch

from neml2.errors import NEML2Error
from neml2.types import TensorWrapper


@dataclass
class Layout:
    """Names, tensor types and sub-batch shapes of the variables of one flat vector."""

    names: list[str]
    types: list[type[TensorWrapper]]
    subs: list[tuple[int, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.subs:
            self.subs = [() for _ in self.names]

    def vars(self) -> list[str]:
        return list(self.names)

    def var_size(self, name: str) -> int:
        i = self._index(name)
        return math.prod(self.subs[i]) * math.prod(self.types[i].BASE_SHAPE)

    def var_type(self, name: str) -> type[TensorWrapper]:
        return self.types[self._index(name)]

    def var_sub(self, name: str) -> tuple[int, ...]:
        return self.subs[self._index(name)]

    @property
    def size(self) -> int:
        return sum(self.var_size(n) for n in self.names)

    def offsets(self) -> dict[str, slice]:
        out, off = {}, 0
        for n in self.names:
            s = self.var_size(n)
            out[n] = slice(off, off + s)
            off += s
        return out

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise NEML2Error(f"no variable '{name}' in the layout (variables: {', '.join(self.names)})") from None

    def assemble(
        self, values: Mapping[str, torch.Tensor | TensorWrapper], dynamic_dim: int | None, what: str
    ) -> torch.Tensor:
        """``values`` (one raw or typed tensor per variable) as one flat ``(*batch, size)`` tensor.

        A tensor's leading ``dynamic_dim`` axes are batch axes (by default all but the variable's
        sub-batch and base axes); the axes between them and the base are the variable's sub-batch
        axes, which are recorded in the layout. Batch shapes broadcast."""
        missing = [n for n in self.names if n not in values]
        unknown = [n for n in values if n not in self.names]
        if missing or unknown:
            parts = [
                f"missing {', '.join(missing)}" if missing else "",
                f"unknown {', '.join(unknown)}" if unknown else "",
            ]
            raise NEML2Error(f"{what}: {'; '.join(p for p in parts if p)} (expected exactly: {', '.join(self.names)})")
        flat: list[torch.Tensor] = []
        for i, name in enumerate(self.names):
            v = values[name]
            data = v.data if isinstance(v, TensorWrapper) else torch.as_tensor(v)
            base = self.types[i].BASE_SHAPE
            if tuple(data.shape[data.dim() - len(base) :]) != tuple(base):
                raise NEML2Error(
                    f"{what}: '{name}' is a {self.types[i].__name__} (base shape {tuple(base)}), "
                    f"got a tensor of shape {tuple(data.shape)}"
                )
            nb = data.dim() - len(base) - len(self.subs[i]) if dynamic_dim is None else dynamic_dim
            if nb < 0 or nb > data.dim() - len(base):
                raise NEML2Error(f"{what}: '{name}' of shape {tuple(data.shape)} has no {nb} batch axes")
            self.subs[i] = tuple(data.shape[nb : data.dim() - len(base)])
            flat.append(data.reshape(*data.shape[:nb], -1) if data.dim() > nb else data.reshape(*data.shape, 1))
        batch = torch.broadcast_shapes(*(f.shape[:-1] for f in flat))
        return torch.cat([f.expand(*batch, f.shape[-1]) for f in flat], dim=-1)

    def split(self, flat: torch.Tensor) -> dict[str, TensorWrapper]:
        """The typed variables of a flat ``(*batch, size)`` tensor (sub-batch axes restored)."""
        out = {}
        for i, (name, sl) in enumerate(self.offsets().items()):
            t, sub = self.types[i], self.subs[i]
            data = flat[..., sl].reshape(*flat.shape[:-1], *sub, *t.BASE_SHAPE)
            w = object.__new__(t)
            TensorWrapper.__init__(w, data, sub_batch_ndim=len(sub))
            out[name] = w
        return out
