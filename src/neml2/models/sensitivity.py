"""The typed derivative surface of a model: ``jvp`` and ``jacobian`` keyed by variable name.

Thin wrappers over the chain rule (``model(*inputs, v=...)``), the same calls the compiled and
embedded runtimes expose: ``outputs, jvp = model.jvp(inputs, tangents)`` and
``outputs, J = model.jacobian(inputs)`` with ``J[output][input]`` a :class:`~neml2.types.Tensor`
block of shape ``(*batch, *sub_batch, *out_base, *in_base)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from neml2.errors import InputError
from neml2.models.dense_jacobian import seeded_jacobian, site_size
from neml2.types import Tensor, TensorWrapper
from neml2.types._base import broadcast_shapes

_SEED = "__d__"


def _typed(model: Any, what: str, given: Mapping[str, Any], *, complete: bool) -> dict[str, TensorWrapper]:
    """``given`` as wrappers of the input types (raw tensors and numbers wrapped); names checked."""
    if not isinstance(given, Mapping):
        raise InputError(f"{what} must be a dict keyed by input variable name, got {type(given).__name__}")
    unknown = [n for n in given if n not in model.input_spec]
    if unknown:
        raise InputError(f"unknown {what} {', '.join(map(repr, unknown))}; inputs: {', '.join(model.input_spec)}")
    missing = [n for n in model.input_spec if n not in given] if complete else []
    if missing:
        raise InputError(f"missing {what} {', '.join(map(repr, missing))}")
    out = {}
    for n, value in given.items():
        t = model.input_spec[n]
        if isinstance(value, TensorWrapper):
            out[n] = value
        else:
            data = torch.as_tensor(value, dtype=torch.get_default_dtype() if isinstance(value, (int, float)) else None)
            out[n] = t(data)
    return out


def _with_k(w: TensorWrapper, data: torch.Tensor) -> TensorWrapper:
    return w._new(data, k_ndim=1)


def _call(model: Any, args: dict[str, TensorWrapper], v: dict[str, Any]) -> Any:
    """``(*outputs, v_out)`` of ``model`` at ``args`` with the tangents ``v``."""
    return model(*[args[n] for n in model.input_spec], v=v)


def jvp(
    model: Any, inputs: Mapping[str, Any], tangents: Mapping[str, Any]
) -> tuple[dict[str, TensorWrapper], dict[str, TensorWrapper]]:
    """Outputs and their directional derivatives along ``tangents`` (each of the output's type)."""
    args = _typed(model, "input", inputs, complete=True)
    dirs = _typed(model, "tangent", tangents, complete=False)
    v = {n: {_SEED: _with_k(t, t.data[None])} for n, t in dirs.items()}
    *values, v_out = _call(model, args, v)
    outs = dict(zip(model.output_spec, values))
    jv = {}
    for o, w in outs.items():
        d = v_out.get(o, {}).get(_SEED)
        jv[o] = w._new(torch.zeros_like(w.data)) if d is None else w._new(d.data[0].expand_as(w.data))
    return outs, jv


def jacobian(
    model: Any, inputs: Mapping[str, Any], sites: Mapping[str, tuple[int, ...]] | None = None
) -> tuple[dict[str, TensorWrapper], dict[str, dict[str, Tensor]]]:
    """Outputs and every ``d output / d input`` block (at the outputs' batch, broadcast).

    An input's seeds span its base only, so a sub-batched input gets its per-site derivatives;
    one named in ``sites`` (its sub-batch shape) is seeded at every site separately instead, its
    blocks ``(*batch, *out_sub, *out_base, *sites, *in_base)`` coupling every output site to every
    input site."""
    sites = sites or {}
    args = _typed(model, "input", inputs, complete=True)
    like = next(iter(args.values())).data if args else torch.zeros(())
    columns = {n: (t, tuple(sites.get(n, ()))) for n, t in model.input_spec.items()}
    outs, _, full = seeded_jacobian(lambda v: _call(model, args, v), list(model.output_spec), columns, None, like)
    shape = broadcast_shapes(*(w.dynamic_batch_shape for w in outs.values()))
    J: dict[str, dict[str, Tensor]] = {}
    row = 0
    for o, w in outs.items():
        rows, col = site_size((type(w), tuple(w.sub_batch_shape))), 0
        J[o] = {}
        for n, (t, sub) in columns.items():
            cols = site_size((t, sub))
            block = full[:, row : row + rows, col : col + cols]
            block = block.reshape(*shape, *w.sub_batch_shape, *w.BASE_SHAPE, *sub, *t.BASE_SHAPE)
            base = w.base_ndim + len(sub) + len(t.BASE_SHAPE)
            J[o][n] = Tensor(block, base_ndim=base, sub_batch_ndim=w.sub_batch_ndim)
            col += cols
        row += rows
    return outs, J
