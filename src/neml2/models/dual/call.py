"""dual_call: a leaf's value expression evaluated on dual inputs (first and second order)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from neml2.models.chain_rule import Local, tangent_result
from neml2.models.dual.tensor import (
    Array,
    DualTensor,
    _make,
    _split,
)
from neml2.types import TensorWrapper
from neml2.types._base import expand_groups
from neml2.types.functions import fullify


# ---------------------------------------------------------------- leaf evaluation
def _tangent_data(t: TensorWrapper, like: TensorWrapper) -> tuple[torch.Tensor, int]:
    """A tangent wrapper's data with its groups padded to ``like``'s layout (K axes kept)."""
    t = fullify(t)
    k = t.k_ndim
    return expand_groups(t, k, like.dynamic_batch_ndim, like.sub_batch_ndim), k


def _widen(x: TensorWrapper, ts: list[TensorWrapper]) -> TensorWrapper:
    """``x`` with the dynamic batch axes its tangents have and it lacks (broadcast views)."""
    b = max([x.dynamic_batch_ndim, *(t.dynamic_batch_ndim for t in ts)])
    s = max([x.sub_batch_ndim, *(t.sub_batch_ndim for t in ts)])
    if b == x.dynamic_batch_ndim and s == x.sub_batch_ndim:
        return x
    return x._new(expand_groups(x, 0, b, s), sub_batch_ndim=s)


def _lift(
    x: TensorWrapper,
    v: Mapping[str, TensorWrapper] | None,
    vh: Mapping[str, TensorWrapper] | None,
    v2: Mapping[str, Mapping[str, TensorWrapper]] | None,
    second: bool,
) -> tuple[TensorWrapper, dict[str, Any]]:
    """``x`` as a wrapper over dual data: first order ``x + eps v``; second order
    ``(x + eps1 v) + eps2 (vh + eps1 v2)`` (outer level over ``vh`` leaves, inner over ``v``)."""
    v, vh, v2 = v or {}, vh or {}, v2 or {}
    inner = [*v.values(), *vh.values(), *(t for d in v2.values() for t in d.values())]
    x = _widen(x, inner)
    meta: dict[str, Any] = {}
    for leaf, t in [*v.items(), *vh.items()]:
        meta.setdefault(leaf, (t.k_state, t.k_pairing))
    tv = {leaf: _tangent_data(t, x) for leaf, t in v.items()}
    p = _make(x.data, {n: d for n, (d, _) in tv.items()}, {n: k for n, (_, k) in tv.items()})
    if not second:
        return x._new(p), meta
    outer_t: dict[str, Array] = {}
    outer_k: dict[str, int] = {}
    outer = dict.fromkeys([*vh, *(b for per_b in v2.values() for b in per_b)])
    for b in outer:
        if b in vh:
            db, kb = _tangent_data(vh[b], x)
        else:  # a v2 pair whose right leaf carries no vh tangent here: only the y' v2 term
            a, t2 = next((a, per_b[b]) for a, per_b in v2.items() if b in per_b)
            kb = t2.k_ndim - v[a].k_ndim
            db = x.data.new_zeros(tuple(fullify(t2).data.shape[v[a].k_ndim : t2.k_ndim]) + tuple(x.data.shape))
            meta.setdefault(b, (t2.k_state, t2.k_pairing))
        it: dict[str, Array] = {}
        ik: dict[str, int] = {}
        for a, per_b in v2.items():
            if b in per_b:
                t2 = fullify(per_b[b])
                ka = t2.k_ndim - kb
                it[a] = expand_groups(t2, t2.k_ndim, x.dynamic_batch_ndim, x.sub_batch_ndim)
                ik[a] = ka
        outer_t[b], outer_k[b] = _make(db, it, ik), kb
    return x._new(_make(p, outer_t, outer_k)), meta


def _tangent_wrapper(y: TensorWrapper, data: Any, k: int, meta: tuple) -> TensorWrapper:
    if isinstance(data, DualTensor):
        data = data.p
    return y._new(data, k_ndim=k, k_state=meta[0] if meta else (), k_pairing=())


def dual_call(
    model: Any,
    *args: TensorWrapper,
    v: Mapping[str, Mapping[str, TensorWrapper]] | None = None,
    v2: Mapping[str, Mapping[str, Mapping[str, TensorWrapper]]] | None = None,
    vh: Mapping[str, Mapping[str, TensorWrapper]] | None = None,
) -> Any:
    """A leaf called as ``model(*args, v=v[, v2=v2][, vh=vh])``, with the tangents derived from its
    value expression by dual numbers (the hand-written actions of its ``Local``\\ s are ignored).

    Returns what the model's own call returns: ``(*outputs, v_out[, v2_out[, vh_out]])``.
    Second order follows ``push2``: ``v2_out[y][a][b] = y''[v_a, vh_b] + y' v2[a][b]``, with
    ``vh`` defaulting to ``v``; tangents with ``k_pairing`` are spelled out (``fullify``) first.
    """
    if getattr(model, "_DIRECT", False):
        raise NotImplementedError(f"{type(model).__name__}.forward takes v itself; not a value-only leaf")
    args = model._wrap_inputs(args)
    v = v or {}
    second = v2 is not None or vh is not None
    right = v if vh is None else vh
    right_leaves = {leaf for per in right.values() for leaf in per}
    v2_pairs = {(a, b) for per in (v2 or {}).values() for a, d in per.items() for b in d}
    meta: dict[str, Any] = {}
    lifted = []
    for name, x in zip(model.input_spec, args):
        per_v2 = {a: d for a, d in (v2 or {}).get(name, {}).items()}
        y, m = _lift(x, v.get(name), right.get(name), per_v2, second)
        meta.update(m)
        lifted.append(y)
    depth = model.__dict__.get("_forward_depth", 0)
    model.__dict__["_forward_depth"] = depth + 1
    try:
        res = model.forward(*lifted)
    finally:
        model.__dict__["_forward_depth"] = depth
    locs = (res,) if isinstance(res, (Local, TensorWrapper)) else tuple(res)
    ys = [x.value if isinstance(x, Local) else x for x in locs]
    values, v_out, v2_out, vh_out = [], {}, {}, {}
    for name, y in zip(model.output_spec, ys):
        outer_p, outer_t, outer_k = _split(y.data) if second else (y.data, {}, {})
        p, t1, k1 = _split(outer_p)
        values.append(y._new(p))
        if t1:
            v_out[name] = {a: _tangent_wrapper(y, d, k1[a], meta.get(a)) for a, d in t1.items()}
        if second:
            h: dict[str, dict[str, TensorWrapper]] = {}
            th: dict[str, TensorWrapper] = {}
            for b, tb in outer_t.items():
                pb, tab, kab = _split(tb)
                if b in right_leaves:
                    th[b] = _tangent_wrapper(y, pb, outer_k[b], meta.get(b))
                for a, d in tab.items():
                    if b in right_leaves or (a, b) in v2_pairs:
                        h.setdefault(a, {})[b] = _tangent_wrapper(y, d, kab[a] + outer_k[b], meta.get(a))
            if h:
                v2_out[name] = h
            if th:
                vh_out[name] = th
    return tangent_result(values, v_out, v2_out, vh_out, v2=v2, vh=vh)
