"""The example batch a compile traces, from an input file's ``[Settings]`` (docs/aoti_artifacts.md)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from neml2.errors import InputError

_EXAMPLE_BATCH = 8  # the traced batch when the input file declares none


@dataclass(frozen=True)
class ExampleBatch:
    """The batch a compile traces, from ``[Settings]``: ``dynamic`` the example dynamic batch shape
    (its size ``n`` seeds the trace), ``sub`` the declared sub-batch shape of each variable that has
    one (baked into the graphs), ``dynamic_batch`` whether the artifact serves any batch size (else
    only ``n`` points, refused otherwise by the graphs themselves)."""

    dynamic: tuple[int, ...] = (_EXAMPLE_BATCH,)
    sub: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    dynamic_batch: bool = True

    @property
    def n(self) -> int:
        return math.prod(self.dynamic)

    @property
    def trace_n(self) -> int:
        """The traced size: ``n``, at least 2 (torch.export specializes a dynamic axis of size 0 or 1)."""
        return max(self.n, 2)

    def sub_of(self, name: str) -> tuple[int, ...]:
        return tuple(self.sub.get(name, ()))

    def boundary_sub(self, model: nn.Module, dtype: torch.dtype, device: torch.device) -> dict[str, tuple[int, ...]]:
        """The sub-batch shape of every boundary variable that has one: the declared ones of the
        inputs, the outputs' from an eager evaluation of ``model`` at the trace batch (at the example
        values, else at them scaled down when an implicit stage does not converge there)."""
        from neml2.aoti.segments import _example
        from neml2.errors import ConvergenceError

        subs = {n: self.sub_of(n) for n in model.input_spec if self.sub_of(n)}
        if not subs:
            return {}

        def run(scale: float) -> Any:
            ins = [
                t(
                    scale * _example(t, self.trace_n, dtype, device, subs.get(k, ()), k),
                    sub_batch_ndim=len(subs.get(k, ())),
                )
                for k, t in model.input_spec.items()
            ]
            with torch.no_grad():
                return model(*ins)

        try:
            out = run(1.0)
        except ConvergenceError:
            out = run(1e-4)
        out = out if isinstance(out, tuple) else (out,)
        for k, w in zip(model.output_spec, out, strict=True):
            if w.sub_batch_ndim:
                subs[k] = tuple(w.sub_batch_shape)
        return subs


def example_batch(factory: Any, model: nn.Module) -> ExampleBatch:
    """The example batch an input file declares for ``model`` (docs/aoti_artifacts.md): the uniform
    ``example_batch_shape`` or the broadcast of the per-variable ones over the model's inputs,
    sub-batch shapes per variable, and ``dynamic_batch``: the batch axis is dynamic unless the file
    says ``dynamic_batch = false``."""
    names = list(model.input_spec) + [n for n in model.output_spec if n not in model.input_spec]
    declared = {n: factory.batch_spec(n) for n in names}
    if isinstance(factory.example_batch_shape, dict):  # a name no part of the model has is a typo
        known = {v for m in model.modules() for spec in ("input_spec", "output_spec") for v in getattr(m, spec, {})}
        for n in factory.example_batch_shape:
            if n not in known and n.split("~")[0] not in known:
                raise InputError(
                    f"'{n}' is not a variable of model '{getattr(model, '_hit_name', 'model')}' "
                    f"(inputs: {', '.join(model.input_spec)}; outputs: {', '.join(model.output_spec)})",
                    file=factory.path,
                    block="Settings",
                    option=f"example_batch_shape/{n}",
                )
    uniform = factory.batch_spec()
    dyns = [s.dynamic for s in declared.values() if s is not None and s.dynamic]
    if uniform is not None and uniform.dynamic:
        dyns.append(uniform.dynamic)
    try:
        dynamic = tuple(torch.broadcast_shapes(*dyns)) if dyns else (_EXAMPLE_BATCH,)
    except RuntimeError:
        shapes = ", ".join(f"{n}: {s.dynamic}" for n, s in declared.items() if s is not None)
        raise InputError(
            f"the example batch shapes do not broadcast ({shapes})",
            file=factory.path,
            block="Settings",
            option="example_batch_shape",
        ) from None
    sub = {n: tuple(s.sub) for n, s in declared.items() if s is not None and s.sub}
    static = "dynamic_batch" in factory.settings and not factory.dynamic_batch
    if static and math.prod(dynamic) < 1:
        raise InputError(
            f"dynamic_batch = false needs an example batch of at least one point, got {dynamic}",
            file=factory.path,
            block="Settings",
            option="example_batch_shape",
        )
    return ExampleBatch(dynamic, sub, not static)
