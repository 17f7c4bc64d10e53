"""The concrete typed tensors except rotations: Tensor, Scalar, Vec, MillerIndex, R2, SR2, WR2, SSR4, R4;
and ``TYPES``, every type by name (the rotation types MRP / Rot and Quaternion live in rotations.py).

SR2 uses Mandel notation: ``(xx, yy, zz, sqrt2*yz, sqrt2*xz, sqrt2*xy)``, so the
Frobenius inner product of two symmetric tensors is the dot product of their
6-vectors and SSR4 acts as a plain 6x6 matrix.  WR2 stores the axial vector
``w`` of ``W`` (``W v = w x v``).

Contractions (``@``, ``dot``, ``inner``) align the K / batch / sub-batch groups of
their operands (see :func:`align_groups`), so tangents with leading K axes combine
with ordinary per-point coefficients.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import torch

from ._base import TensorWrapper, _shape_args, align, align_groups, as_data, default_dtype, stored

SQRT2 = math.sqrt(2.0)
# Mandel index (i, j) -> position, and the off-diagonal scale factors.
MANDEL_IJ = ((0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1))
MANDEL_FACTOR = (1.0, 1.0, 1.0, SQRT2, SQRT2, SQRT2)
_FULL_TO_MANDEL = [[0, 5, 4], [5, 1, 3], [4, 3, 2]]


def _mandel_factor(like: torch.Tensor) -> torch.Tensor:
    return torch.tensor(MANDEL_FACTOR, dtype=like.dtype, device=like.device)


def _tensors(values: Any, dtype: torch.dtype | None = None, device: Any = None) -> list[torch.Tensor]:
    """Values as broadcast tensors; python numbers follow the dtype of tensor values (else float64)."""
    raw = [v.data if isinstance(v, TensorWrapper) else v for v in values]
    like = next((v for v in raw if isinstance(v, torch.Tensor) and v.is_floating_point()), None)
    if dtype is None and like is not None:
        dtype = like.dtype
    if device is None and like is not None:
        device = like.device
    ts = [as_data(v, dtype).to(dtype=dtype or default_dtype(), device=device) for v in raw]
    return list(torch.broadcast_tensors(*ts))


def _stack(values: Any, dtype: torch.dtype | None = None, device: Any = None) -> torch.Tensor:
    return torch.stack(_tensors(values, dtype, device), dim=-1)


def _opts(dtype: torch.dtype | None, device: Any) -> dict[str, Any]:
    return {"dtype": dtype or default_dtype(), "device": device}


def _identity6(like: torch.Tensor) -> torch.Tensor:
    return torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=like.dtype, device=like.device)


def _third_identity(like: torch.Tensor) -> torch.Tensor:
    return torch.tensor([1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0, 0], dtype=like.dtype, device=like.device)


def _contract(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Sum over the last axis of ``a * b`` without materializing the broadcast product
    (einsum lowers outer-broadcast cases such as (Ka, 1, N, 6) x (1, Kb, N, 6) to a matmul).
    Traced for a compiler, the plain product and sum: it fuses them into the surrounding loops,
    where a matmul of tiny per-point matrices would be a slow library call."""
    if torch.compiler.is_compiling():
        return (a * b).sum(-1)
    return torch.einsum("...i,...i->...", a, b)


