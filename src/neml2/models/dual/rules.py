"""Tangent rules of the torch ops the typed tensors use: pointwise, structural, linear algebra."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from neml2.models.dual.tensor import (
    _RULES,
    Array,
    DualTensor,
    Rule,
    _acc,
    _binary,
    _full,
    _full_at,
    _index_dims,
    _linear,
    _make,
    _nd,
    _neg_dim,
    _p,
    _pad,
    _padk,
    _rule,
    _split,
    _unary,
)
from neml2.types._base import broadcast_shapes


# ---------------------------------------------------------------- pointwise rules
@_rule("add", "__add__", "__radd__")
def _add(a: Any, b: Any, alpha: Any = None) -> Array:
    if alpha is not None:
        b = _mul(b, alpha)
    return _binary(a, b, _p(a) + _p(b), 1, 1)


@_rule("sub", "__sub__")
def _sub(a: Any, b: Any, alpha: Any = None) -> Array:
    if alpha is not None:
        b = _mul(b, alpha)
    return _binary(a, b, _p(a) - _p(b), 1, -1)


@_rule("__rsub__")
def _rsub(a: Any, b: Any) -> Array:
    return _sub(b, a)


@_rule("mul", "__mul__", "__rmul__")
def _mul(a: Any, b: Any) -> Array:
    pa, pb = _p(a), _p(b)
    if a is b and isinstance(a, DualTensor):  # x * x: one term 2 x dx
        return _binary(a, None, pa * pa, lambda: 2 * pa, None)
    return _binary(a, b, pa * pb, lambda: pb, lambda: pa)


@_rule("div", "__truediv__", "true_divide", "__div__")
def _div(a: Any, b: Any) -> Array:
    pa, pb = _p(a), _p(b)
    out = pa / pb
    return _binary(a, b, out, ("div", pb), lambda: -out / pb)


@_rule("__rtruediv__", "__rdiv__")
def _rdiv(a: Any, b: Any) -> Array:
    return _div(b, a)


@_rule("pow", "__pow__")
def _pow(a: Any, b: Any) -> Array:
    pa, pb = _p(a), _p(b)
    out = torch.pow(pa, pb) if isinstance(pa, (torch.Tensor, DualTensor)) else pa**pb

    def dlog() -> Any:
        return out * (torch.log(pa) if isinstance(pa, (torch.Tensor, DualTensor)) else math.log(pa))

    return _binary(a, b, out, lambda: pb * pa ** (pb - 1), dlog)


@_rule("__rpow__")
def _rpow(a: Any, b: Any) -> Array:
    return _pow(b, a)


@_rule("neg", "__neg__", "negative")
def _neg(x: Array) -> Array:
    return _linear(x, lambda p: -p, lambda t, k: -t)


@_rule("sqrt")
def _sqrt(x: Array) -> Array:
    return _unary(x, torch.sqrt, lambda p, y: 0.5 / y)


@_rule("exp")
def _exp(x: Array) -> Array:
    return _unary(x, torch.exp, lambda p, y: y)


@_rule("log")
def _log(x: Array) -> Array:
    return _unary(x, torch.log, lambda p, y: 1 / p)


@_rule("tanh")
def _tanh(x: Array) -> Array:
    return _unary(x, torch.tanh, lambda p, y: 1 - y * y)


@_rule("sin")
def _sin(x: Array) -> Array:
    return _unary(x, torch.sin, lambda p, y: torch.cos(p))


@_rule("cos")
def _cos(x: Array) -> Array:
    return _unary(x, torch.cos, lambda p, y: -torch.sin(p))


@_rule("tan")
def _tan(x: Array) -> Array:
    return _unary(x, torch.tan, lambda p, y: 1 + y * y)


@_rule("abs")
def _abs(x: Array) -> Array:
    return _unary(x, torch.abs, lambda p, y: torch.sign(_p(p)))


@_rule("reciprocal")
def _reciprocal(x: Array) -> Array:
    return _unary(x, torch.reciprocal, lambda p, y: -y * y)


@_rule("sign")
def _sign(x: Array) -> Array:
    return torch.sign(_p(x))


@_rule("clamp", "clip")
def _clamp(x: Array, min: Any = None, max: Any = None) -> Array:  # noqa: A002
    def mask(p: Array, y: Array) -> Array:
        inside = None
        # strict inequalities: the derivative at a kink is 0 (Scalar.heaviside's convention)
        if min is not None:
            inside = p > min
        if max is not None:
            inside = (p < max) if inside is None else inside & (p < max)
        return inside.to(p.dtype)

    return _unary(x, lambda p: torch.clamp(p, min=min, max=max), mask)


@_rule("where")
def _where(cond: Any, a: Any, b: Any) -> Array:
    c = _p(cond)
    out = torch.where(c, _p(a), _p(b))
    nd = _nd(out)
    ta, tb = _split(a)[1:], _split(b)[1:]
    t: dict[str, Array] = {}
    k: dict[str, int] = {}
    for leaf in dict.fromkeys([*ta[0], *tb[0]]):
        kk = max(ta[1].get(leaf, 0), tb[1].get(leaf, 0))
        sides = []
        for tx, kx in (ta, tb):
            sides.append(_padk(_pad(tx[leaf], kx[leaf], nd), kx[leaf], kk) if leaf in tx else 0.0)
        t[leaf], k[leaf] = torch.where(c, sides[0], sides[1]), kk
    return _make(out, t, k)


@_rule("inductor_force_stride_order")
def _force_stride(x: Array, stride: Any) -> Array:
    if not isinstance(x, DualTensor):
        return torch.ops.prims.inductor_force_stride_order(x, stride)
    return _make(
        torch.ops.prims.inductor_force_stride_order(x.p, stride) if isinstance(x.p, torch.Tensor) else x.p,
        dict(x.t),
        dict(x.k),
    )


# ---------------------------------------------------------------- structural (linear) rules
def _inserted_ones(ps: Sequence[int], shape: Sequence[Any]) -> set[int] | None:
    """Output axes of a reshape ``ps -> shape`` that only inserts size-1 axes (None otherwise);
    the original axes are matched first, left to right."""
    ins: set[int] = set()
    i = 0
    for j, n in enumerate(shape):
        if not isinstance(n, int):
            return None
        if i < len(ps) and n == ps[i]:
            i += 1
        elif n == 1:
            ins.add(j)
        else:
            return None
    return ins if i == len(ps) else None


@_rule("reshape", "view")
def _reshape(x: Array, *shape: Any) -> Array:
    shape = tuple(shape[0]) if len(shape) == 1 and isinstance(shape[0], (tuple, list, torch.Size)) else shape
    ps = x.p.shape
    ins = _inserted_ones(ps, shape)
    if ins is not None:
        # axis insertions: a broadcast tangent (larger than the primal on an axis) keeps its sizes

        def inserted(t: Array, k: int) -> Array:
            t = _pad(t, k, len(ps))
            sizes = iter(t.shape[k:])
            return t.reshape(*t.shape[:k], *(1 if j in ins else next(sizes) for j in range(len(shape))))

        return _linear(x, lambda p: p.reshape(shape), inserted)
    keep = 0  # leading axes the reshape leaves alone: the tangent keeps its sizes there
    while keep < min(len(ps), len(shape)) - 1 and isinstance(shape[keep], int) and shape[keep] == ps[keep]:
        keep += 1
    rest = list(range(keep - len(ps), 0))

    def tangent(t: Array, k: int) -> Array:
        t = _full_at(t, k, ps, rest)
        return t.reshape(*t.shape[: k + keep], *shape[keep:])

    return _linear(x, lambda p: p.reshape(shape), tangent)


@_rule("transpose", "swapaxes")
def _transpose(x: Array, d0: int, d1: int) -> Array:
    nd = x.ndim
    return _linear(x, lambda p: p.transpose(d0, d1), lambda t, k: t.transpose(_neg_dim(d0, nd), _neg_dim(d1, nd)))


@_rule("movedim")
def _movedim(x: Array, src: int, dst: int) -> Array:
    nd = x.ndim
    return _linear(x, lambda p: p.movedim(src, dst), lambda t, k: t.movedim(_neg_dim(src, nd), _neg_dim(dst, nd)))


@_rule("unsqueeze")
def _unsqueeze(x: Array, d: int) -> Array:
    nd = x.ndim + 1
    return _linear(x, lambda p: p.unsqueeze(d), lambda t, k: _pad(t, k, nd - 1).unsqueeze(_neg_dim(d, nd)))


@_rule("squeeze")
def _squeeze(x: Array, d: Any = None) -> Array:
    if d is None:
        raise NotImplementedError("DualTensor: squeeze() needs an explicit dim")
    ps = x.p.shape
    nd = x.ndim
    return _linear(x, lambda p: p.squeeze(d), lambda t, k: _pad(t, k, len(ps)).squeeze(_neg_dim(d, nd)))


@_rule("expand")
def _expand(x: Array, *sizes: Any) -> Array:
    sizes = tuple(sizes[0]) if len(sizes) == 1 and isinstance(sizes[0], (tuple, list, torch.Size)) else sizes

    def tangent(t: Array, k: int) -> Array:
        t = _pad(t, k, len(sizes))
        # an axis where the tangent is larger than the primal (a batched seed) keeps its size
        return t.expand(*([-1] * k), *(n if m == 1 else -1 for m, n in zip(t.shape[k:], sizes)))

    return _linear(x, lambda p: p.expand(*sizes), tangent)


@_rule("flatten")
def _flatten(x: Array, start_dim: int = 0, end_dim: int = -1) -> Array:
    nd, ps = x.ndim, x.p.shape
    s, e = _neg_dim(start_dim, nd), _neg_dim(end_dim, nd)
    dims = list(range(s, e + 1))
    return _linear(x, lambda p: p.flatten(start_dim, end_dim), lambda t, k: _full_at(t, k, ps, dims).flatten(s, e))


@_rule("unflatten")
def _unflatten(x: Array, dim: int, sizes: Any) -> Array:
    nd, ps = x.ndim, x.p.shape
    d = _neg_dim(dim, nd)
    return _linear(x, lambda p: p.unflatten(dim, sizes), lambda t, k: _full_at(t, k, ps, [d]).unflatten(d, sizes))


@_rule("diagonal")
def _diagonal(x: Array, offset: int = 0, dim1: int = 0, dim2: int = 1) -> Array:
    nd, ps = x.ndim, x.p.shape
    d1, d2 = _neg_dim(dim1, nd), _neg_dim(dim2, nd)
    return _linear(
        x,
        lambda p: p.diagonal(offset=offset, dim1=dim1, dim2=dim2),
        lambda t, k: _full_at(t, k, ps, [d1, d2]).diagonal(offset=offset, dim1=d1, dim2=d2),
    )


@_rule("diag_embed")
def _diag_embed(x: Array) -> Array:
    ps = x.p.shape
    return _linear(x, torch.diag_embed, lambda t, k: torch.diag_embed(_full_at(t, k, ps, [-1])))


def _reduction(op: str) -> Rule:
    def rule(x: Array, dim: Any = None, keepdim: bool = False) -> Array:
        nd, ps = x.ndim, x.p.shape
        dims = tuple(range(nd)) if dim is None else ((dim,) if isinstance(dim, int) else tuple(dim))
        nd_dims = tuple(_neg_dim(d, nd) for d in dims)
        return _linear(
            x,
            lambda p: getattr(p, op)(dims, keepdim=keepdim),
            lambda t, k: getattr(_full_at(t, k, ps, nd_dims), op)(nd_dims, keepdim=keepdim),
        )

    return rule


_RULES["sum"] = _reduction("sum")
_RULES["mean"] = _reduction("mean")


@_rule("clone", "contiguous")
def _clone(x: Array, *args: Any, **kwargs: Any) -> Array:
    return _linear(x, lambda p: p.clone(), lambda t, k: t)


@_rule("detach")
def _detach(x: Array) -> Array:
    return _linear(x, lambda p: p.detach(), lambda t, k: t.detach())


@_rule("to")
def _to(x: Array, *args: Any, **kwargs: Any) -> Array:
    return _linear(x, lambda p: p.to(*args, **kwargs), lambda t, k: t.to(*args, **kwargs))


@_rule("new_zeros")
def _new_zeros(x: Array, *args: Any, **kwargs: Any) -> Array:
    return _p(x).new_zeros(*args, **kwargs)


@_rule("new_ones")
def _new_ones(x: Array, *args: Any, **kwargs: Any) -> Array:
    return _p(x).new_ones(*args, **kwargs)


def _constant_like(fn: Callable[..., torch.Tensor]) -> Rule:
    """``zeros_like`` and kin: a constant has no tangent."""
    return lambda x, *a, **kw: fn(_p(x), *a, **kw)


for _name in ("zeros_like", "ones_like", "full_like", "empty_like"):
    _RULES[_name] = _constant_like(getattr(torch, _name))


@_rule("__getitem__")
def _getitem(x: Array, idx: Any) -> Array:
    idx = idx if isinstance(idx, tuple) else (idx,)
    idx = tuple(_p(i) for i in idx)
    ps = x.p.shape
    dims = _index_dims(idx, len(ps))

    def tangent(t: Array, k: int) -> Array:
        t = _full(t, k, ps) if dims is None else _full_at(t, k, ps, dims)
        return t[(slice(None),) * k + idx]

    return _linear(x, lambda p: p[idx], tangent)


@_rule("unbind")
def _unbind(x: Array, dim: int = 0) -> tuple:
    n = x.p.shape[dim]
    return tuple(_getitem(x, (slice(None),) * (dim % x.ndim) + (i,)) for i in range(n))


def _seq_rule(name: str) -> Rule:
    """``torch.stack`` / ``torch.cat``: missing tangents are zeros; all expanded to the full shape."""

    def rule(xs: Sequence[Any], dim: int = 0, out: Any = None) -> Array:
        op = getattr(torch, name)
        ps = [_p(x) for x in xs]
        primal = op(ps, dim=dim)
        duals = [x for x in xs if isinstance(x, DualTensor)]
        if not duals:
            return primal
        nd = primal.ndim
        d = _neg_dim(dim, nd)
        t: dict[str, Array] = {}
        k: dict[str, int] = {}
        for leaf in dict.fromkeys(n for x in duals for n in x.t):
            kk = max(x.k[leaf] for x in duals if leaf in x.t)
            kshape = broadcast_shapes(*(tuple(x.t[leaf].shape[: x.k[leaf]]) for x in duals if leaf in x.t))
            kshape = tuple(kshape) + (1,) * (kk - len(kshape))
            txs = [
                _pad(_padk(x.t[leaf], x.k[leaf], kk), kk, p.ndim) if isinstance(x, DualTensor) and leaf in x.t else None
                for x, p in zip(xs, ps)
            ]
            # non-K shape of each part: its primal, widened where its tangent is larger (batched seeds
            # of batch-free inputs); all parts then agree except along the concatenated axis
            shapes = [
                tuple(p.shape) if tx is None else tuple(broadcast_shapes(p.shape, tx.shape[kk:]))
                for tx, p in zip(txs, ps)
            ]
            if name == "cat":
                dd = d % nd
                common = broadcast_shapes(*(sh[:dd] + (1,) + sh[dd + 1 :] for sh in shapes))
                targets = [tuple(common[:dd]) + (sh[dd],) + tuple(common[dd + 1 :]) for sh in shapes]
            else:
                targets = [tuple(broadcast_shapes(*shapes))] * len(shapes)
            parts = [
                torch.zeros((), dtype=p.dtype, device=p.device).expand(*kshape, *tg)
                if tx is None
                else tx.expand(*kshape, *tg)
                for tx, p, tg in zip(txs, ps, targets)
            ]
            t[leaf], k[leaf] = op(parts, dim=d), kk
        return _make(primal, t, k)

    return rule


_RULES["stack"] = _seq_rule("stack")
_RULES["cat"] = _seq_rule("cat")


@_rule("broadcast_tensors")
def _broadcast_tensors(*xs: Any) -> tuple:
    shape = broadcast_shapes(*(tuple(x.shape) for x in xs))
    return tuple(_expand(x, shape) if isinstance(x, DualTensor) else x.expand(shape) for x in xs)


# ---------------------------------------------------------------- multilinear / linear algebra
def _multilinear(ops: Sequence[Any], f: Callable[..., Array], ell_rank: Callable[[int, Any], int]) -> Array:
    """Product rule for ``f(*ops)`` linear in each operand; ``ell_rank(i, x)`` is the number of leading
    (broadcasting) axes of operand ``i``, the ones tangents are padded against."""
    out = f(*[_p(o) for o in ops])
    r = max(ell_rank(i, _p(o)) for i, o in enumerate(ops))
    t: dict[str, Array] = {}
    k: dict[str, int] = {}
    for i, o in enumerate(ops):
        if not isinstance(o, DualTensor):
            continue
        core = o.ndim - ell_rank(i, o.p)
        for leaf, to in o.t.items():
            ko = o.k[leaf]
            to = _pad(to, ko, r + core)
            args = [to if j == i else _p(x) for j, x in enumerate(ops)]
            _acc(t, k, leaf, f(*args), ko)
    return _make(out, t, k)


@_rule("einsum")
def _einsum(eq: str, *ops: Any) -> Array:
    if len(ops) == 1 and isinstance(ops[0], (list, tuple)):
        ops = tuple(ops[0])
    lhs, _, rhs = eq.replace(" ", "").partition("->")
    specs = lhs.split(",")
    if not rhs or "..." not in rhs:
        raise NotImplementedError(f"DualTensor: einsum {eq!r} needs an explicit '...->...' output")
    for s, o in zip(specs, ops):
        if isinstance(o, DualTensor) and "..." not in s:
            raise NotImplementedError(f"DualTensor: einsum {eq!r}: a differentiated operand needs '...'")

    def rank(i: int, x: Any) -> int:
        s = specs[i]
        return x.ndim - (len(s) - 3) if "..." in s else 0

    return _multilinear(ops, lambda *a: torch.einsum(eq, *a), rank)


@_rule("matmul", "__matmul__")
def _matmul(a: Any, b: Any) -> Array:
    if _nd(a) < 2 or _nd(b) < 2:
        raise NotImplementedError("DualTensor: matmul needs operands of at least 2 dims")
    return _multilinear((a, b), torch.matmul, lambda i, x: x.ndim - 2)


@_rule("__rmatmul__")
def _rmatmul(a: Any, b: Any) -> Array:
    return _matmul(b, a)


@_rule("linalg_cross")
def _cross(a: Any, b: Any, dim: int = -1) -> Array:
    if dim != -1:
        raise NotImplementedError("DualTensor: linalg.cross over dim -1 only")

    def f(x: Array, y: Array) -> Array:
        x, y = torch.broadcast_tensors(x, y)
        return torch.linalg.cross(x, y, dim=-1)

    return _multilinear((a, b), f, lambda i, x: x.ndim - 1)


@_rule("linalg_vector_norm")
def _vector_norm(x: Array, ord: Any = 2, dim: Any = None, keepdim: bool = False, **kw: Any) -> Array:  # noqa: A002
    if ord != 2 or dim is None:
        raise NotImplementedError("DualTensor: vector_norm with ord=2 over explicit dims only")
    return torch.sqrt(_RULES["sum"](x * x, dim, keepdim))


@_rule("linalg_inv")
def _inv(x: Array) -> Array:
    if not isinstance(x, DualTensor):
        return torch.linalg.inv(x)
    out = torch.linalg.inv(x.p)
    t = {n: -(out @ _pad(tx, x.k[n], out.ndim) @ out) for n, tx in x.t.items()}
    return _make(out, t, dict(x.k))


@_rule("linalg_det")
def _det(x: Array) -> Array:
    if not isinstance(x, DualTensor):
        return torch.linalg.det(x)
    out = torch.linalg.det(x.p)
    inv_t = torch.linalg.inv(x.p).transpose(-1, -2)
    t = {n: out * (inv_t * _pad(tx, x.k[n], x.ndim)).sum((-1, -2)) for n, tx in x.t.items()}
    return _make(out, t, dict(x.k))
