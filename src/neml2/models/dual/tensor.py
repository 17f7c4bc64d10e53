"""DualTensor: a primal with per-leaf tangents, the rule registry and the helpers the rules share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import torch

Array = Any  # a torch.Tensor or a DualTensor
Rule = Callable[..., Any]
_RULES: dict[str, Rule] = {}


def _rule(*names: str) -> Callable[[Rule], Rule]:
    def deco(fn: Rule) -> Rule:
        for n in names:
            _RULES[n] = fn
        return fn

    return deco


class DualTensor:
    """A primal tensor with per-leaf tangents carrying leading K axes (see the module docstring)."""

    __slots__ = ("p", "t", "k")

    def __init__(self, p: Array, t: dict[str, Array], k: dict[str, int]) -> None:
        self.p, self.t, self.k = p, t, k

    # ---------------------------------------------------------------- tensor protocol
    @classmethod
    def __torch_function__(cls, func: Any, types: Any, args: tuple = (), kwargs: Any = None) -> Any:
        name = getattr(func, "__name__", None)
        rule = _RULES.get(name)
        if rule is None:
            raise NotImplementedError(f"DualTensor: no tangent rule for torch op {name or func!r}")
        return rule(*args, **(kwargs or {}))

    @property
    def shape(self) -> torch.Size:
        return self.p.shape

    @property
    def dtype(self) -> torch.dtype:
        return self.p.dtype

    @property
    def device(self) -> torch.device:
        return self.p.device

    @property
    def ndim(self) -> int:
        return self.p.ndim

    @property
    def requires_grad(self) -> bool:
        """False: the typed ``*_ad`` helpers then take their plain path (autograd still records ``p``)."""
        return False

    @property
    def mT(self) -> DualTensor:  # noqa: N802
        return _RULES["transpose"](self, -2, -1)

    def dim(self) -> int:
        return self.p.dim()

    def size(self, d: int | None = None) -> Any:
        return self.p.shape if d is None else self.p.shape[d]

    def stride(self) -> Any:
        return self.p.stride()

    def is_floating_point(self) -> bool:
        return True

    def numel(self) -> int:
        return self.p.numel()

    def __repr__(self) -> str:
        return f"DualTensor(p={self.p!r}, leaves={list(self.t)}, k={self.k})"

    def __bool__(self) -> bool:
        raise TypeError("DualTensor: no truth value (a branch on a differentiated value)")

    # comparisons read the primal only: a mask has no derivative
    def __gt__(self, o: Any) -> Any:
        return self.p > _p(o)

    def __ge__(self, o: Any) -> Any:
        return self.p >= _p(o)

    def __lt__(self, o: Any) -> Any:
        return self.p < _p(o)

    def __le__(self, o: Any) -> Any:
        return self.p <= _p(o)

    def __eq__(self, o: Any) -> Any:  # type: ignore[override]
        return self.p == _p(o)

    def __ne__(self, o: Any) -> Any:  # type: ignore[override]
        return self.p != _p(o)

    __hash__ = None  # type: ignore[assignment]

    def __neg__(self) -> DualTensor:
        return _RULES["neg"](self)

    def __add__(self, o: Any) -> Any:
        return _RULES["add"](self, o)

    def __radd__(self, o: Any) -> Any:
        return _RULES["add"](o, self)

    def __sub__(self, o: Any) -> Any:
        return _RULES["sub"](self, o)

    def __rsub__(self, o: Any) -> Any:
        return _RULES["sub"](o, self)

    def __mul__(self, o: Any) -> Any:
        return _RULES["mul"](self, o)

    def __rmul__(self, o: Any) -> Any:
        return _RULES["mul"](o, self)

    def __truediv__(self, o: Any) -> Any:
        return _RULES["div"](self, o)

    def __rtruediv__(self, o: Any) -> Any:
        return _RULES["div"](o, self)

    def __pow__(self, o: Any) -> Any:
        return _RULES["pow"](self, o)

    def __rpow__(self, o: Any) -> Any:
        return _RULES["pow"](o, self)

    def __matmul__(self, o: Any) -> Any:
        return _RULES["matmul"](self, o)

    def __rmatmul__(self, o: Any) -> Any:
        return _RULES["matmul"](o, self)

    def __getitem__(self, idx: Any) -> Any:
        return _RULES["__getitem__"](self, idx)

    def __len__(self) -> int:
        return len(self.p)


def _method(name: str) -> Callable[..., Any]:
    def call(self: DualTensor, *args: Any, **kwargs: Any) -> Any:
        return _RULES[name](self, *args, **kwargs)

    call.__name__ = name
    return call


_METHODS = (
    "reshape view sum mean transpose unsqueeze squeeze expand flatten unflatten diagonal movedim "
    "permute clone detach contiguous to sqrt exp log tanh sin cos tan abs sign reciprocal clamp "
    "new_zeros new_ones unbind pow"
).split()
for _m in _METHODS:
    setattr(DualTensor, _m, _method(_m))


# -------------------------------------------------------------------- helpers
def _p(x: Any) -> Any:
    return x.p if isinstance(x, DualTensor) else x


def _nd(x: Any) -> int:
    return x.ndim if isinstance(x, (DualTensor, torch.Tensor)) else 0


def _pad(t: Array, k: int, nd: int) -> Array:
    """Tangent with K axes ``k`` brought to ``k + nd`` axes (ones inserted after K)."""
    for _ in range(nd - (t.ndim - k)):
        t = t.unsqueeze(k)
    return t


def _padk(t: Array, k: int, kmax: int) -> Array:
    for _ in range(kmax - k):
        t = t.unsqueeze(k)
    return t


def _full(t: Array, k: int, shape: Sequence[int]) -> Array:
    """Tangent expanded (a view) to the full primal ``shape`` behind its K axes (an axis where
    the tangent is larger than the primal, a batched seed of a batch-free input, keeps its size)."""
    return _full_at(t, k, shape, range(-len(shape), 0))


def _full_at(t: Array, k: int, shape: Sequence[int], dims: Sequence[int]) -> Array:
    """Tangent expanded (a view) to the primal ``shape`` along the negative ``dims`` only: a
    batch-free seed stays batch-free through ops on its base axes."""
    t = _pad(t, k, len(shape))
    sizes = [-1] * t.ndim
    for d in dims:
        if t.shape[d] == 1:
            sizes[d] = shape[d]
    return t.expand(*sizes)


def _index_dims(idx: tuple, nd: int) -> list[int] | None:
    """Negative dims an index tuple selects on (None: cannot tell, expand everything)."""
    if any(i is None or isinstance(i, bool) for i in idx):
        return None
    if Ellipsis in idx:
        e = idx.index(Ellipsis)
        before, after = idx[:e], idx[e + 1 :]
    else:
        before, after = idx, ()
    if any(isinstance(i, torch.Tensor) and i.dtype == torch.bool for i in idx):
        return None
    dims = [j - nd for j, i in enumerate(before) if not (isinstance(i, slice) and i == slice(None))]
    dims += [j - len(after) for j, i in enumerate(after) if not (isinstance(i, slice) and i == slice(None))]
    return dims


def _neg_dim(d: int, nd: int) -> int:
    return d - nd if d >= 0 else d


def _make(p: Array, t: dict[str, Array], k: dict[str, int]) -> Array:
    return DualTensor(p, t, k) if t else p


def _acc(t: dict[str, Array], k: dict[str, int], leaf: str, x: Array, kx: int, negate: bool = False) -> None:
    """``t[leaf] += x`` (``-= x`` with ``negate``), K axes padded to the larger count."""
    if leaf not in t:
        t[leaf], k[leaf] = (-x if negate else x), kx
        return
    kmax = max(k[leaf], kx)
    prev, x = _padk(t[leaf], k[leaf], kmax), _padk(x, kx, kmax)
    t[leaf] = prev - x if negate else prev + x
    k[leaf] = kmax


def _linear(x: Array, fp: Callable[[Array], Array], ft: Callable[[Array, int], Array]) -> Array:
    """A linear op: ``fp`` on the primal, ``ft(tangent, k)`` on each tangent."""
    if not isinstance(x, DualTensor):
        return fp(x)
    return _make(fp(x.p), {n: ft(t, x.k[n]) for n, t in x.t.items()}, dict(x.k))


def _unary(x: Array, f: Callable[[Array], Array], df: Callable[[Array, Array], Array]) -> Array:
    """Pointwise ``f`` with derivative ``df(primal, value)``: tangents are scaled by it."""
    if not isinstance(x, DualTensor):
        return f(x)
    out = f(x.p)
    g = df(x.p, out)
    return _make(out, {n: t * g for n, t in x.t.items()}, dict(x.k))


def _binary(a: Any, b: Any, out: Array, da: Any, db: Any) -> Array:
    """Result ``out`` of a pointwise binary op; ``da`` / ``db`` are the partials: +-1, a callable
    giving the multiplier (evaluated once), or ``("div", x)`` for a tangent divided by ``x``."""
    nd = _nd(out)
    t: dict[str, Array] = {}
    k: dict[str, int] = {}
    for x, d in ((a, da), (b, db)):
        if not isinstance(x, DualTensor):
            continue
        g = d() if callable(d) else None
        for n, tx in x.t.items():
            tx = _pad(tx, x.k[n], nd)
            if g is not None:
                tx = tx * g
            elif isinstance(d, tuple):
                tx = tx / d[1]
            _acc(t, k, n, tx, x.k[n], negate=g is None and d == -1)
    return _make(out, t, k)


def _split(x: Any) -> tuple[Any, dict[str, Any], dict[str, int]]:
    if isinstance(x, DualTensor):
        return x.p, x.t, x.k
    return x, {}, {}