def _matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a @ b`` of per-point matrices (3x3, 6x6); traced for a compiler, the products and their sum,
    which it fuses into the surrounding loops instead of calling a batched matmul of tiny matrices."""
    if torch.compiler.is_compiling():
        return (a.unsqueeze(-1) * b.unsqueeze(-3)).sum(-2)
    return a @ b


def _matvec(M: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """``M v`` of per-point matrices and vectors (fused by a compiler, as :func:`_matmul`)."""
    if torch.compiler.is_compiling():
        return (M * v.unsqueeze(-2)).sum(-1)
    return (M @ v.unsqueeze(-1)).squeeze(-1)


class PrimitiveTensor(TensorWrapper):
    """Base of the fixed-base-shape types (Scalar, Vec, R2, SR2, ...): the base shape and its
    packing convention are class invariants (``BASE_SHAPE``), unlike the dynamic-base Tensor."""

    __slots__ = ()


class Tensor(TensorWrapper):
    """A general tensor whose number of base dimensions is a runtime field.

    ``Tensor(data, base_ndim)`` fixes the base rank; ``Tensor(data, batch_ndim=n)`` fixes the
    number of batch axes (dynamic + sub-batch) instead and the rest is base.
    """

    __slots__ = ("tensor_base_ndim",)

    def __init__(self, data: Any, base_ndim: int | None = None, batch_ndim: int | None = None, **meta: Any) -> None:
        if base_ndim is None:
            base_ndim = 0
            if batch_ndim is not None:
                base_ndim = as_data(data).dim() - meta.get("k_ndim", 0) - batch_ndim
                if base_ndim < 0 or batch_ndim < meta.get("sub_batch_ndim", 0):
                    raise ValueError(
                        f"Tensor: batch_ndim={batch_ndim} does not fit a tensor of shape {tuple(as_data(data).shape)}"
                    )
        elif batch_ndim is not None and as_data(data).dim() - meta.get("k_ndim", 0) - base_ndim != batch_ndim:
            raise ValueError(f"Tensor: base_ndim={base_ndim} and batch_ndim={batch_ndim} disagree")
        self.tensor_base_ndim = base_ndim
        super().__init__(data, **meta)

    @property
    def base_ndim(self) -> int:  # type: ignore[override]
        return self.tensor_base_ndim

    def _meta(self) -> dict[str, Any]:
        m = super()._meta()
        m["tensor_base_ndim"] = self.tensor_base_ndim
        return m

    def __repr__(self) -> str:
        return super().__repr__()[:-1] + f", base_ndim={self.tensor_base_ndim})"

    @classmethod
    def _make(
        cls,
        make: Any,
        shape: tuple,
        batch_shape: Any,
        base_shape: Any,
        sub_batch_shape: Any,
        dtype: torch.dtype | None,
        device: Any,
        requires_grad: bool,
    ) -> Tensor:
        if batch_shape is not None and shape:
            raise TypeError("Tensor factories take the batch shape positionally or as batch_shape=, not both")
        batch = tuple(batch_shape) if batch_shape is not None else _shape_args(shape)
        sub, base = tuple(sub_batch_shape), tuple(base_shape)
        data = make(batch + sub + base, dtype=dtype or default_dtype(), device=device)
        if requires_grad:
            data.requires_grad_(True)
        return cls(data, len(base), sub_batch_ndim=len(sub))

    @classmethod
    def zeros(  # type: ignore[override]
        cls,
        *shape: Any,
        batch_shape: Any = None,
        base_shape: Any = (),
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Zeros of ``(*batch_shape, *sub_batch_shape, *base_shape)``."""
        return cls._make(torch.zeros, shape, batch_shape, base_shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def ones(  # type: ignore[override]
        cls,
        *shape: Any,
        batch_shape: Any = None,
        base_shape: Any = (),
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Ones of ``(*batch_shape, *sub_batch_shape, *base_shape)``."""
        return cls._make(torch.ones, shape, batch_shape, base_shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def empty(  # type: ignore[override]
        cls,
        *shape: Any,
        batch_shape: Any = None,
        base_shape: Any = (),
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """Uninitialized storage of ``(*batch_shape, *sub_batch_shape, *base_shape)``."""
        return cls._make(torch.empty, shape, batch_shape, base_shape, sub_batch_shape, dtype, device, requires_grad)

    @classmethod
    def full(  # type: ignore[override]
        cls,
        *shape: Any,
        fill_value: Any = None,
        batch_shape: Any = None,
        base_shape: Any = (),
        sub_batch_shape: Any = (),
        dtype: torch.dtype | None = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> Tensor:
        """``fill_value`` everywhere in ``(*batch_shape, *sub_batch_shape, *base_shape)``."""
        if fill_value is None:
            raise TypeError("Tensor.full needs fill_value=")

        def make(size: tuple, **kw: Any) -> torch.Tensor:
            return torch.full(size, float(fill_value), **kw)

        return cls._make(make, shape, batch_shape, base_shape, sub_batch_shape, dtype, device, requires_grad)


class Scalar(PrimitiveTensor):
    """A scalar per (batch) point; base shape ``()``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = ()
    __slots__ = ()

    @classmethod
    def fill(cls, value: Any, dtype: torch.dtype | None = None, device: Any = None) -> Scalar:
        """A Scalar holding ``value`` (a number, a sequence or a tensor; float64 by default)."""
        return cls(_tensors([value], dtype, device)[0])

    @classmethod
    def arange(
        cls,
        start: float,
        end: float | None = None,
        step: float = 1.0,
        dtype: torch.dtype | None = None,
        device: Any = None,
    ) -> Scalar:
        """``torch.arange`` as a Scalar over one dynamic batch axis (float64 by default)."""
        if end is None:
            start, end = 0.0, start
        return cls(torch.arange(start, end, step, **_opts(dtype, device)))

    @classmethod
    def from_value(
        cls, value: Any, like: TensorWrapper | None = None, dtype: torch.dtype | None = None, device: Any = None
    ) -> Scalar:
        """``value`` as a Scalar with the dtype / device of ``like`` (else float64 / ``device``)."""
        if like is not None:
            dtype, device = dtype or like.dtype, device or like.device
        return cls(as_data(value, dtype).to(dtype=dtype or default_dtype(), device=device))

    def _map(self, fn: Any) -> Scalar:
        return self._new(fn(self.data))

    def sqrt(self) -> Scalar:
        return self._map(torch.sqrt)

    def exp(self) -> Scalar:
        return self._map(lambda x: stored(torch.exp(x)))

    def log(self) -> Scalar:
        return self._map(lambda x: stored(torch.log(x)))

    def abs(self) -> Scalar:
        return self._map(torch.abs)

    def sign(self) -> Scalar:
        return self._map(torch.sign)

    def sin(self) -> Scalar:
        return self._map(torch.sin)

    def cos(self) -> Scalar:
        return self._map(torch.cos)

    def tanh(self) -> Scalar:
        return self._map(torch.tanh)

    def macaulay(self) -> Scalar:
        """``<x> = max(x, 0)``."""
        return self._new(torch.clamp(self.data, min=0.0))

    def heaviside(self) -> Scalar:
        """1 where x > 0, else 0 (the derivative of the Macaulay bracket)."""
        return self._new((self.data > 0).to(self.data.dtype))

    def clamp(self, min: float | None = None, max: float | None = None) -> Scalar:
        return self._new(torch.clamp(self.data, min=min, max=max))

    def item(self) -> float:
        return self.data.item()


class Vec(PrimitiveTensor):
    """A 3-vector."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any, dtype: torch.dtype | None = None, device: Any = None) -> Any:
        return cls(_stack([x, y, z], dtype, device))

    def dot(self, other: TensorWrapper) -> Scalar:
        a, b, meta = align(self, other)
        return self._new(_contract(a, b), Scalar, **meta)

    def norm_sq(self) -> Scalar:
        return self._new((self.data * self.data).sum(-1), Scalar)

    def norm(self) -> Scalar:
        return self._new(torch.linalg.vector_norm(self.data, dim=-1), Scalar)

    def cross(self, other: TensorWrapper) -> Vec:
        a, b, meta = align(self, other)
        a, b = torch.broadcast_tensors(a, b)
        return self._new(torch.linalg.cross(a, b, dim=-1), Vec, **meta)

    def outer(self, other: TensorWrapper) -> R2:
        a, b, meta = align(self, other)
        return self._new(a.unsqueeze(-1) * b.unsqueeze(-2), R2, **meta)

    def normalize(self) -> Vec:
        """``v / |v|``."""
        return self._new(self.data / torch.linalg.vector_norm(self.data, dim=-1, keepdim=True), Vec)

    def rotate(self, R: Any) -> Vec:
        """``R v`` for a rotation given as R2, Rot or Quaternion."""
        return _rotation_matrix(R) @ self


class MillerIndex(Vec):
    """Crystallographic direction / plane indices; stored as floats."""

    __slots__ = ()

    def normalize(self) -> Vec:
        """The unit Vec along these indices."""
        return super().normalize()


class R2(PrimitiveTensor):
    """A full second order tensor, ``(3, 3)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3, 3)
    __slots__ = ()

    @classmethod
    def identity(cls, dtype: torch.dtype | None = None, device: Any = None) -> R2:
        return cls(torch.eye(3, **_opts(dtype, device)))

    @classmethod
    def fill(cls, *values: Any, dtype: torch.dtype | None = None, device: Any = None) -> R2:
        """1 value: ``a*I``; 3 values: diagonal; 9 values: row-major components."""
        if len(values) == 1:
            v = _tensors(values, dtype, device)[0]
            return cls(v[..., None, None] * torch.eye(3, dtype=v.dtype, device=v.device))
        if len(values) == 3:
            return cls(torch.diag_embed(_stack(values, dtype, device)))
        if len(values) == 9:
            return cls(_stack(values, dtype, device).unflatten(-1, (3, 3)))
        raise ValueError(f"R2.fill takes 1, 3 or 9 values, got {len(values)}")

    def transpose(self) -> R2:
        return self._new(self.data.transpose(-1, -2))

    def det(self) -> Scalar:
        return self._new(torch.linalg.det(self.data), Scalar)

    def inverse(self) -> R2:
        return self._new(torch.linalg.inv(self.data))

    def tr(self) -> Scalar:
        return self._new(self.data.diagonal(dim1=-2, dim2=-1).sum(-1), Scalar)

    def dev(self) -> R2:
        """``A - tr(A)/3 I``."""
        eye = torch.eye(3, dtype=self.dtype, device=self.device)
        return self._new(self.data - self.tr().data[..., None, None] / 3.0 * eye)

    def inner(self, other: R2) -> Scalar:
        """``A : B = A_ij B_ij``."""
        a, b, meta = align(self, other)
        return self._new((a * b).sum((-1, -2)), Scalar, **meta)

    def norm(self) -> Scalar:
        return self._new(torch.sqrt((self.data * self.data).sum((-1, -2))), Scalar)

    def sym(self) -> SR2:
        return SR2.from_full(self)

    def skew(self) -> WR2:
        return WR2.from_full(self)

    def rotate(self, R: Any) -> R2:
        """``R A R^T``."""
        Q = _rotation_matrix(R)
        return Q @ self @ Q.transpose()

    def __matmul__(self, other: Any) -> Any:
        if isinstance(other, R2):
            (a, b), meta = align_groups(self, other)
            return self._new(_matmul(a, b), R2, **meta)
        if isinstance(other, Vec):
            (a, b), meta = align_groups(self, other)
            return self._new(_matvec(a, b), Vec, **meta)
        return NotImplemented


class SR2(PrimitiveTensor):
    """A symmetric second order tensor in Mandel notation, ``(6,)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (6,)
    __slots__ = ()

    @classmethod
    def fill(cls, *values: Any, dtype: torch.dtype | None = None, device: Any = None) -> SR2:
        """1 value: ``a*I``; 3 values: diagonal; 6 values: ``xx yy zz yz xz xy`` (Mandel-scaled)."""
        vals = _tensors(values, dtype, device)
        if len(vals) == 1:
            v = vals[0]
            z = torch.zeros_like(v)
            return cls(torch.stack([v, v, v, z, z, z], -1))
        if len(vals) == 3:
            z = torch.zeros_like(vals[0])
            return cls(torch.stack([*vals, z, z, z], -1))
        if len(vals) == 6:
            return cls(torch.stack(vals, -1) * _mandel_factor(vals[0]))
        raise ValueError(f"SR2.fill takes 1, 3 or 6 values, got {len(values)}")

    @classmethod
    def identity(cls, dtype: torch.dtype | None = None, device: Any = None) -> SR2:
        return cls(torch.tensor([1.0, 1, 1, 0, 0, 0], **_opts(dtype, device)))

    @classmethod
    def from_full(cls, r2: Any) -> SR2:
        """Mandel vector of ``sym(A)`` for an R2 (or a raw ``(..., 3, 3)`` tensor)."""
        r2 = r2 if isinstance(r2, R2) else R2(r2)
        d = r2.data
        sym = 0.5 * (d + d.transpose(-1, -2))
        comps = [sym[..., i, j] for i, j in MANDEL_IJ]
        return r2._new(torch.stack(comps, dim=-1) * _mandel_factor(d), cls)

    def to_full(self) -> R2:
        d = self.data / _mandel_factor(self.data)
        idx = torch.tensor(_FULL_TO_MANDEL, device=d.device).flatten()
        return self._new(d[..., idx].unflatten(-1, (3, 3)), R2)

    def tr(self) -> Scalar:
        return self._new(self.data[..., 0] + self.data[..., 1] + self.data[..., 2], Scalar)

    def vol(self) -> SR2:
        """Volumetric part ``tr(A)/3 I``."""
        t = self.tr().data / 3.0
        z = torch.zeros_like(t)
        return self._new(torch.stack([t, t, t, z, z, z], dim=-1))

    def dev(self) -> SR2:
        """Deviatoric part ``A - tr(A)/3 I``."""
        d = self.data
        return self._new(d - _contract(d, _third_identity(d)).unsqueeze(-1) * _identity6(d))

    def inner(self, other: SR2) -> Scalar:
        """``A : B`` (a dot product in Mandel notation)."""
        a, b, meta = align(self, other)
        return self._new(_contract(a, b), Scalar, **meta)

    def norm_sq(self) -> Scalar:
        return self._new((self.data * self.data).sum(-1), Scalar)

    def norm(self, eps: float = 0.0) -> Scalar:
        """``sqrt(A : A + eps)``; ``eps`` keeps the derivative finite at zero."""
        return self._new(torch.sqrt((self.data * self.data).sum(-1) + eps), Scalar)

    def outer(self, other: SR2) -> SSR4:
        """``A (x) B`` as a 6x6 Mandel matrix."""
        a, b, meta = align(self, other)
        return self._new(a.unsqueeze(-1) * b.unsqueeze(-2), SSR4, **meta)

    def det(self) -> Scalar:
        return self.to_full().det()

    def inverse(self) -> SR2:
        return SR2.from_full(self.to_full().inverse())

    def rotate(self, R: Any) -> SR2:
        """``R A R^T`` for a rotation given as R2, Rot or Quaternion."""
        Q = _rotation_matrix(R)
        return SR2.from_full(Q @ self.to_full() @ Q.transpose())


class WR2(PrimitiveTensor):
    """A skew-symmetric second order tensor stored as its axial vector ``(3,)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any, dtype: torch.dtype | None = None, device: Any = None) -> WR2:
        return cls(_stack([x, y, z], dtype, device))

    @classmethod
    def from_full(cls, r2: Any) -> WR2:
        """Axial vector of ``skew(A)`` for an R2 (or a raw ``(..., 3, 3)`` tensor)."""
        r2 = r2 if isinstance(r2, R2) else R2(r2)
        d = r2.data
        w = 0.5 * (d - d.transpose(-1, -2))
        return r2._new(torch.stack([w[..., 2, 1], w[..., 0, 2], w[..., 1, 0]], dim=-1), cls)

    def vec(self) -> Vec:
        """The axial vector ``w`` (``W v = w x v``)."""
        return self._new(self.data, Vec)

    def to_full(self) -> R2:
        w = self.data
        z = torch.zeros_like(w[..., 0])
        rows = [
            torch.stack([z, -w[..., 2], w[..., 1]], -1),
            torch.stack([w[..., 2], z, -w[..., 0]], -1),
            torch.stack([-w[..., 1], w[..., 0], z], -1),
        ]
        return self._new(torch.stack(rows, dim=-2), R2)

    def exp_map(self) -> Rot:
        """The rotation ``exp(W)`` (angle ``|w|`` about ``w``) as the MRP ``tan(|w|/4) w/|w|``."""
        w = self.data
        n2 = (w * w).sum(-1, keepdim=True)
        small = n2 < 1e-8
        n = torch.sqrt(torch.where(small, torch.ones_like(n2), n2))  # finite gradients at w = 0
        factor = torch.where(small, 0.25 + n2 / 192.0, torch.tan(n / 4.0) / n)
        return self._new(w * factor, Rot)


