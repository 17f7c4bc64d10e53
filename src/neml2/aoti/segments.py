"""The graphs of a stage (``Segment``): forward, dense Jacobian, Newton predictor, residual and
sensitivity, each taking its tensors positionally at ``(N, *base)``; and the example tensors traced."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch
from torch import nn

from neml2.aoti.batch_settings import ExampleBatch
from neml2.aoti.parameters import Promoted, _swapped
from neml2.aoti.stages import Stage
from neml2.models.chain_rule import seeds
from neml2.types import TensorWrapper

_LEAF = "__in__"


def _size(t: type[TensorWrapper]) -> int:
    return math.prod(t.BASE_SHAPE)


def _rows(t: TensorWrapper, N: Any, size: int) -> torch.Tensor:
    """A tangent ``(K, [batch], *base)`` as ``(K, N, size)``."""
    d = t.base_flatten()
    if t.dynamic_batch_ndim == 0:
        d = d.unsqueeze(1)
    return d.expand(d.shape[0], N, size)


def _values(w: TensorWrapper, N: Any) -> torch.Tensor:
    """An output value at canonical ``(N, *sub_batch, *base)``."""
    return w.data.expand(N, *w.sub_batch_shape, *w.BASE_SHAPE).contiguous()


class Segment(nn.Module):
    """A graph: ``forward(*tensors, *promoted)`` with the body evaluated on typed inputs."""

    def __init__(
        self,
        stage: Stage,
        kind: str,
        types: dict[str, type[TensorWrapper]],
        promoted: list[Promoted],
        batch: ExampleBatch | None = None,
    ):
        super().__init__()
        self.body = stage.model
        self.stage, self.kind, self.types, self.promoted = stage, kind, types, promoted
        self.batch = batch or ExampleBatch()
        #: the variables the graph takes positionally (then ``x`` for the implicit residual kinds)
        self.names = stage.predictor_inputs if kind == "predictor" else stage.inputs
        self.n_in = len(self.names) + (1 if stage.kind == "implicit" and kind != "predictor" else 0)

    def forward(self, *args: torch.Tensor) -> tuple[torch.Tensor, ...]:
        tensors, params = args[: self.n_in], args[self.n_in :]
        if not self.batch.dynamic_batch and self.kind in ("forward", "jacobian"):
            # explicit stages only: Newton calls the implicit graphs on subsets (unconverged or
            # substepped points)
            n, shape = self.batch.n, self.batch.dynamic
            torch._assert_async(
                torch.tensor(tensors[0].shape[0] == n),
                f"neml2: this model was compiled for a batch of exactly {n} points (example_batch_shape "
                f"{shape} with dynamic_batch = false); recompile with dynamic_batch = true for other sizes",
            )
        with _swapped(self.promoted, params):
            return getattr(self, f"_{self.kind}")(*tensors)

    def _typed(self, tensors: Sequence[torch.Tensor]) -> dict[str, TensorWrapper]:
        return {
            n: self.types[n](x, sub_batch_ndim=len(self.batch.sub_of(n)))
            for n, x in zip(self.names, tensors, strict=True)
        }

    def _forward(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        ins = self._typed(tensors)
        out = self.body(*ins.values())
        out = out if isinstance(out, tuple) else (out,)
        N = tensors[0].shape[0]
        return tuple(_values(w, N) for w in out)

    def _jacobian(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        ins = self._typed(tensors)
        N, x = tensors[0].shape[0], tensors[0]
        total = sum(_size(self.types[n]) for n in ins)
        v, off = {}, 0
        for n in ins:
            t = self.types[n]
            v[n] = {_LEAF: seeds(t, total=total, offset=off, dtype=x.dtype, device=x.device)}
            off += _size(t)
        *out, v_out = self.body(*ins.values(), v=v)
        blocks = []
        for name, w in zip(self.stage.outputs, out, strict=True):
            tan = v_out.get(name, {}).get(_LEAF)
            size = _size(type(w))
            if tan is None:
                blocks.append(x.new_zeros(N, size, total))
            else:
                blocks.append(_rows(tan, N, size).permute(1, 2, 0))
        return (*(_values(w, N) for w in out), torch.cat(blocks, dim=1).contiguous())

    def _predictor(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """The Newton guess ``x0 (N, n)``: the predictor's unknowns, zero for the others."""
        N, sys = tensors[0].shape[0], self.body.system
        guess = self.body._predict(self._typed(tensors))
        cols = []
        for u, size in zip(sys.unknowns, sys.unknown_sizes, strict=True):
            w = guess.get(u)
            cols.append(tensors[0].new_zeros(N, size) if w is None else _values(w, N).reshape(N, size))
        return (torch.cat(cols, dim=1).contiguous(),)

    def _residual(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        *given, x = tensors
        r, J, _ = self.body._evaluate(self._typed(given), x)
        return r.contiguous(), J.contiguous()

    def _sensitivity(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        *given, x = tensors
        N, n = x.shape
        ins = self._typed(given)
        total = sum(_size(self.types[k]) for k in ins)
        tangents, off = {}, 0
        for k in ins:
            t = self.types[k]
            s = seeds(t, total=total, offset=off, dtype=x.dtype, device=x.device)
            # seeds with the batch axis: the residual's tangents then always carry it
            s = s._new(s.data.unsqueeze(1).expand(total, N, *t.BASE_SHAPE))
            tangents[k] = {_LEAF: s}
            off += _size(t)
        _, _, rv = self.body._evaluate(ins, x, tangents)
        Jg = rv.get(_LEAF)
        if Jg is None:
            return (x.new_zeros(N, n, total),)
        return (Jg.expand(total, N, n).permute(1, 2, 0).contiguous(),)


def _example(
    t: type[TensorWrapper], n: int, dtype: torch.dtype, device: torch.device, sub: tuple[int, ...] = ()
) -> torch.Tensor:
    g = torch.Generator().manual_seed(n)
    x = 0.1 + torch.rand(n, *sub, *t.BASE_SHAPE, generator=g, dtype=torch.float64)
    return x.to(dtype=dtype, device=device)
