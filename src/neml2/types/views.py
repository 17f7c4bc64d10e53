"""Region views: ``t.dynamic_batch``, ``t.sub_batch``, ``t.batch`` and ``t.base``.

A wrapper's data is ``(*K, *dynamic_batch, *sub_batch, *base)``.  A view names one
region, so reshapes, indexing and the free functions (``sum``, ``cat``, ``linspace``,
...) address that region's axes by position inside it; the other regions pass
through and the result's ``sub_batch_ndim`` is kept (dynamic batch) or adjusted
(sub-batch).  Every op returns a fresh wrapper, so calls chain.
"""

from __future__ import annotations

from typing import Any

import torch

from ._base import TensorWrapper, _shape_args


def _norm_dim(dim: int, n: int, what: str) -> int:
    if not -n <= dim < n:
        raise IndexError(f"{what} dim {dim} out of range for a region of {max(n, 0)} axes")
    return dim % n


def _key_tuple(key: Any) -> tuple:
    return key if isinstance(key, tuple) else (key,)


def _consumed(k: Any) -> int:
    """Number of axes an index element consumes (``None`` and ``...`` none)."""
    if k is None or k is Ellipsis:
        return 0
    if isinstance(k, torch.Tensor) and k.dtype == torch.bool:
        return k.dim()
    return 1


def _region_key(key: Any, ndim: int, what: str) -> tuple:
    """``key`` with ``...`` spelled out as the ``:`` it stands for inside a region of ``ndim`` axes."""
    key = _key_tuple(key)
    if sum(k is Ellipsis for k in key) > 1:
        raise IndexError(f"{what}: an index can have only one ellipsis (...)")
    used = sum(_consumed(k) for k in key)
    if used > ndim:
        raise IndexError(f"{what}: too many indices ({used}) for a region of {ndim} axes")
    if Ellipsis in key:
        i = next(j for j, k in enumerate(key) if k is Ellipsis)
        return key[:i] + (slice(None),) * (ndim - used) + key[i + 1 :]
    return key + (slice(None),) * (ndim - used)


def _adjust_sub_meta(t: TensorWrapper, new_ndim: int) -> dict[str, Any]:
    """Metadata for a result whose sub-batch region now has ``new_ndim`` axes."""
    meta: dict[str, Any] = {"sub_batch_ndim": new_ndim}
    if new_ndim != t.sub_batch_ndim:
        for name in ("sub_batch_state", "sub_batch_meta"):
            value = getattr(t, name)
            if len(value) == t.sub_batch_ndim and t.sub_batch_ndim:
                meta[name] = ()
    return meta


class RegionView:
    """Common part of the views: the region's axis range inside ``data``."""

    name = "region"
    __slots__ = ("tensor",)

    def __init__(self, tensor: TensorWrapper) -> None:
        self.tensor = tensor

    # region boundaries inside data
    @property
    def start(self) -> int:
        raise NotImplementedError

    @property
    def ndim(self) -> int:
        raise NotImplementedError

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.tensor.data.shape[self.start : self.start + self.ndim])

    def size(self, dim: int | None = None) -> Any:
        if dim is None:
            return self.shape
        return self.shape[_norm_dim(dim, self.ndim, self.name)]

    def axis(self, dim: int, extra: int = 0) -> int:
        """Absolute data axis of region axis ``dim`` (``extra`` = 1 for a new axis)."""
        return self.start + _norm_dim(dim, self.ndim + extra, f"{self.name}")

    def __repr__(self) -> str:
        return f"<{self.name} view of {type(self.tensor).__name__} with shape {self.shape}>"

    # hooks for the region-changing ops
    def _wrap(self, data: torch.Tensor, new_ndim: int) -> Any:
        """A wrapper over ``data`` whose region now has ``new_ndim`` axes."""
        raise NotImplementedError

    def _prepare(self) -> TensorWrapper:
        return self.tensor

    # ----------------------------------------------------------- reshapes
    def unsqueeze(self, dim: int) -> Any:
        """A new size-1 axis at position ``dim`` of the region."""
        t = self._prepare()
        return self._wrap(t.data.unsqueeze(self.axis(dim, 1)), self.ndim + 1)

    def squeeze(self, dim: int) -> Any:
        """Drop region axis ``dim``; it must have size 1."""
        ax = self.axis(dim)
        if self.tensor.data.shape[ax] != 1:
            raise ValueError(f"{self.name}.squeeze({dim}): axis has size {self.tensor.data.shape[ax]}, not 1")
        t = self._prepare()
        return self._wrap(t.data.squeeze(ax), self.ndim - 1)

    def expand(self, *shape: Any) -> Any:
        """Broadcast the region to ``shape`` (right aligned, new leading axes allowed, -1 keeps a size)."""
        shape = _shape_args(shape)
        n = self.ndim
        if len(shape) < n:
            raise ValueError(f"{self.name}.expand{shape}: fewer sizes than the region's {n} axes {self.shape}")
        t = self._prepare()
        d = t.data
        head, tail = d.shape[: self.start], d.shape[self.start + n :]
        d = d.reshape(*head, *((1,) * (len(shape) - n)), *self.shape, *tail)
        return self._wrap(d.expand(*head, *shape, *tail), len(shape))

    def reshape(self, *shape: Any) -> Any:
        """The region's axes reshaped to ``shape`` (one -1 allowed)."""
        shape = _shape_args(shape)
        t = self._prepare()
        d = t.data
        head, tail = d.shape[: self.start], d.shape[self.start + self.ndim :]
        out = d.reshape(*head, *shape, *tail)
        return self._wrap(out, out.dim() - len(head) - len(tail))

    def flatten(self) -> Any:
        """The region's axes merged into one."""
        return self.reshape(-1) if self.ndim else self.unsqueeze(0)

    def movedim(self, source: int, destination: int) -> Any:
        t = self._prepare()
        return self._wrap(t.data.movedim(self.axis(source), self.axis(destination)), self.ndim)

    def transpose(self, dim0: int, dim1: int) -> Any:
        t = self._prepare()
        return self._wrap(t.data.transpose(self.axis(dim0), self.axis(dim1)), self.ndim)

    # ----------------------------------------------------------- indexing
    def __getitem__(self, key: Any) -> Any:
        rkey = _region_key(key, self.ndim, f"{self.name}[...]")
        t = self._prepare()
        adv = [i for i, k in enumerate(rkey) if not isinstance(k, (int, slice)) and k is not None]
        if len(adv) > 1 and adv[-1] - adv[0] + 1 != len(adv):
            raise IndexError(f"{self.name}[...]: tensor indices must be adjacent inside the region")
        d = t.data[(slice(None),) * self.start + rkey]
        return self._wrap(d, d.dim() - (t.data.dim() - self.ndim))