class SSR4(PrimitiveTensor):
    """A fourth order tensor with minor symmetries in Mandel notation, ``(6, 6)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (6, 6)
    __slots__ = ()

    @classmethod
    def identity_sym(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        """``I_sym``: maps every SR2 to itself."""
        return cls(torch.eye(6, **_opts(dtype, device)))

    @classmethod
    def identity_vol(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        """``I (x) I / 3``: maps A to its volumetric part."""
        d = torch.zeros(6, 6, **_opts(dtype, device))
        d[:3, :3] = 1.0 / 3.0
        return cls(d)

    @classmethod
    def identity_dev(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        """``I_sym - I_vol``: maps A to its deviatoric part."""
        return cls(SSR4.identity_sym(dtype, device).data - SSR4.identity_vol(dtype, device).data)

    @classmethod
    def isotropic_E_nu(cls, E: Any, nu: Any) -> SSR4:
        """Isotropic stiffness ``3 K I_vol + 2 G I_dev`` from Young's modulus and Poisson's ratio."""
        E = E if isinstance(E, TensorWrapper) else Scalar(as_data(E))
        nu = nu if isinstance(nu, TensorWrapper) else Scalar(as_data(nu, E.dtype))
        K = E / (3.0 * (1.0 - 2.0 * nu))
        G = E / (2.0 * (1.0 + nu))
        vol, dev = cls.identity_vol(E.dtype, E.device), cls.identity_dev(E.dtype, E.device)
        return 3.0 * K * vol + 2.0 * G * dev

    @classmethod
    def from_full(cls, r4: Any) -> SSR4:
        """Mandel 6x6 of an R4 with minor symmetries (symmetrized first)."""
        r4 = r4 if isinstance(r4, R4) else R4(r4)
        d = r4.data
        d = 0.25 * (d + d.transpose(-4, -3) + d.transpose(-2, -1) + d.transpose(-4, -3).transpose(-2, -1))
        i = [ij[0] for ij in MANDEL_IJ]
        j = [ij[1] for ij in MANDEL_IJ]
        f = _mandel_factor(d)
        out = d[..., i, j, :, :][..., i, j]
        return r4._new(out * f[:, None] * f[None, :], cls)

    def to_full(self) -> R4:
        f = _mandel_factor(self.data)
        d = self.data / (f[:, None] * f[None, :])
        idx = torch.tensor(_FULL_TO_MANDEL, device=d.device).flatten()
        full = d[..., idx, :][..., :, idx]
        return self._new(full.unflatten(-1, (3, 3)).unflatten(-3, (3, 3)), R4)

    def transpose(self) -> SSR4:
        """Major transpose ``C_klij``."""
        return self._new(self.data.transpose(-1, -2))

    def inverse(self) -> SSR4:
        return self._new(torch.linalg.inv(self.data))

    def rotate(self, R: Any) -> SSR4:
        """``R_ip R_jq R_kr R_ls C_pqrs`` for a rotation given as R2, Rot or Quaternion, computed in
        Mandel notation as ``Q C Q^T`` with the 6x6 rotation ``Q`` of :func:`mandel_rotation`."""
        Q = mandel_rotation(_rotation_matrix(R))
        return Q @ self @ Q.transpose()

    def __matmul__(self, other: Any) -> Any:
        if isinstance(other, SSR4):
            (a, b), meta = align_groups(self, other)
            return self._new(_matmul(a, b), SSR4, **meta)
        if isinstance(other, SR2):
            (a, b), meta = align_groups(self, other)
            return self._new(_matvec(a, b), SR2, **meta)
        return NotImplemented


class R4(PrimitiveTensor):
    """A full fourth order tensor, ``(3, 3, 3, 3)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3, 3, 3, 3)
    __slots__ = ()

    def rotate(self, R: Any) -> R4:
        """``R_ip R_jq R_kr R_ls C_pqrs``."""
        Q = _rotation_matrix(R)
        (q, c), meta = align_groups(Q, self)
        return self._new(torch.einsum("...ip,...jq,...kr,...ls,...pqrs->...ijkl", q, q, q, q, c), R4, **meta)

    def __matmul__(self, other: Any) -> Any:
        """Double contraction: ``C_ijkl B_kl`` (R2) or ``C_ijmn D_mnkl`` (R4)."""
        if isinstance(other, R2):
            (a, b), meta = align_groups(self, other)
            return self._new((a * b[..., None, None, :, :]).sum((-1, -2)), R2, **meta)
        if isinstance(other, R4):
            (a, b), meta = align_groups(self, other)
            out = (a.flatten(-2).flatten(-3, -2) @ b.flatten(-2).flatten(-3, -2)).unflatten(-1, (3, 3))
            return self._new(out.unflatten(-3, (3, 3)), R4, **meta)
        return NotImplemented


# rotations.py subclasses PrimitiveTensor, so it imports this module; its names come back here last (TYPES, rotate).
from .rotations import MRP, Quaternion, Rot, _rotation_matrix, mandel_rotation  # noqa: E402, F401

TYPES: dict[str, type[TensorWrapper]] = {
    "Tensor": Tensor,
    "Scalar": Scalar,
    "Vec": Vec,
    "R2": R2,
    "SR2": SR2,
    "WR2": WR2,
    "SSR4": SSR4,
    "R4": R4,
    "Rot": Rot,
    "MRP": Rot,
    "Quaternion": Quaternion,
    "MillerIndex": MillerIndex,
}
