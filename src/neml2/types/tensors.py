"""The concrete typed tensors: Tensor, Scalar, Vec, R2, SR2, WR2, SSR4, R4, Rot, Quaternion, MillerIndex.

SR2 uses Mandel notation: ``(xx, yy, zz, sqrt2*yz, sqrt2*xz, sqrt2*xy)``, so the
Frobenius inner product of two symmetric tensors is the dot product of their
6-vectors and SSR4 acts as a plain 6x6 matrix.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import torch

from ._base import TensorWrapper, as_data, default_dtype

SQRT2 = math.sqrt(2.0)
# Mandel index (i, j) -> position, and the off-diagonal scale factors.
MANDEL_IJ = ((0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1))
MANDEL_FACTOR = (1.0, 1.0, 1.0, SQRT2, SQRT2, SQRT2)
_FULL_TO_MANDEL = [[0, 5, 4], [5, 1, 3], [4, 3, 2]]


def _mandel_factor(like: torch.Tensor) -> torch.Tensor:
    return torch.tensor(MANDEL_FACTOR, dtype=like.dtype, device=like.device)


def _stack(values: list[Any], like: Any = None) -> torch.Tensor:
    ts = [as_data(v) for v in values]
    ts = torch.broadcast_tensors(*ts)
    return torch.stack(ts, dim=-1)


class Tensor(TensorWrapper):
    """A general tensor with an explicit number of base dimensions."""

    __slots__ = ("tensor_base_ndim",)

    def __init__(self, data: Any, base_ndim: int = 0, **meta: Any) -> None:
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


class Scalar(TensorWrapper):
    """A scalar per (batch) point; base shape ``()``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = ()
    __slots__ = ()

    @classmethod
    def full(cls, value: float, *batch: int, dtype: torch.dtype | None = None) -> Scalar:
        return cls(torch.full(tuple(batch), float(value), dtype=dtype or default_dtype()))

    def sqrt(self) -> Scalar:
        return self._new(torch.sqrt(self.data))

    def exp(self) -> Scalar:
        return self._new(torch.exp(self.data))

    def log(self) -> Scalar:
        return self._new(torch.log(self.data))

    def abs(self) -> Scalar:
        return self._new(torch.abs(self.data))

    def sign(self) -> Scalar:
        return self._new(torch.sign(self.data))

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


class Vec(TensorWrapper):
    """A 3-vector."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any) -> Vec:
        return cls(_stack([x, y, z]))

    def dot(self, other: Vec) -> Scalar:
        from ._base import align

        a, b, meta = align(self, other)
        return self._new((a * b).sum(-1), Scalar, **meta)

    def norm(self) -> Scalar:
        return self._new(torch.linalg.vector_norm(self.data, dim=-1), Scalar)

    def cross(self, other: Vec) -> Vec:
        from ._base import align

        a, b, meta = align(self, other)
        a, b = torch.broadcast_tensors(a, b)
        return self._new(torch.linalg.cross(a, b, dim=-1), Vec, **meta)

    def outer(self, other: Vec) -> R2:
        from ._base import align

        a, b, meta = align(self, other)
        return self._new(a.unsqueeze(-1) * b.unsqueeze(-2), R2, **meta)

    def normalize(self) -> Vec:
        return self._new(self.data / torch.linalg.vector_norm(self.data, dim=-1, keepdim=True))


class MillerIndex(Vec):
    """Crystallographic direction / plane indices; stored as floats."""

    __slots__ = ()


class R2(TensorWrapper):
    """A full second order tensor, ``(3, 3)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3, 3)
    __slots__ = ()

    @classmethod
    def identity(cls, dtype: torch.dtype | None = None, device: Any = None) -> R2:
        return cls(torch.eye(3, dtype=dtype or default_dtype(), device=device))

    @classmethod
    def fill(cls, *values: Any) -> R2:
        if len(values) == 1:
            v = as_data(values[0])
            return cls(v.unsqueeze(-1).unsqueeze(-1) * torch.eye(3, dtype=v.dtype, device=v.device))
        if len(values) == 3:
            v = _stack(list(values))
            return cls(torch.diag_embed(v))
        if len(values) == 9:
            return cls(_stack(list(values)).unflatten(-1, (3, 3)))
        raise ValueError(f"R2.fill takes 1, 3 or 9 values, got {len(values)}")

    def transpose(self) -> R2:
        return self._new(self.data.transpose(-1, -2))

    def det(self) -> Scalar:
        return self._new(torch.linalg.det(self.data), Scalar)

    def inverse(self) -> R2:
        return self._new(torch.linalg.inv(self.data))

    def tr(self) -> Scalar:
        return self._new(self.data.diagonal(dim1=-2, dim2=-1).sum(-1), Scalar)

    def sym(self) -> SR2:
        return SR2.from_full(self)

    def skew(self) -> WR2:
        return WR2.from_full(self)

    def __matmul__(self, other: Any) -> Any:
        from ._base import align

        if isinstance(other, R2):
            a, b, meta = align(self, other)
            return self._new(a @ b, R2, **meta)
        if isinstance(other, Vec):
            a, b, meta = align(self, Tensor(other.data, 1, **other._meta()))
            return self._new((a @ b.unsqueeze(-1)).squeeze(-1), Vec, **meta)
        return NotImplemented


