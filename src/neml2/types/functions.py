"""Free functions over typed tensors.

Region-scoped functions take region views (``t.dynamic_batch``, ``t.sub_batch``, ``t.batch``)
so the axis index names a position inside one region: ``sum`` / ``mean`` / ``diff``,
``stack`` / ``cat``, ``linspace`` / ``logspace``.  Also sub-batch reductions, K-pairing
materialization (``fullify``), ``where``, component access and the rotation helpers.

``k_pairing`` convention (used by :func:`fullify`): a tuple of ``(k_axis, sub_axis)``
pairs.  K axis ``k_axis`` is stored with size 1 and stands for the diagonal
``delta(seed site, site)`` over sub-batch axis ``sub_axis`` (index inside the
sub-batch group): a per-site seed that only touches its own site, kept compact.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any, TypeVar

import torch

from ._base import TensorWrapper, align_groups, as_data, broadcast_shapes, expand_groups, merge_meta
from .tensors import R2, SR2, WR2, Rot, Scalar
from .views import BatchView, DynamicBatchView, RegionView, SubBatchView, _norm_dim

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
        s_dim = x.k_ndim + x.dynamic_batch_ndim + sub_axis
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
    start = x.k_ndim + x.dynamic_batch_ndim
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


def _as_view(x: Any, what: str) -> RegionView:
    """A region view; a bare wrapper stands for its dynamic batch region."""
    if isinstance(x, RegionView):
        return x
    if isinstance(x, TensorWrapper):
        return DynamicBatchView(x)
    raise TypeError(
        f"{what} expects typed tensors or region views (t.dynamic_batch, t.sub_batch), got {type(x).__name__}"
    )


def _views(xs: Sequence[Any], what: str) -> list[RegionView]:
    views = [_as_view(x, what) for x in xs]
    if not views:
        raise ValueError(f"{what} needs at least one tensor")
    kinds = {type(v) for v in views}
    if len(kinds) > 1:
        names = sorted(v.name for v in {type(v): v for v in views}.values())
        raise TypeError(f"{what}: all arguments must be views of one region, got {', '.join(names)}")
    return views


def _region_start(kind: type, meta: dict[str, Any], b: int) -> tuple[int, int]:
    """(first data axis, ndim) of a region in data aligned to ``meta`` with ``b`` dynamic axes."""
    k, s = meta["k_ndim"], meta["sub_batch_ndim"]
    if kind is DynamicBatchView:
        return k, b
    if kind is SubBatchView:
        return k + b, s
    if kind is BatchView:
        return k, b + s
    raise TypeError("this function takes dynamic_batch, sub_batch or batch views")


def _sub_meta(meta: dict[str, Any], new_ndim: int) -> dict[str, Any]:
    """``meta`` for a result whose sub-batch region has ``new_ndim`` axes."""
    out = dict(meta)
    if new_ndim != meta["sub_batch_ndim"]:
        for name in ("sub_batch_state", "sub_batch_meta"):
            if len(meta[name]) == meta["sub_batch_ndim"] and meta["sub_batch_ndim"]:
                out[name] = ()
    out["sub_batch_ndim"] = new_ndim
    return out


def _aligned(views: list[RegionView]) -> tuple[list[torch.Tensor], dict[str, Any], int]:
    """Broadcast data of the views' tensors (K / batch / sub-batch aligned), the merged metadata and
    the number of dynamic batch axes; sub-batch views are fullified first."""
    ts = [fullify(v.tensor) if isinstance(v, (SubBatchView, BatchView)) else v.tensor for v in views]
    datas, meta = align_groups(*ts)
    b = max(t.dynamic_batch_ndim for t in ts)
    return datas, meta, b


def _pick_region(kind: type, meta: dict[str, Any], b: int, dim: int, extra: int, what: str) -> tuple[type, int]:
    """For a batch view: the region (dynamic / sub-batch) that batch axis ``dim`` falls in."""
    if kind is not BatchView:
        return kind, dim
    n = b + meta["sub_batch_ndim"]
    if extra:
        raise TypeError(f"{what} on t.batch is ambiguous; use t.dynamic_batch or t.sub_batch")
    if not -n <= dim < n:
        raise IndexError(f"{what}: batch dim {dim} out of range for {n} batch axes")
    d = dim % n
    return (DynamicBatchView, d) if d < b else (SubBatchView, d - b)


def _result(x: TensorWrapper, data: torch.Tensor, meta: dict[str, Any], kind: type, new_ndim: int) -> Any:
    if kind is SubBatchView:
        meta = _sub_meta(meta, new_ndim)
    return x._new(data, **meta)


def stack(xs: Sequence[Any], dim: int = 0) -> Any:
    """Stack tensors of one type along a new axis ``dim`` of the region their views name
    (bare wrappers: the dynamic batch); the other axes broadcast first."""
    views = _views(xs, "stack")
    kind = type(views[0])
    datas, meta, b = _aligned(views)
    kind, dim = _pick_region(kind, meta, b, dim, 1, "stack")
    start, n = _region_start(kind, meta, b)
    ax = start + _norm_dim(dim, n + 1, f"stack on {kind.name}")
    out = torch.stack(torch.broadcast_tensors(*datas), dim=ax)
    return _result(views[0].tensor, out, meta, kind, n + 1)


def cat(xs: Sequence[Any], dim: int = 0) -> Any:
    """Concatenate tensors of one type along the existing axis ``dim`` of the region their views
    name (bare wrappers: the dynamic batch; ``t.batch``: the region the axis falls in)."""
    views = _views(xs, "cat")
    kind = type(views[0])
    datas, meta, b = _aligned(views)
    kind, dim = _pick_region(kind, meta, b, dim, 0, "cat")
    start, n = _region_start(kind, meta, b)
    ax = start + _norm_dim(dim, n, f"cat on {kind.name}")
    shapes = [d.shape[:ax] + (1,) + d.shape[ax + 1 :] for d in datas]
    target = broadcast_shapes(*shapes)
    datas = [d.expand(*target[:ax], d.shape[ax], *target[ax + 1 :]) for d in datas]
    return _result(views[0].tensor, torch.cat(datas, dim=ax), meta, kind, n)


def _reduce(x: Any, dim: Any, keepdim: bool, what: str, op: Any) -> Any:
    if not isinstance(x, RegionView):
        raise TypeError(f"{what} takes a region view (t.dynamic_batch, t.sub_batch), got {type(x).__name__}")
    (data,), meta, b = _aligned([x])
    kind = type(x)
    first, n = _region_start(kind, meta, b)
    dims = range(n) if dim is None else ([dim] if isinstance(dim, int) else list(dim))
    axes = sorted({first + _norm_dim(d, n, f"{what} on {x.name}") for d in dims})
    if not axes:
        return x.tensor
    out = op(data, axes, keepdim)
    if kind is DynamicBatchView:
        return x.tensor._new(out, **meta)
    s = meta["sub_batch_ndim"]
    gone = 0 if keepdim else len([a for a in axes if a >= meta["k_ndim"] + b])
    return x.tensor._new(out, **_sub_meta(meta, s - gone))


def sum(x: Any, dim: Any = 0, keepdim: bool = False) -> Any:  # noqa: A001
    """Sum over axis ``dim`` (an int, a tuple, or None for all) of the region ``x`` names.

    Not a view or a typed tensor (e.g. ``sum([1, 2])`` in a [Tensors] expression): Python's ``sum``.
    """
    if not isinstance(x, (RegionView, TensorWrapper)):
        return builtins.sum(x, dim)
    return _reduce(x, dim, keepdim, "sum", lambda d, axes, keep: d.sum(axes, keepdim=keep))


def mean(x: Any, dim: Any = 0, keepdim: bool = False) -> Any:
    """Mean over axis ``dim`` (an int, a tuple, or None for all) of the region ``x`` names."""
    return _reduce(x, dim, keepdim, "mean", lambda d, axes, keep: d.mean(axes, keepdim=keep))


def diff(x: Any, n: int = 1, dim: int = -1) -> Any:
    """``n``-th forward difference along axis ``dim`` of the region ``x`` names (size shrinks by n)."""
    view = _as_view(x, "diff")
    (data,), meta, b = _aligned([view])
    kind, dim = _pick_region(type(view), meta, b, dim, 0, "diff")
    start, nd = _region_start(kind, meta, b)
    ax = start + _norm_dim(dim, nd, f"diff on {kind.name}")
    return _result(view.tensor, torch.diff(data, n=n, dim=ax), meta, kind, nd)


def linspace(start: Any, end: Any, nstep: int, dim: int = 0) -> Any:
    """``nstep`` evenly spaced values from ``start`` to ``end`` (both included) along a new axis
    ``dim`` of the region the endpoints are given as (``Scalar(0).dynamic_batch``: a new dynamic
    batch axis; ``.sub_batch``: a new sub-batch axis)."""
    if nstep < 1:
        raise ValueError(f"linspace needs nstep >= 1, got {nstep}")
    views = _views([start, end], "linspace")
    kind = type(views[0])
    if kind is BatchView:
        raise TypeError("linspace on t.batch is ambiguous; pass the endpoints as .dynamic_batch or .sub_batch")
    (a, z), meta, b = _aligned(views)
    a, z = torch.broadcast_tensors(a, z)
    first, n = _region_start(kind, meta, b)
    ax = first + _norm_dim(dim, n + 1, f"linspace on {kind.name}")
    w = torch.linspace(0.0, 1.0, nstep, dtype=a.dtype, device=a.device)
    shape = [1] * (a.dim() + 1)
    shape[ax] = nstep
    w = w.reshape(shape)
    out = a.unsqueeze(ax) * (1 - w) + z.unsqueeze(ax) * w
    return _result(views[0].tensor, out, meta, kind, n + 1)


def logspace(start: Any, end: Any, nstep: int, dim: int = 0, base: float = 10.0) -> Any:
    """``base ** linspace(start, end, nstep, dim)``: geometric steps from base**start to base**end."""
    lin = linspace(start, end, nstep, dim)
    return lin._new(torch.pow(base, lin.data))


def vec_component(v: TensorWrapper, i: int) -> Scalar:
    """Component ``i`` of a vector-like tensor (Vec, MRP, WR2, ...; storage component for SR2) as a Scalar."""
    if v.base_ndim != 1:
        raise TypeError(f"vec_component needs a tensor with one base axis, got {type(v).__name__} {v.BASE_SHAPE}")
    n = v.base_shape[0]
    if not -n <= i < n:
        raise IndexError(f"vec_component: component {i} out of range for {type(v).__name__} of size {n}")
    return v._new(v.data[..., i], Scalar)


def r2_from_sr2(x: SR2) -> R2:
    """The full 3x3 matrix of a symmetric tensor (Mandel factors removed)."""
    return x.to_full()


def r2_from_wr2(w: WR2) -> R2:
    """The 3x3 skew matrix ``W`` of an axial vector (``W v = w x v``)."""
    return w.to_full()


def euler_rodrigues(r: Any) -> R2:
    """The rotation matrix of modified Rodrigues parameters."""
    r = r if isinstance(r, Rot) else Rot(as_data(r))
    return r.euler_rodrigues()


def exp_map(w: Any) -> Rot:
    """The rotation ``exp(W)`` of a skew tensor (axial vector ``w``: angle ``|w|`` about ``w``), as an MRP."""
    w = w if isinstance(w, WR2) else WR2(w)
    return w.exp_map()


def compose(a: Any, b: Any) -> Any:
    """The rotation ``a`` after ``b``: MRPs compose to the MRP of ``R(a) R(b)``; R2s multiply."""
    if isinstance(a, Rot) and isinstance(b, Rot):
        return a.compose(b)
    if isinstance(a, R2) and isinstance(b, R2):
        return a @ b
    raise TypeError(f"compose takes two MRPs or two R2s, got {type(a).__name__} and {type(b).__name__}")


def rotate(x: Any, R: Any) -> Any:
    """``x`` rotated by ``R`` (an R2, MRP or Quaternion): ``R v``, ``R A R^T``, ``R R R R : C``."""
    if not hasattr(x, "rotate"):
        raise TypeError(f"rotate: {type(x).__name__} has no rotation rule")
    return x.rotate(R)


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
    bt = max(x.dynamic_batch_ndim for x in (cw, a, b))
    s = max(x.sub_batch_ndim for x in (cw, a, b))
    base = max(cw.base_ndim, a.base_ndim, b.base_ndim)
    dc, da, db = (expand_groups(x, k, bt, s, base) for x in (cw, a, b))
    cls = type(a) if a.base_ndim >= b.base_ndim else type(b)
    meta = merge_meta(cw, a, b)
    return ref._new(torch.where(dc, da, db), cls, tensor_base_ndim=base, **meta)


# ---------------------------------------------------------------- AOTI-safe saved-output ops
def _input_recompute(name: str, op: Any, dop: Any) -> type[torch.autograd.Function]:
    """An autograd.Function for ``op`` that saves its input (not its output) and recomputes the
    derivative ``dop(x)`` from it.  Reverse-mode graphs through ops whose stock backward saves the
    output (exp, sqrt, tanh, reciprocal) do not lower through AOTInductor; these do."""

    def forward(x: torch.Tensor) -> torch.Tensor:
        return op(x)

    def setup_context(ctx: Any, inputs: tuple, output: torch.Tensor) -> None:
        ctx.save_for_backward(inputs[0])
        ctx.save_for_forward(inputs[0])

    def backward(ctx: Any, grad: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad * dop(x)

    def jvp(ctx: Any, tangent: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return tangent * dop(x)

    body = {
        "forward": staticmethod(forward),
        "setup_context": staticmethod(setup_context),
        "backward": staticmethod(backward),
        "jvp": staticmethod(jvp),
    }
    return type(name, (torch.autograd.Function,), body)


_ExpAD = _input_recompute("_ExpAD", torch.exp, torch.exp)
_SqrtAD = _input_recompute("_SqrtAD", torch.sqrt, lambda x: 0.5 / torch.sqrt(x))
_TanhAD = _input_recompute("_TanhAD", torch.tanh, lambda x: 1 - torch.tanh(x) ** 2)
_ReciprocalAD = _input_recompute("_ReciprocalAD", torch.reciprocal, lambda x: -1 / (x * x))


def _apply_ad(fn: type[torch.autograd.Function], plain: Any, x: Any) -> Any:
    """``fn`` on the AD path (input needs grad), the plain instruction on the value path."""
    data = x.data if isinstance(x, TensorWrapper) else torch.as_tensor(x)
    out = fn.apply(data) if data.requires_grad and torch.is_grad_enabled() else plain(data)
    return x._new(out) if isinstance(x, TensorWrapper) else out


def exp_ad(x: Any) -> Any:
    """``exp(x)`` whose backward recomputes ``exp`` from the input (lowers through AOTInductor)."""
    return _apply_ad(_ExpAD, torch.exp, x)


def sqrt_ad(x: Any) -> Any:
    """``sqrt(x)`` whose backward recomputes ``1 / (2 sqrt(x))`` from the input."""
    return _apply_ad(_SqrtAD, torch.sqrt, x)


def tanh_ad(x: Any) -> Any:
    """``tanh(x)`` whose backward recomputes ``1 - tanh(x)^2`` from the input."""
    return _apply_ad(_TanhAD, torch.tanh, x)


def reciprocal_ad(x: Any) -> Any:
    """``1 / x`` whose backward recomputes ``-1 / x^2`` from the input."""
    return _apply_ad(_ReciprocalAD, torch.reciprocal, x)