class DynamicBatchView(RegionView):
    """``t.dynamic_batch``: the ordinary batch axes; ops keep ``sub_batch_ndim``."""

    name = "dynamic_batch"
    __slots__ = ()

    @property
    def start(self) -> int:
        return self.tensor.k_ndim

    @property
    def ndim(self) -> int:
        return self.tensor.dynamic_batch_ndim

    def _wrap(self, data: torch.Tensor, new_ndim: int) -> Any:
        return self.tensor._new(data)


class SubBatchView(RegionView):
    """``t.sub_batch``: the per-site axes; ops adjust ``sub_batch_ndim``."""

    name = "sub_batch"
    __slots__ = ()

    @property
    def start(self) -> int:
        return self.tensor.k_ndim + self.tensor.dynamic_batch_ndim

    @property
    def ndim(self) -> int:
        return self.tensor.sub_batch_ndim

    def _prepare(self) -> TensorWrapper:
        # A K axis paired with a sub-batch axis must be spelled out before sites move.
        from .functions import fullify

        return fullify(self.tensor)

    def _wrap(self, data: torch.Tensor, new_ndim: int) -> Any:
        return self.tensor._new(data, k_pairing=(), **_adjust_sub_meta(self.tensor, new_ndim))

    def retag(self, n: int) -> Any:
        """The trailing ``n`` batch axes (dynamic or sub-batch) count as sub-batch; data unchanged."""
        t = self.tensor
        if not 0 <= n <= t.batch_ndim:
            raise ValueError(
                f"sub_batch.retag({n}): {type(t).__name__} of shape {tuple(t.data.shape)} has "
                f"{t.batch_ndim} batch axes {t.batch_shape}"
            )
        t = self._prepare() if n != t.sub_batch_ndim else t
        return t._new(t.data, **_adjust_sub_meta(self.tensor, n))

    def expand_at(self, size: int, dim: int = -1) -> Any:
        """Broadcast in a new sub-batch axis of ``size`` at sub-batch position ``dim`` (default last)."""
        t = self._prepare()
        ax = self.axis(dim, 1)
        d = t.data.unsqueeze(ax)
        shape = list(d.shape)
        shape[ax] = size
        return self._wrap(d.expand(shape), self.ndim + 1)

    def diagonalize(self, dim: int = -1) -> Any:
        """Per-site vector -> per-site diagonal: sub-batch axis ``dim`` of size n becomes n x n,
        ``out[..., i, j, ...] = delta_ij x[..., i, ...]``."""
        t = self._prepare()
        ax = self.axis(dim)
        d = t.data.movedim(ax, -1)
        d = torch.diag_embed(d)  # (..., n, n) at the end
        d = d.movedim(-1, ax).movedim(-1, ax)
        return self._wrap(d, self.ndim + 1)


