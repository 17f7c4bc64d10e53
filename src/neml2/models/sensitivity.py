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
from neml2.models.chain_rule import seeds
from neml2.types import Tensor, TensorWrapper

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


def _call(model: Any, args: dict[str, TensorWrapper], v: dict[str, Any]) -> tuple[dict[str, TensorWrapper], dict]:
    *outs, v_out = model(*[args[n] for n in model.input_spec], v=v)
    return dict(zip(model.output_spec, outs)), v_out


def jvp(
    model: Any, inputs: Mapping[str, Any], tangents: Mapping[str, Any]
) -> tuple[dict[str, TensorWrapper], dict[str, TensorWrapper]]:
    """Outputs and their directional derivatives along ``tangents`` (each of the output's type)."""
    args = _typed(model, "input", inputs, complete=True)
    dirs = _typed(model, "tangent", tangents, complete=False)
    v = {n: {_SEED: _with_k(t, t.data[None])} for n, t in dirs.items()}
    outs, v_out = _call(model, args, v)
    jv = {}
    for o, w in outs.items():
        d = v_out.get(o, {}).get(_SEED)
        jv[o] = w._new(torch.zeros_like(w.data)) if d is None else w._new(d.data[0].expand_as(w.data))
    return outs, jv


def jacobian(model: Any, inputs: Mapping[str, Any]) -> tuple[dict[str, TensorWrapper], dict[str, dict[str, Tensor]]]:
    """Outputs and every ``d output / d input`` block."""
    args = _typed(model, "input", inputs, complete=True)
    sizes = {n: int(torch.Size(t.BASE_SHAPE).numel()) for n, t in model.input_spec.items()}
    M, off, v = sum(sizes.values()), 0, {}
    like = next(iter(args.values())).data if args else torch.zeros(())
    for n, t in model.input_spec.items():
        v[n] = {_SEED: seeds(t, total=M, offset=off, dtype=like.dtype, device=like.device)}
        off += sizes[n]
    outs, v_out = _call(model, args, v)
    J: dict[str, dict[str, Tensor]] = {}
    for o, w in outs.items():
        d = v_out.get(o, {}).get(_SEED)
        if d is None:
            full = w.data.new_zeros(M, *w.data.shape)
        else:  # seeds carry no batch axes: broadcast them in after the K axis
            lead = (1,) * (w.data.dim() + 1 - d.data.dim())
            full = d.data.reshape(M, *lead, *d.data.shape[1:]).expand(M, *w.data.shape)
        J[o], off = {}, 0
        for n, t in model.input_spec.items():
            block = full[off : off + sizes[n]].movedim(0, -1).reshape(*w.data.shape, *t.BASE_SHAPE)
            J[o][n] = Tensor(block, base_ndim=w.base_ndim + len(t.BASE_SHAPE), sub_batch_ndim=w.sub_batch_ndim)
            off += sizes[n]
    return outs, J
