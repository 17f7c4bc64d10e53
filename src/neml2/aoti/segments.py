"""The graphs of a stage (``Segment``): forward, dense Jacobian, Newton predictor, residual and
sensitivity, each taking its tensors positionally at ``(N, *base)``; and the example tensors traced."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

import torch
from torch import nn

from neml2.aoti.batch_settings import ExampleBatch
from neml2.aoti.parameters import Promoted, _swapped
from neml2.aoti.stages import Stage
from neml2.models.dense_jacobian import LEAF, Site, seed_columns, seeded_jacobian, site_size
from neml2.solvers.site_blocks import SiteBlockJacobian
from neml2.types import TensorWrapper


def _size(t: type[TensorWrapper]) -> int:
    return site_size((t, ()))


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
        N = tensors[0].shape[0]
        rows = {n: (self.types[n], self.batch.sub_of(n)) for n in self.stage.outputs}
        out, _, J = seeded_jacobian(
            lambda v: self.body(*ins.values(), v=v), self.stage.outputs, self._columns(), (N,), tensors[0], rows=rows
        )
        return (*(_values(w, N) for w in out.values()), J.contiguous())

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
        """``r (N, n)`` and ``dr/dx``: dense ``(N, n, n)``, or for a system of ``block`` groups its
        per-site blocks ``A (N, G, k, k)`` (then ``B``, ``C``, ``D`` with dense unknowns)."""
        *given, x = tensors
        r, J, _ = self.body._evaluate(self._typed(given), x, blocks=True)
        parts = J.parts() if isinstance(J, SiteBlockJacobian) else (J,)
        return r.contiguous(), *(t.contiguous() for t in parts)

    def _sensitivity(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        *given, x = tensors
        N, n = x.shape
        columns = self._columns()
        total = sum(site_size(s) for s in columns.values())
        # seeds with the batch axis: the residual's tangents then always carry it
        tangents = {
            k: {leaf: s._new(s.data.unsqueeze(1).expand(total, N, *s.data.shape[1:])) for leaf, s in d.items()}
            for k, d in seed_columns(columns, x).items()
        }
        _, _, rv = self.body._evaluate(self._typed(given), x, tangents)
        Jg = rv.get(LEAF)
        if Jg is None:
            return (x.new_zeros(N, n, total),)
        return (Jg.expand(total, N, n).permute(1, 2, 0).contiguous(),)

    def _columns(self) -> dict[str, Site]:
        """The dense derivatives' columns: every input of the graph, each site of a per-site input
        its own columns."""
        return {n: (self.types[n], self.batch.sub_of(n)) for n in self.names}


def _example(
    t: type[TensorWrapper],
    n: int,
    dtype: torch.dtype,
    device: torch.device,
    sub: tuple[int, ...] = (),
    name: str = "",
) -> torch.Tensor:
    """Example values of variable ``name`` for a trace: positive, and distinct between variables (two
    equal times would make a rate model's step degenerate)."""
    g = torch.Generator().manual_seed(n + zlib.crc32(name.encode()))
    x = 0.1 + torch.rand(n, *sub, *t.BASE_SHAPE, generator=g, dtype=torch.float64)
    return x.to(dtype=dtype, device=device)
