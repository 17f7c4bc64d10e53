"""TensorWrapper: a raw tensor plus the layout metadata of NEML2's typed tensors.

Data layout is ``(*K, *batch, *sub_batch, *base)``. ``K`` axes are tangent seed
directions (chain rule), ``batch`` axes are material points (broadcasting, right
aligned), ``sub_batch`` axes are per-point sites (e.g. slip systems) and ``base``
is the fixed shape of the type (SR2: ``(6,)``).  Binary operations align the four
groups separately, so a tangent with K seeds combines with a coefficient that has
none, and a per-site quantity combines with a per-point one.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

import torch

T = TypeVar("T", bound="TensorWrapper")

Number = int | float


def broadcast_shapes(*shapes: Any) -> tuple:
    """``torch.broadcast_shapes`` with a fast path for plain integer shapes (the eager hot path;
    symbolic sizes under ``torch.export`` take torch's own rules)."""
    if not all(type(d) is int for sh in shapes for d in sh):
        return tuple(torch.broadcast_shapes(*shapes))
    n = max((len(sh) for sh in shapes), default=0)
    out = [1] * n
    for sh in shapes:
        for i, d in enumerate(sh, n - len(sh)):
            if d != 1:
                if out[i] != 1 and out[i] != d:
                    raise RuntimeError(f"shapes {[tuple(x) for x in shapes]} do not broadcast")
                out[i] = d
    return tuple(out)


def default_dtype() -> torch.dtype:
    """NEML2 computes in float64 unless the input file's [Settings] says otherwise."""
    from neml2 import settings

    return settings.default_dtype


def as_data(value: Any, dtype: torch.dtype | None = None) -> torch.Tensor:
    """Convert numbers / sequences / tensors / wrappers to a floating tensor (float64 by default)."""
    if isinstance(value, TensorWrapper):
        value = value.data
    if isinstance(value, torch.Tensor):
        if not value.is_floating_point():
            return value.to(dtype or default_dtype())
        return value
    if hasattr(value, "__torch_function__"):
        return value  # a tensor-like (the dual numbers of the tangent mechanism): its ops stay its own
    return torch.as_tensor(value, dtype=dtype or default_dtype())


class TensorWrapper:
    """Base of all typed tensors; subclasses fix ``BASE_SHAPE``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = ()
    __slots__ = (
        "data",
        "sub_batch_ndim",
        "sub_batch_state",
        "sub_batch_meta",
        "k_ndim",
        "k_state",
        "k_pairing",
    )

    def __init__(
        self,
        data: Any,
        sub_batch_ndim: int = 0,
        sub_batch_state: tuple = (),
        sub_batch_meta: tuple = (),
        k_ndim: int = 0,
        k_state: tuple = (),
        k_pairing: tuple = (),
    ) -> None:
        if isinstance(data, TensorWrapper):
            data = data.data
        self.data = as_data(data)
        self.sub_batch_ndim = sub_batch_ndim
        self.sub_batch_state = sub_batch_state
        self.sub_batch_meta = sub_batch_meta
        self.k_ndim = k_ndim
        self.k_state = k_state
        self.k_pairing = k_pairing
        if self.data.dim() < self.k_ndim + self.sub_batch_ndim + self.base_ndim:
            raise ValueError(
                f"{type(self).__name__} needs at least {self.base_ndim} trailing base dims "
                f"{self.BASE_SHAPE}, got a tensor of shape {tuple(self.data.shape)}"
            )
        if self.BASE_SHAPE and tuple(self.data.shape[-self.base_ndim :]) != self.BASE_SHAPE:
            raise ValueError(
                f"{type(self).__name__} expects base shape {self.BASE_SHAPE}, got a tensor "
                f"of shape {tuple(self.data.shape)}"
            )

    # ------------------------------------------------------------------ layout
    @property
    def base_ndim(self) -> int:
        return len(self.BASE_SHAPE)

    @property
    def base_shape(self) -> tuple[int, ...]:
        n = self.base_ndim
        return tuple(self.data.shape[self.data.dim() - n :])

    @property
    def dynamic_batch_ndim(self) -> int:
        """Number of dynamic (ordinary, broadcasting) batch axes."""
        return self.data.dim() - self.k_ndim - self.sub_batch_ndim - self.base_ndim

    @property
    def dynamic_batch_shape(self) -> tuple[int, ...]:
        return tuple(self.data.shape[self.k_ndim : self.k_ndim + self.dynamic_batch_ndim])

    @property
    def batch_ndim(self) -> int:
        """Number of batch axes: dynamic batch plus sub-batch (everything but K and base)."""
        return self.data.dim() - self.k_ndim - self.base_ndim

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """Dynamic batch shape followed by the sub-batch shape."""
        return tuple(self.data.shape[self.k_ndim : self.k_ndim + self.batch_ndim])

    @property
    def sub_batch_shape(self) -> tuple[int, ...]:
        start = self.k_ndim + self.dynamic_batch_ndim
        return tuple(self.data.shape[start : start + self.sub_batch_ndim])

    @property
    def ndim(self) -> int:
        return self.data.dim()

    def dim(self) -> int:
        return self.data.dim()

    # ------------------------------------------------------------ region views
    @property
    def dynamic_batch(self) -> Any:
        """View of the dynamic batch region (ops keep ``sub_batch_ndim``)."""
        from .views import DynamicBatchView

        return DynamicBatchView(self)

    @property
    def sub_batch(self) -> Any:
        """View of the sub-batch region (ops adjust ``sub_batch_ndim``)."""
        from .views import SubBatchView

        return SubBatchView(self)

    @property
    def batch(self) -> Any:
        """View of dynamic batch + sub-batch together: shape, ndim, indexing and ``cat`` only."""
        from .views import BatchView

        return BatchView(self)

    @property
    def base(self) -> Any:
        """View of the base region: read-only but ``transpose`` on square bases (and indexing on Tensor)."""
        from .views import BaseView

        return BaseView(self)

    @property
    def k_shape(self) -> tuple[int, ...]:
        return tuple(self.data.shape[: self.k_ndim])

    @property
    def shape(self) -> torch.Size:
        return self.data.shape

    @property
    def dtype(self) -> torch.dtype:
        return self.data.dtype

    @property
    def device(self) -> torch.device:
        return self.data.device

    @property
    def requires_grad(self) -> bool:
        return self.data.requires_grad

    def _meta(self) -> dict[str, Any]:
        return {
            "sub_batch_ndim": self.sub_batch_ndim,
            "sub_batch_state": self.sub_batch_state,
            "sub_batch_meta": self.sub_batch_meta,
            "k_ndim": self.k_ndim,
            "k_state": self.k_state,
            "k_pairing": self.k_pairing,
        }

    def _new(self: T, data: torch.Tensor, cls: type | None = None, **meta: Any) -> Any:
        """A wrapper of type ``cls`` (default: own type) with own metadata over ``data``."""
        m = self._meta()
        m.update(meta)
        target = cls or type(self)
        k, sub = m.get("k_ndim", 0), m.get("sub_batch_ndim", 0)
        missing = k + sub + len(target.BASE_SHAPE) - data.dim()
        if missing > 0 and sub >= missing:
            # data broadcast over the sites (e.g. the tangent of a per-site output along a seed that
            # is the same at every site) lacks leading sub-batch axes: give it size-1 ones
            data = data.reshape(*data.shape[:k], *((1,) * missing), *data.shape[k:])
        out = object.__new__(target)
        out.data = data
        for key, value in m.items():
            if hasattr(target, key):  # e.g. ``tensor_base_ndim`` exists only on Tensor
                setattr(out, key, value)
        return out

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(data={self.data!r}, sub_batch_ndim={self.sub_batch_ndim}, "
            f"sub_batch_state={self.sub_batch_state!r}, sub_batch_meta={self.sub_batch_meta!r}, "
            f"k_ndim={self.k_ndim}, k_state={self.k_state!r}, k_pairing={self.k_pairing!r})"
        )

    # ----------------------------------------------------------- constructors
    @classmethod
    def _factory(
        cls: type[T],
        make: Any,
        shape: tuple,
        sub_batch_shape: Any,
        dtype: torch.dtype | None,
        device: Any,
        requires_grad: bool,
    ) -> T:
        """``make(full_shape, dtype=, device=)`` over ``(*shape, *sub_batch_shape, *BASE_SHAPE)``."""
        sub = tuple(sub_batch_shape)
        full = _shape_args(shape) + sub + tuple(cls.BASE_SHAPE)
        data = make(full, dtype=dtype or default_dtype(), device=device)
        if requires_grad:
            data.requires_grad_(True)
        return cls(data, sub_batch_ndim=len(sub))

    @classmethod
    def zeros(
        cls: type[T],
        *shape: Any,
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> T:
        """Zeros over the dynamic batch ``shape`` (float64 by default)."""
        return cls._factory(torch.zeros, shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def ones(
        cls: type[T],
        *shape: Any,
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> T:
        """Ones over the dynamic batch ``shape`` (float64 by default)."""
        return cls._factory(torch.ones, shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def empty(
        cls: type[T],
        *shape: Any,
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> T:
        """Uninitialized storage over the dynamic batch ``shape`` (float64 by default)."""
        return cls._factory(torch.empty, shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def full(
        cls: type[T],
        *shape: Any,
        fill_value: Any = None,
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> T:
        """``fill_value`` in every storage entry over the dynamic batch ``shape``.

        Written ``full(2, 3, fill_value=0.1)`` or, as ``torch.full``, ``full((2, 3), 0.1)``.
        """
        if fill_value is None:
            if len(shape) == 2 and isinstance(shape[0], (tuple, list, torch.Size)):
                shape, fill_value = (tuple(shape[0]),), shape[1]
            else:
                raise TypeError(
                    f"{cls.__name__}.full needs a fill value: {cls.__name__}.full(*shape, fill_value=v) "
                    f"or {cls.__name__}.full((shape), v)"
                )
        if isinstance(fill_value, (TensorWrapper, torch.Tensor)):
            value = as_data(fill_value)
            out = cls._factory(torch.empty, shape, sub_batch_shape, dtype or value.dtype, device, False)
            data = value.to(dtype=out.dtype, device=out.device).expand(out.data.shape).clone()
            return cls(data.requires_grad_(requires_grad), sub_batch_ndim=out.sub_batch_ndim)

        def make(size: tuple, **kw: Any) -> torch.Tensor:
            return torch.full(size, float(fill_value), **kw)

        return cls._factory(make, shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def zeros_like(cls: type[T], other: TensorWrapper) -> T:
        """Zeros with the shape, layout metadata, dtype and device of ``other``."""
        return other._new(torch.zeros_like(other.data), cls)

    @classmethod
    def ones_like(cls: type[T], other: TensorWrapper) -> T:
        """Ones with the shape, layout metadata, dtype and device of ``other``."""
        return other._new(torch.ones_like(other.data), cls)

    @classmethod
    def full_like(cls: type[T], other: TensorWrapper, fill_value: float) -> T:
        """``fill_value`` everywhere, with the shape, metadata, dtype and device of ``other``."""
        return other._new(torch.full_like(other.data, float(fill_value)), cls)

    @classmethod
    def empty_like(cls: type[T], other: TensorWrapper) -> T:
        return cls(torch.zeros_like(other.data))

    # ---------------------------------------------------------- conversions
    def to(self: T, *args: Any, **kwargs: Any) -> T:
        return self._new(self.data.to(*args, **kwargs))

    def detach(self: T) -> T:
        return self._new(self.data.detach())

    def clone(self: T) -> T:
        return self._new(self.data.clone())

    def requires_grad_(self: T, flag: bool = True) -> T:
        self.data.requires_grad_(flag)
        return self

    def batch_expand(self: T, batch_shape: tuple[int, ...]) -> T:
        """Expand the dynamic batch axes to ``batch_shape`` (K / sub-batch / base unchanged)."""
        head = self.k_shape
        tail = self.data.shape[self.k_ndim + self.dynamic_batch_ndim :]
        pad = (1,) * (len(batch_shape) - self.dynamic_batch_ndim)
        data = self.data.reshape(tuple(head) + pad + tuple(self.dynamic_batch_shape) + tuple(tail))
        return self._new(data.expand(tuple(head) + tuple(batch_shape) + tuple(tail)))

    def batch_index(self: T, index: Any) -> T:
        """Index the (single, leading) dynamic batch axis, e.g. with a boolean mask of points."""
        if self.k_ndim:
            return self._new(self.data[(slice(None),) * self.k_ndim + (index,)])
        return self._new(self.data[index])

    def base_flatten(self) -> torch.Tensor:
        """Data with the base axes flattened into one trailing axis (Scalar -> size 1)."""
        n = self.base_ndim
        if n == 0:
            return self.data.unsqueeze(-1)
        if n == 1:
            return self.data
        return self.data.flatten(-n)

    @property
    def base_storage(self) -> int:
        size = 1
        for s in self.BASE_SHAPE:
            size *= s
        return size

    # ------------------------------------------------------------ arithmetic
    def __neg__(self: T) -> T:
        return self._new(-self.data)

    def __add__(self, other: Any) -> Any:
        return _binary(self, other, torch.add)

    def __radd__(self, other: Any) -> Any:
        return _binary(self, other, torch.add, reverse=True)

    def __sub__(self, other: Any) -> Any:
        return _binary(self, other, torch.sub)

    def __rsub__(self, other: Any) -> Any:
        return _binary(self, other, torch.sub, reverse=True)

    def __mul__(self, other: Any) -> Any:
        return _binary(self, other, torch.mul)

    def __rmul__(self, other: Any) -> Any:
        return _binary(self, other, torch.mul, reverse=True)

    def __truediv__(self, other: Any) -> Any:
        return _binary(self, other, torch.div)

    def __rtruediv__(self, other: Any) -> Any:
        return _binary(self, other, torch.div, reverse=True)

    def __pow__(self: T, other: Any) -> T:
        return _binary(self, other, _pow)

    def __rpow__(self, other: Any) -> Any:
        return _binary(self, other, _pow, reverse=True)


def stored(x: torch.Tensor) -> torch.Tensor:
    """``x``, kept as a buffer when traced for a compiler.  Inductor recomputes a pointwise value
    inside every loop that reads it; for a transcendental per-point value read by the (seed,
    component) loops of the tangents that multiplies its cost by tens (``pow`` was 40 % of the
    compiled J2 residual)."""
    if torch.compiler.is_compiling():
        return torch.ops.prims.inductor_force_stride_order(x, x.stride())
    return x


def _pow(a: Any, b: Any) -> torch.Tensor:
    return stored(torch.pow(a, b))


def _shape_args(batch: tuple) -> tuple[int, ...]:
    if len(batch) == 1 and isinstance(batch[0], (tuple, list, torch.Size)):
        return tuple(batch[0])
    return tuple(batch)


def _groups(x: TensorWrapper) -> tuple[int, int, int]:
    return x.k_ndim, x.dynamic_batch_ndim, x.sub_batch_ndim


def expand_groups(x: TensorWrapper, k: int, b: int, s: int, base: int | None = None) -> torch.Tensor:
    """``x.data`` reshaped (views only) so its K / batch / sub-batch groups have k / b / s axes.

    K axes are padded after the existing ones (seed axes align from the left), batch
    and sub-batch axes are padded at the start of their group (right alignment, as in
    ordinary broadcasting); ``base`` pads trailing singleton axes (Scalar -> SR2).
    """
    d = x.data
    kx, bx, sx = _groups(x)
    bn = x.base_ndim
    target_base = bn if base is None else base
    if kx == k and bx == b and sx == s and target_base == bn:
        return d
    if not isinstance(d, torch.Tensor):
        # axis insertions, not a reshape: a tangent-carrying ``.data`` keeps its broadcast axes aligned
        for _ in range(k - kx + b - bx):
            d = d.unsqueeze(kx)
        for _ in range(s - sx):
            d = d.unsqueeze(k + b)
        for _ in range(target_base - bn):
            d = d.unsqueeze(-1)
        return d
    shape = tuple(d.shape)
    new = (
        shape[:kx]
        + (1,) * (k - kx)
        + (1,) * (b - bx)
        + shape[kx : kx + bx]
        + (1,) * (s - sx)
        + shape[kx + bx :]
        + (1,) * (target_base - bn)
    )
    return d.reshape(new)


def merge_meta(*xs: TensorWrapper) -> dict[str, Any]:
    """Metadata of the result of combining ``xs``: the most K / sub-batch axes win."""
    k = max(x.k_ndim for x in xs)
    top = [x for x in xs if x.k_ndim == k]
    return {
        "k_ndim": k,
        "k_state": next((x.k_state for x in top if x.k_state), top[0].k_state),
        "k_pairing": next((x.k_pairing for x in xs if x.k_pairing), ()),
        "sub_batch_ndim": max(x.sub_batch_ndim for x in xs),
        "sub_batch_state": next((x.sub_batch_state for x in xs if x.sub_batch_state), ()),
        "sub_batch_meta": next((x.sub_batch_meta for x in xs if x.sub_batch_meta), ()),
    }


def align_groups(*xs: TensorWrapper) -> tuple[list[torch.Tensor], dict[str, Any]]:
    """Raw data of ``xs`` with equal K / batch / sub-batch ndims, each keeping its own base.

    For contractions (``R2 @ Vec``, ``SSR4 @ SR2``, dot products): the leading
    ``k + b + s`` axes of the results broadcast against each other.
    """
    k = max(x.k_ndim for x in xs)
    b = max(x.dynamic_batch_ndim for x in xs)
    s = max(x.sub_batch_ndim for x in xs)
    return [expand_groups(x, k, b, s) for x in xs], merge_meta(*xs)


def align(a: TensorWrapper, b: TensorWrapper) -> tuple[torch.Tensor, torch.Tensor, dict[str, Any]]:
    """Raw data of ``a`` and ``b`` made broadcast-compatible group by group.

    Base shapes must be equal or one of them empty (a Scalar factor).  Returns the two
    tensors and the metadata of the result.
    """
    ka, ba, sa = _groups(a)
    kb, bb, sb = _groups(b)
    na, nb = a.base_ndim, b.base_ndim
    base = max(na, nb)
    if sa == sb and ka == kb and (ka == 0 or ba == bb):
        da = a.data if na == base else a.data.reshape(a.data.shape + (1,) * (base - na))
        db = b.data if nb == base else b.data.reshape(b.data.shape + (1,) * (base - nb))
    else:
        k, bt, s = max(ka, kb), max(ba, bb), max(sa, sb)
        da = expand_groups(a, k, bt, s, base)
        db = expand_groups(b, k, bt, s, base)
    return da, db, merge_meta(a, b)


def _binary(self: TensorWrapper, other: Any, op: Any, reverse: bool = False) -> Any:
    if isinstance(other, TensorWrapper):
        a, b = (other, self) if reverse else (self, other)
        if a.base_ndim and b.base_ndim and type(a) is not type(b) and a.BASE_SHAPE != b.BASE_SHAPE:
            raise TypeError(f"cannot combine {type(a).__name__} and {type(b).__name__} elementwise")
        cls = type(a) if a.base_ndim >= b.base_ndim else type(b)
        da, db, meta = align(a, b)
        out = op(da, db)
        wrapper = self._new(out, cls, **meta)
        if cls.__name__ == "Tensor":
            wrapper.tensor_base_ndim = max(a.base_ndim, b.base_ndim)  # type: ignore[attr-defined]
        return wrapper
    if isinstance(other, (int, float)) or isinstance(other, torch.Tensor):
        out = op(other, self.data) if reverse else op(self.data, other)
        return self._new(out)
    return NotImplemented
