"""Tangent propagation: forward-mode chain rule over typed wrappers with leading K axes.

A tangent of a variable of type T is a T whose data carries ``k_ndim`` leading seed
axes.  ``v[var][leaf]`` holds the tangent of ``var`` along the seeds of ``leaf``.
A leaf model states its local partial derivatives as *actions*: one function per
input (or parameter) mapping an incoming tangent to its contribution to an output.
The functions here apply those actions to first order (``v``) and second order
(``v2`` / ``vh``) and accumulate per seed leaf.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import torch

from neml2.types import TensorWrapper

ChainRuleAction = Callable[..., TensorWrapper]
SecondOrderChainRuleAction = Callable[..., TensorWrapper]
TangentAction = TensorWrapper
SecondOrderTangentAction = TensorWrapper
ChainRuleDict = dict[str, dict[str, TensorWrapper]]
SecondOrderChainRuleDict = dict[str, dict[str, dict[str, TensorWrapper]]]


class Local(NamedTuple):
    """A leaf output with its local partial derivatives.

    ``d1[key]`` maps an incoming tangent of input ``key`` to this output's tangent;
    ``d2[(i, j)]`` maps a pair of tangents ``(t_i, t_j)`` (K axes already outer-
    arranged) to the second-derivative contribution ``f''[t_i, t_j]``.  Keys are the
    schema's field names, parameter names or variable names.
    """

    value: TensorWrapper
    d1: Mapping[str, ChainRuleAction] = {}
    d2: Mapping[tuple[str, str], SecondOrderChainRuleAction] | None = None


def _accumulate(acc: dict[str, TensorWrapper], leaf: str, contribution: TensorWrapper) -> None:
    prev = acc.get(leaf)
    acc[leaf] = contribution if prev is None else prev + contribution


def retag(t: TensorWrapper, output: TensorWrapper | None) -> TensorWrapper:
    """Carry the output's sub-batch metadata onto a contribution."""
    if output is None or output.sub_batch_ndim == t.sub_batch_ndim:
        return t
    return t._new(t.data, sub_batch_ndim=output.sub_batch_ndim, sub_batch_state=output.sub_batch_state)


def push(
    v: Mapping[str, Mapping[str, TensorWrapper]],
    actions: Mapping[str, ChainRuleAction],
    output: TensorWrapper | None = None,
) -> dict[str, TensorWrapper]:
    """First-order push of tangents ``v`` through ``actions`` -> ``{leaf: tangent}``."""
    acc: dict[str, TensorWrapper] = {}
    for name, act in actions.items():
        tangents = v.get(name)
        if not tangents:
            continue
        for leaf, t in tangents.items():
            _accumulate(acc, leaf, act(t))
    if output is not None and output.sub_batch_ndim:
        acc = {k: retag(t, output) for k, t in acc.items()}
    return acc


def outer_k(a: TensorWrapper, b: TensorWrapper) -> tuple[TensorWrapper, TensorWrapper]:
    """Arrange two tangents' K axes as an outer product: ``(*Ka, 1.., ...)`` and ``(1.., *Kb, ...)``."""
    ka, kb = a.k_ndim, b.k_ndim
    da = a.data.reshape(a.data.shape[:ka] + (1,) * kb + a.data.shape[ka:])
    db = b.data.reshape((1,) * ka + tuple(b.data.shape))
    return a._new(da, k_ndim=ka + kb), b._new(db, k_ndim=ka + kb)