class SR2(TensorWrapper):
    """A symmetric second order tensor in Mandel notation, ``(6,)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (6,)
    __slots__ = ()

    @classmethod
    def fill(cls, *values: Any, dtype: torch.dtype | None = None, device: Any = None) -> SR2:
        """1 value: ``a*I``; 3 values: diagonal; 6 values: ``xx yy zz yz xz xy`` (Mandel-scaled)."""
        vals = [as_data(v, dtype).to(device) if device is not None else as_data(v, dtype) for v in values]
        if len(vals) == 1:
            v = vals[0]
            z = torch.zeros_like(v)
            return cls(_stack([v, v, v, z, z, z]))
        if len(vals) == 3:
            z = torch.zeros_like(torch.broadcast_tensors(*vals)[0])
            return cls(_stack([vals[0], vals[1], vals[2], z, z, z]))
        if len(vals) == 6:
            return cls(_stack([vals[i] * MANDEL_FACTOR[i] for i in range(6)]))
        raise ValueError(f"SR2.fill takes 1, 3 or 6 values, got {len(values)}")

    @classmethod
    def identity(cls, dtype: torch.dtype | None = None, device: Any = None) -> SR2:
        return cls(torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=dtype or default_dtype(), device=device))

    @classmethod
    def from_full(cls, r2: R2) -> SR2:
        d = r2.data
        sym = 0.5 * (d + d.transpose(-1, -2))
        comps = [sym[..., i, j] for i, j in MANDEL_IJ]
        out = torch.stack(comps, dim=-1) * _mandel_factor(d)
        return r2._new(out, cls)

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
        t = (d[..., 0] + d[..., 1] + d[..., 2]) / 3.0
        shift = torch.stack([t, t, t], dim=-1)
        return self._new(torch.cat([d[..., :3] - shift, d[..., 3:]], dim=-1))

    def inner(self, other: SR2) -> Scalar:
        from ._base import align

        a, b, meta = align(self, other)
        return self._new((a * b).sum(-1), Scalar, **meta)

    def norm_sq(self) -> Scalar:
        return self._new((self.data * self.data).sum(-1), Scalar)

    def norm(self, eps: float = 0.0) -> Scalar:
        return self._new(torch.sqrt((self.data * self.data).sum(-1) + eps), Scalar)

    def outer(self, other: SR2) -> SSR4:
        from ._base import align

        a, b, meta = align(self, other)
        return self._new(a.unsqueeze(-1) * b.unsqueeze(-2), SSR4, **meta)

    def det(self) -> Scalar:
        return self.to_full().det()

    def inverse(self) -> SR2:
        return SR2.from_full(self.to_full().inverse())

    def rotate(self, R: R2) -> SR2:
        """``R A R^T``."""
        full = R @ self.to_full() @ R.transpose()
        return SR2.from_full(full)


class WR2(TensorWrapper):
    """A skew-symmetric second order tensor stored as its axial vector ``(3,)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any) -> WR2:
        return cls(_stack([x, y, z]))

    @classmethod
    def from_full(cls, r2: R2) -> WR2:
        d = r2.data
        w = 0.5 * (d - d.transpose(-1, -2))
        return r2._new(torch.stack([w[..., 2, 1], w[..., 0, 2], w[..., 1, 0]], dim=-1), cls)

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
        """Rotation ``exp(W)`` as a modified Rodrigues parameter: ``tan(|w|/4) w/|w|``."""
        w = self.data
        n = torch.linalg.vector_norm(w, dim=-1, keepdim=True)
        safe = torch.where(n > 0, n, torch.ones_like(n))
        factor = torch.where(n > 0, torch.tan(safe / 4.0) / safe, torch.full_like(n, 0.25))
        return self._new(w * factor, Rot)


