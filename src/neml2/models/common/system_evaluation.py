"""Evaluating a NonlinearSystem at a flat vector of unknowns: the unknowns as typed inputs of its
model, forward-mode seeds on them, and the residual rows and Jacobian columns gathered back.

Shared by ImplicitUpdate (the Newton residual of every implicit model) and the pyzag factory
(which seeds the unknowns and their old values ``u~1`` together)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from neml2.errors import NEML2Error
from neml2.models.chain_rule import seeds
from neml2.types import TensorWrapper
from neml2.types._base import expand_groups

#: the seed leaf of the unknowns in the model's tangents
SEED = "__unknowns__"


def _flat(w: TensorWrapper, batch: tuple[int, ...], n: int) -> torch.Tensor:
    """Data with the (broadcast) batch axes expanded and flattened into one axis of size n."""
    tail = w.data.shape[w.k_ndim + w.dynamic_batch_ndim :]
    data = w.batch_expand(batch).data if w.dynamic_batch_shape != batch else w.data
    return data.reshape(*w.data.shape[: w.k_ndim], n, *tail)


def _unflatten(w: TensorWrapper, shape: tuple[int, ...]) -> TensorWrapper:
    """``w`` (one flat batch axis after its K axes) with that axis reshaped to ``shape``."""
    if len(shape) == 1:
        return w
    d = w.data
    return w._new(d.reshape(*d.shape[: w.k_ndim], *shape, *d.shape[w.k_ndim + 1 :]))


def _rows(w: TensorWrapper, shape: tuple[int, ...], sub: tuple[int, ...], N: int, size: int) -> torch.Tensor:
    """``w`` (K axes, batch ``shape``, sub-batch ``sub``, base; any of them broadcast) as ``(*K, N, size)``."""
    d = expand_groups(w, w.k_ndim, len(shape), len(sub))
    K = tuple(d.shape[: w.k_ndim])
    return d.expand((*K, *shape, *sub, *w.BASE_SHAPE)).reshape((*K, N, size))


def _site(t: type[TensorWrapper], data: torch.Tensor, sub: tuple[int, ...], k_ndim: int = 0) -> TensorWrapper:
    """``data`` (``*K, *batch, prod(sub) * base``) as a ``t`` with ``sub`` as its sub-batch axes."""
    out = object.__new__(t)
    TensorWrapper.__init__(
        out, data.reshape((*data.shape[:-1], *sub, *t.BASE_SHAPE)), sub_batch_ndim=len(sub), k_ndim=k_ndim
    )
    return out


def evaluate_system(
    system: Any,
    state: dict[str, TensorWrapper],
    v: dict[str, dict[str, TensorWrapper]],
    xs: Sequence[tuple[str, torch.Tensor]],
    shape: tuple[int, ...],
    *,
    call: Callable[[list[TensorWrapper], dict[str, Any]], Any] | None = None,
    who: str = "NonlinearSystem",
) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    """Residual ``(N, m)``, Jacobian ``(N, m, total)`` and residual tangents ``{leaf: (K, N, m)}``.

    ``state`` / ``v`` hold the model's other inputs and their tangents, of batch ``shape`` (``N``
    points); they are completed in place. Each ``(suffix, x)`` of ``xs`` places the unknowns ``x``
    ``(*shape or N, n)`` at the inputs ``<unknown><suffix>`` the model has, seeded on the columns
    ``[k n, (k + 1) n)`` of the Jacobian (``k``: its position, ``total = len(xs) n``). ``call(args, v)``
    runs the model (default ``model(*args, v=v)``); ``who`` names the caller when an input has no value."""
    model = system.model
    N = math.prod(shape)
    n = sum(system.unknown_sizes)
    total = n * len(xs)
    like = xs[0][1]
    layout = list(zip(system.unknowns, system.unknown_types, system.unknown_sizes, system.unknown_sub))
    for k, (suffix, x) in enumerate(xs):
        off = 0
        for u, t, s, sub in layout:
            name = u + suffix
            if name in model.input_spec:
                state[name] = _site(t, x[..., off : off + s].reshape(*shape, s), sub)
                v[name] = {SEED: seeds(t, total=total, offset=k * n + off, dtype=x.dtype, device=x.device, sub=sub)}
            off += s
    try:
        args = [state[name] for name in model.input_spec]
    except KeyError:
        missing = [name for name in model.input_spec if name not in state]
        raise NEML2Error(f"{who}: no value for the inputs {', '.join(missing)}") from None
    *outs, v_out = model(*args, v=v) if call is None else call(args, v)
    out = dict(zip(model.output_spec, outs))
    rs, Js = [], []
    leaves = {leaf for r in system.residuals for leaf in v_out.get(r, {}) if leaf != SEED}
    rv: dict[str, list[torch.Tensor]] = {leaf: [] for leaf in leaves}
    for r, s, sub in zip(system.residuals, system.residual_sizes, system.residual_sub):
        rs.append(_rows(out[r], shape, sub, N, s))
        tr = v_out.get(r, {})
        jt = tr.get(SEED)
        if jt is None:
            Js.append(like.new_zeros(N, s, total))
        else:
            Js.append(_rows(jt, shape, sub, N, s).permute(1, 2, 0))
        for leaf in leaves:
            t = tr.get(leaf)
            rv[leaf].append(None if t is None else _rows(t, shape, sub, N, s))  # type: ignore[arg-type]
    rvs = {}
    for leaf, parts in rv.items():
        K = next(p.shape[0] for p in parts if p is not None)
        rvs[leaf] = torch.cat(
            [
                (p if p is not None else like.new_zeros(K, N, s)).expand(K, N, s)
                for p, s in zip(parts, system.residual_sizes)
            ],
            dim=-1,
        )
    return torch.cat(rs, dim=-1), torch.cat(Js, dim=1), rvs