def push2(
    v: Mapping[str, Mapping[str, TensorWrapper]],
    v2: Mapping[str, Mapping[str, Mapping[str, TensorWrapper]]],
    actions_1: Mapping[str, ChainRuleAction],
    actions_2: Mapping[tuple[str, str], SecondOrderChainRuleAction] | None,
    vh: Mapping[str, Mapping[str, TensorWrapper]] | None = None,
) -> dict[str, dict[str, TensorWrapper]]:
    """Second-order push: ``g''(f)[v_a, vh_b] + g'(f) v2[a][b]`` -> ``{a: {b: tangent}}``."""
    out: dict[str, dict[str, TensorWrapper]] = {}
    for name, act in actions_1.items():
        for a, inner in (v2.get(name) or {}).items():
            acc = out.setdefault(a, {})
            for b, t in inner.items():
                _accumulate(acc, b, act(t))
    if actions_2:
        right = v if vh is None else vh
        pairs: dict[tuple[str, str], Callable[[TensorWrapper, TensorWrapper], TensorWrapper]] = {}
        for (i, j), act2 in actions_2.items():
            pairs[(i, j)] = act2
            if (j, i) not in actions_2:
                pairs[(j, i)] = lambda x, y, f=act2: f(y, x)
        for (i, j), act2 in pairs.items():
            vi, vj = v.get(i), right.get(j)
            if not vi or not vj:
                continue
            for a, ta in vi.items():
                acc = out.setdefault(a, {})
                for b, tb in vj.items():
                    xa, xb = outer_k(ta, tb)
                    _accumulate(acc, b, act2(xa, xb))
    return {a: d for a, d in out.items() if d}


def tangent_result(
    values: tuple[TensorWrapper, ...],
    v_out: ChainRuleDict,
    v2_out: SecondOrderChainRuleDict,
    vh_out: ChainRuleDict,
    *,
    v2: Any,
    vh: Any,
) -> tuple[Any, ...]:
    """``(*values, v_out[, v2_out[, vh_out]])``: the return shape mirrors what the caller asked for."""
    if vh is not None:
        return (*values, v_out, v2_out, vh_out)
    if v2 is not None:
        return (*values, v_out, v2_out)
    return (*values, v_out)


def equalize_tangent_K(contributions: list[TensorWrapper]) -> list[TensorWrapper]:
    """Tile compact-K contributions to the largest K storage so they can be summed."""
    if len(contributions) < 2:
        return contributions
    kn = max(c.k_ndim for c in contributions)
    target = [max(c.data.shape[i] if i < c.k_ndim else 1 for c in contributions) for i in range(kn)]
    out = []
    for c in contributions:
        shape = list(c.data.shape)
        if c.k_ndim == kn and all(shape[i] == target[i] for i in range(kn)):
            out.append(c)
            continue
        data = c.data.reshape(tuple(shape[: c.k_ndim]) + (1,) * (kn - c.k_ndim) + tuple(shape[c.k_ndim :]))
        data = data.expand(*target, *data.shape[kn:])
        out.append(c._new(data, k_ndim=kn))
    return out


def matvec(M: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """``M @ v`` over trailing ``(n_row, n_col)`` / ``(n_col,)`` dims (fusible by Inductor)."""
    return (M @ v.unsqueeze(-1)).squeeze(-1)


def seeds(
    type_cls: type[TensorWrapper],
    like: TensorWrapper | None = None,
    *,
    offset: int = 0,
    total: int | None = None,
    dtype: Any = None,
    device: Any = None,
    sub: tuple[int, ...] = (),
) -> TensorWrapper:
    """Identity seeds for a variable: K = its size (or ``total`` with this variable at ``offset``),
    the size counting every site of its sub-batch shape ``sub``.

    The result has K leading axis, the sub-batch axes ``sub`` and no batch axes (broadcasts
    against any batch).
    """
    n = 1
    for s in (*sub, *type_cls.BASE_SHAPE):
        n *= s
    total = n if total is None else total
    if like is not None:
        dtype, device = like.dtype, like.device
    eye = torch.zeros(total, n, dtype=dtype, device=device)
    eye[offset : offset + n] = torch.eye(n, dtype=dtype, device=device)
    data = eye.reshape(total, *sub, *type_cls.BASE_SHAPE)
    out = object.__new__(type_cls)
    TensorWrapper.__init__(out, data, sub_batch_ndim=len(sub), k_ndim=1)
    return out