class SSR4(TensorWrapper):
    """A fourth order tensor with minor symmetries in Mandel notation, ``(6, 6)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (6, 6)
    __slots__ = ()

    @classmethod
    def identity_sym(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        return cls(torch.eye(6, dtype=dtype or default_dtype(), device=device))

    @classmethod
    def identity_vol(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        d = torch.zeros(6, 6, dtype=dtype or default_dtype(), device=device)
        d[:3, :3] = 1.0 / 3.0
        return cls(d)

    @classmethod
    def identity_dev(cls, dtype: torch.dtype | None = None, device: Any = None) -> SSR4:
        return cls(SSR4.identity_sym(dtype, device).data - SSR4.identity_vol(dtype, device).data)

    @classmethod
    def isotropic_E_nu(cls, E: Any, nu: Any) -> SSR4:
        E, nu = as_data(E), as_data(nu)
        lam = E * nu / ((1 + nu) * (1 - 2 * nu))
        mu = E / (2 * (1 + nu))
        vol = SSR4.identity_vol(E.dtype, E.device).data
        sym = SSR4.identity_sym(E.dtype, E.device).data
        return cls(3 * lam[..., None, None] * vol + 2 * mu[..., None, None] * sym)

    def transpose(self) -> SSR4:
        return self._new(self.data.transpose(-1, -2))

    def inverse(self) -> SSR4:
        return self._new(torch.linalg.inv(self.data))

    def __matmul__(self, other: Any) -> Any:
        from ._base import align

        if isinstance(other, SSR4):
            a, b, meta = align(self, other)
            return self._new(a @ b, SSR4, **meta)
        if isinstance(other, SR2):
            a, b, meta = align(self, Tensor(other.data, 1, **other._meta()))
            return self._new((a @ b.unsqueeze(-1)).squeeze(-1), SR2, **meta)
        return NotImplemented


class R4(TensorWrapper):
    """A full fourth order tensor, ``(3, 3, 3, 3)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3, 3, 3, 3)
    __slots__ = ()


class Rot(TensorWrapper):
    """A rotation as modified Rodrigues parameters ``r = tan(theta/4) n``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any) -> Rot:
        return cls(_stack([x, y, z]))

    def euler_rodrigues(self) -> R2:
        """The rotation matrix of this MRP."""
        r = self.data
        rr = (r * r).sum(-1)[..., None, None]
        W = WR2(r).to_full().data
        eye = torch.eye(3, dtype=r.dtype, device=r.device)
        R = eye + (8 * W @ W - 4 * (1 - rr) * W) / (1 + rr) ** 2
        return self._new(R, R2)

    def inverse(self) -> Rot:
        return self._new(-self.data)

    def shadow(self) -> Rot:
        """The equivalent MRP on the other side of the unit sphere."""
        rr = (self.data * self.data).sum(-1, keepdim=True)
        return self._new(-self.data / rr)


MRP = Rot


class Quaternion(TensorWrapper):
    """A unit quaternion ``(w, x, y, z)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (4,)
    __slots__ = ()

    def to_rot(self) -> Rot:
        q = self.data
        return self._new(q[..., 1:] / (1 + q[..., :1]), Rot)

    def to_R2(self) -> R2:
        return self.to_rot().euler_rodrigues()


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