class BatchView(RegionView):
    """``t.batch``: dynamic batch + sub-batch; read-only shape, indexing and ``cat``."""

    name = "batch"
    __slots__ = ()

    @property
    def start(self) -> int:
        return self.tensor.k_ndim

    @property
    def ndim(self) -> int:
        return self.tensor.batch_ndim

    def _refuse(self, op: str) -> Any:
        raise TypeError(
            f"batch.{op} is ambiguous: t.batch spans the dynamic batch and the sub-batch regions; "
            f"use t.dynamic_batch.{op} or t.sub_batch.{op}"
        )

    def unsqueeze(self, dim: int) -> Any:
        return self._refuse("unsqueeze")

    def squeeze(self, dim: int) -> Any:
        return self._refuse("squeeze")

    def expand(self, *shape: Any) -> Any:
        return self._refuse("expand")

    def reshape(self, *shape: Any) -> Any:
        return self._refuse("reshape")

    def flatten(self) -> Any:
        return self._refuse("flatten")

    def movedim(self, source: int, destination: int) -> Any:
        return self._refuse("movedim")

    def transpose(self, dim0: int, dim1: int) -> Any:
        return self._refuse("transpose")

    def region_of(self, dim: int) -> tuple[RegionView, int]:
        """The dynamic or sub-batch view holding batch axis ``dim``, and the axis inside it."""
        d = _norm_dim(dim, self.ndim, "batch")
        nd = self.tensor.dynamic_batch_ndim
        if d < nd:
            return DynamicBatchView(self.tensor), d
        return SubBatchView(self.tensor), d - nd

    def __getitem__(self, key: Any) -> Any:
        """Index the batch axes; the sub-batch count follows the axes each index element addresses."""
        t = self.tensor
        rkey = _region_key(key, self.ndim, "batch[...]")
        if t.sub_batch_ndim:
            from .functions import fullify

            t = fullify(t)
        nd = t.dynamic_batch_ndim
        pos, sub = 0, 0
        for k in rkey:
            if k is None:
                sub += pos >= nd and t.sub_batch_ndim > 0
                continue
            n = _consumed(k)
            if isinstance(k, int):
                pass
            elif isinstance(k, slice):
                sub += pos >= nd
            elif pos >= nd:
                sub += torch.as_tensor(k).dim() if n == 1 else 1
            pos += n
        d = t.data[(slice(None),) * self.start + rkey]
        return t._new(d, **_adjust_sub_meta(self.tensor, int(sub)))


class BaseView(RegionView):
    """``t.base``: the base axes.  Read-only on fixed-base types except ``transpose`` on square
    bases (R2, SSR4); on the dynamic-base ``Tensor`` it is indexable and reshapeable."""

    name = "base"
    __slots__ = ()

    @property
    def start(self) -> int:
        return self.tensor.data.dim() - self.tensor.base_ndim

    @property
    def ndim(self) -> int:
        return self.tensor.base_ndim

    @property
    def _dynamic(self) -> bool:
        return hasattr(self.tensor, "tensor_base_ndim")

    def _wrap(self, data: torch.Tensor, new_ndim: int) -> Any:
        if self._dynamic:
            return self.tensor._new(data, tensor_base_ndim=new_ndim)
        return self.tensor._new(data)

    def _refuse(self, op: str) -> Any:
        cls = type(self.tensor).__name__
        raise TypeError(
            f"{cls}.base.{op}: the base shape {self.tensor.BASE_SHAPE} of {cls} is fixed by its type; "
            "use vec_component to read a component, or a Tensor for a free-form base"
        )

    def transpose(self, dim0: int = -2, dim1: int = -1) -> Any:
        if not self._dynamic:
            base = self.tensor.BASE_SHAPE
            if len(base) != 2 or base[0] != base[1]:
                return self._refuse("transpose")
        return super().transpose(dim0, dim1)

    def __getitem__(self, key: Any) -> Any:
        if not self._dynamic:
            return self._refuse("__getitem__")
        return super().__getitem__(key)

    def unsqueeze(self, dim: int) -> Any:
        return super().unsqueeze(dim) if self._dynamic else self._refuse("unsqueeze")

    def squeeze(self, dim: int) -> Any:
        return super().squeeze(dim) if self._dynamic else self._refuse("squeeze")

    def expand(self, *shape: Any) -> Any:
        return super().expand(*shape) if self._dynamic else self._refuse("expand")

    def reshape(self, *shape: Any) -> Any:
        return super().reshape(*shape) if self._dynamic else self._refuse("reshape")

    def flatten(self) -> Any:
        return super().flatten() if self._dynamic else self._refuse("flatten")

    def movedim(self, source: int, destination: int) -> Any:
        return super().movedim(source, destination) if self._dynamic else self._refuse("movedim")
