"""Free functions over typed tensors: sub-batch reductions, K-pairing materialization, stack / cat / where.

``k_pairing`` convention (used by :func:`fullify`): a tuple of ``(k_axis, sub_axis)``
pairs.  K axis ``k_axis`` is stored with size 1 and stands for the diagonal
``delta(seed site, site)`` over sub-batch axis ``sub_axis`` (index inside the
sub-batch group): a per-site seed that only touches its own site, kept compact.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import torch

from ._base import TensorWrapper, align_groups, as_data, expand_groups, merge_meta
from .tensors import Scalar

T = TypeVar("T", bound=TensorWrapper)


def fullify(x: T) -> T:
    """Spell out the site-diagonal of every K axis paired with a sub-batch axis.

    Needed before an op mixes sites (a sum over sites, an inner product across them):
    each paired K axis is expanded to the sub-batch size ``n`` and masked with the
    ``n x n`` identity, and the pairing is dropped.  Identity when ``k_pairing`` is empty.
    """
    if not x.k_pairing:
        return x
    d = x.data
    for k_axis, sub_axis in x.k_pairing:
        s_dim = x.k_ndim + x.batch_ndim + sub_axis
        n = d.shape[s_dim]
        shape = [1] * d.dim()
        shape[k_axis] = shape[s_dim] = n
        d = d * torch.eye(n, dtype=d.dtype, device=d.device).reshape(shape)
    return x._new(d, k_pairing=())


def _drop(meta: tuple, keep: list[int], ndim: int) -> tuple:
    """Per-sub-batch-axis metadata restricted to the axes in ``keep``."""
    if len(meta) == ndim:
        return tuple(meta[i] for i in keep)
    return meta if keep else ()


def _reduce_sub_batch(x: T, dim: int | None, mean: bool) -> T:
    if x.sub_batch_ndim == 0:
        if dim is not None:
            raise ValueError(f"{type(x).__name__} has no sub-batch axis to reduce")
        return x
    x = fullify(x)
    n = x.sub_batch_ndim
    axes = list(range(n)) if dim is None else [dim % n]
    start = x.k_ndim + x.batch_ndim
    dims = [start + i for i in axes]
    data = x.data.mean(dims) if mean else x.data.sum(dims)
    keep = [i for i in range(n) if i not in axes]
    return x._new(
        data,
        sub_batch_ndim=len(keep),
        sub_batch_state=_drop(x.sub_batch_state, keep, n),
        sub_batch_meta=_drop(x.sub_batch_meta, keep, n),
    )


def sum_sub_batch(x: T, dim: int | None = None) -> T:
    """Sum over the sub-batch axes (all, or the one at ``dim`` within the sub-batch group)."""
    return _reduce_sub_batch(x, dim, mean=False)


def mean_sub_batch(x: T, dim: int | None = None) -> T:
    """Mean over the sub-batch axes (all, or the one at ``dim`` within the sub-batch group)."""
    return _reduce_sub_batch(x, dim, mean=True)


def _batch_axis(meta: dict[str, Any], batch_ndim: int, dim: int, extra: int) -> int:
    """Absolute data axis of batch axis ``dim`` (``extra`` = 1 for a new axis, as in ``stack``)."""
    size = batch_ndim + extra
    if not -size <= dim < size:
        raise IndexError(f"batch dim {dim} out of range for {batch_ndim} batch axes")
    return meta["k_ndim"] + dim % size


def stack(xs: Sequence[T], dim: int = 0) -> T:
    """Stack wrappers of one type along a new batch axis ``dim`` (groups broadcast first)."""
    datas, meta = align_groups(*xs)
    ax = _batch_axis(meta, max(x.batch_ndim for x in xs), dim, 1)
    return xs[0]._new(torch.stack(torch.broadcast_tensors(*datas), dim=ax), **meta)


def cat(xs: Sequence[T], dim: int = 0) -> T:
    """Concatenate wrappers of one type along the existing batch axis ``dim``."""
    datas, meta = align_groups(*xs)
    ax = _batch_axis(meta, max(x.batch_ndim for x in xs), dim, 0)
    shapes = [d.shape[:ax] + (1,) + d.shape[ax + 1 :] for d in datas]
    target = torch.broadcast_shapes(*shapes)
    datas = [d.expand(*target[:ax], d.shape[ax], *target[ax + 1 :]) for d in datas]
    return xs[0]._new(torch.cat(datas, dim=ax), **meta)


def where(cond: Any, a: Any, b: Any) -> Any:
    """``a`` where ``cond`` holds, else ``b``; groups align as in arithmetic.

    ``cond`` is a wrapper (nonzero = true) or a raw bool tensor over the batch axes;
    ``a`` / ``b`` are wrappers or numbers (numbers act as Scalars).
    """
    ref = a if isinstance(a, TensorWrapper) else b
    if not isinstance(ref, TensorWrapper):
        raise TypeError("where needs at least one typed tensor among a and b")

    def wrap(v: Any) -> TensorWrapper:
        if isinstance(v, TensorWrapper):
            return v
        return Scalar(as_data(v, ref.dtype).to(ref.device))

    a, b = wrap(a), wrap(b)
    if isinstance(cond, TensorWrapper):
        c = cond.data if cond.data.dtype == torch.bool else cond.data != 0
        cw = cond._new(c)
    else:
        c = torch.as_tensor(cond, device=ref.device).to(torch.bool)
        cw = ref._new(
            c, Scalar, k_ndim=0, k_state=(), k_pairing=(), sub_batch_ndim=0, sub_batch_state=(), sub_batch_meta=()
        )
    k = max(x.k_ndim for x in (cw, a, b))
    bt = max(x.batch_ndim for x in (cw, a, b))
    s = max(x.sub_batch_ndim for x in (cw, a, b))
    base = max(cw.base_ndim, a.base_ndim, b.base_ndim)
    dc, da, db = (expand_groups(x, k, bt, s, base) for x in (cw, a, b))
    cls = type(a) if a.base_ndim >= b.base_ndim else type(b)
    meta = merge_meta(cw, a, b)
    return ref._new(torch.where(dc, da, db), cls, tensor_base_ndim=base, **meta)
