"""The rotation types and helpers: MRP (alias Rot), Quaternion, and the rotation matrices they feed.

Rot is a modified Rodrigues parameter (MRP) ``r = tan(theta/4) n`` of an active rotation by
``theta`` about the unit axis ``n``; a Quaternion is ``(cos(theta/2), sin(theta/2) n)``.  The
``rotate`` methods of the tensor types take an R2, a Rot or a Quaternion through
:func:`_rotation_matrix`; :func:`mandel_rotation` is the 6x6 Mandel form of a rotation matrix.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import torch

from ._base import _shape_args, align_groups, as_data
from .tensors import MANDEL_IJ, R2, SSR4, WR2, PrimitiveTensor, Scalar, Vec, _mandel_factor, _opts, _stack


def _rotation_matrix(R: Any) -> R2:
    """An R2 rotation matrix from an R2, a Rot (MRP) or a Quaternion."""
    if isinstance(R, (Rot, Quaternion)):
        return R.to_R2()
    if isinstance(R, R2):
        return R
    raise TypeError(f"expected an R2, Rot or Quaternion, got {type(R).__name__}")


def mandel_rotation(R: R2) -> SSR4:
    """The 6x6 ``Q`` with ``mandel(R A R^T) = Q mandel(A)`` for symmetric A:
    ``Q_IJ = w_I w_J (R_ai R_bj + R_aj R_bi) / 2`` for I = (a, b), J = (i, j), w = 1 (normal) or sqrt 2 (shear)."""
    a = [ij[0] for ij in MANDEL_IJ]
    b = [ij[1] for ij in MANDEL_IJ]
    d = R.data
    rows_a, rows_b = d[..., a, :], d[..., b, :]  # (..., 6, 3): R_a., R_b.
    Rai, Raj = rows_a[..., :, a], rows_a[..., :, b]  # (..., 6, 6): R_{a_I i_J}, R_{a_I j_J}
    Rbi, Rbj = rows_b[..., :, a], rows_b[..., :, b]
    w = _mandel_factor(d)
    Q = 0.5 * (Rai * Rbj + Raj * Rbi) * (w[:, None] * w[None, :])
    return R._new(Q, SSR4)


class MRP(PrimitiveTensor):
    """A rotation as modified Rodrigues parameters ``r = tan(theta/4) n`` (alias ``Rot``)."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (3,)
    __slots__ = ()

    @classmethod
    def fill(cls, x: Any, y: Any, z: Any, dtype: torch.dtype | None = None, device: Any = None) -> Rot:
        return cls(_stack([x, y, z], dtype, device))

    @classmethod
    def identity(cls, dtype: torch.dtype | None = None, device: Any = None) -> Rot:
        return cls(torch.zeros(3, **_opts(dtype, device)))

    @classmethod
    def axis_angle(cls, n: Any, theta: Any) -> Rot:
        """The rotation by ``theta`` (radians) about the axis ``n`` (any length)."""
        n = n if isinstance(n, Vec) else Vec(n)
        t = theta if isinstance(theta, Scalar) else Scalar(as_data(theta, n.dtype))
        r = n.normalize() * t._new(torch.tan(t.data / 4.0))
        return r._new(r.data, cls)

    @classmethod
    def rand(
        cls,
        *shape: Any,
        dtype: torch.dtype | None = None,
        device: Any = None,
        generator: torch.Generator | None = None,
    ) -> Rot:
        """Rotations uniformly distributed on SO(3) over the dynamic batch ``shape``.

        Unit quaternions uniform on S^3 (Shoemake's construction), taken with ``w >= 0`` so the
        MRP lies in the unit ball.
        """
        batch = _shape_args(shape)
        opts = _opts(dtype, device)
        u = torch.rand(*batch, 3, generator=generator, **opts)
        a, b = torch.sqrt(1 - u[..., 0]), torch.sqrt(u[..., 0])
        t1, t2 = 2 * math.pi * u[..., 1], 2 * math.pi * u[..., 2]
        q = torch.stack([a * torch.sin(t1), a * torch.cos(t1), b * torch.sin(t2), b * torch.cos(t2)], -1)
        q = q * torch.where(q[..., :1] < 0, -1.0, 1.0).to(q.dtype)
        return Quaternion(q).to_rot()

    @classmethod
    def from_matrix(cls, R: Any) -> Rot:
        """The MRP (in the unit ball) of a rotation matrix, through its quaternion (Shepperd's method)."""
        R = R if isinstance(R, R2) else R2(R)
        m = R.data
        t = m[..., 0, 0] + m[..., 1, 1] + m[..., 2, 2]
        diag = torch.stack([t, m[..., 0, 0], m[..., 1, 1], m[..., 2, 2]], -1)
        pick = diag.argmax(-1, keepdim=True)
        s10, s01 = m[..., 1, 0], m[..., 0, 1]
        s20, s02 = m[..., 2, 0], m[..., 0, 2]
        s21, s12 = m[..., 2, 1], m[..., 1, 2]
        cands = []
        for i, lead in enumerate(
            (
                1 + t,
                1 + m[..., 0, 0] - m[..., 1, 1] - m[..., 2, 2],
                1 - m[..., 0, 0] + m[..., 1, 1] - m[..., 2, 2],
                1 - m[..., 0, 0] - m[..., 1, 1] + m[..., 2, 2],
            )
        ):
            h = 0.5 * torch.sqrt(torch.clamp(lead, min=1e-30))
            f = 0.25 / h
            if i == 0:
                q = [h, (s21 - s12) * f, (s02 - s20) * f, (s10 - s01) * f]
            elif i == 1:
                q = [(s21 - s12) * f, h, (s01 + s10) * f, (s02 + s20) * f]
            elif i == 2:
                q = [(s02 - s20) * f, (s01 + s10) * f, h, (s12 + s21) * f]
            else:
                q = [(s10 - s01) * f, (s02 + s20) * f, (s12 + s21) * f, h]
            cands.append(torch.stack(q, -1))
        allq = torch.stack(cands, -2)  # (..., 4 candidates, 4)
        q = torch.take_along_dim(allq, pick[..., None], dim=-2).squeeze(-2)
        q = q * torch.where(q[..., :1] < 0, -1.0, 1.0).to(q.dtype)
        return R._new(q[..., 1:] / (1 + q[..., :1]), cls)

    def to_quaternion(self) -> Quaternion:
        """The unit quaternion ``((1 - r.r), 2 r) / (1 + r.r)``."""
        rr = (self.data * self.data).sum(-1, keepdim=True)
        return self._new(torch.cat([1 - rr, 2 * self.data], -1) / (1 + rr), Quaternion)

    def norm_sq(self) -> Scalar:
        return self._new((self.data * self.data).sum(-1), Scalar)

    def euler_rodrigues(self) -> R2:
        """The rotation matrix ``I + (8 W^2 + 4 (1 - r.r) W) / (1 + r.r)^2`` with ``W = skew(r)``."""
        r = self.data
        rr = (r * r).sum(-1)[..., None, None]
        W = WR2(r).to_full().data
        eye = torch.eye(3, dtype=r.dtype, device=r.device)
        return self._new(eye + (8 * W @ W + 4 * (1 - rr) * W) / (1 + rr) ** 2, R2)

    def to_R2(self) -> R2:
        return self.euler_rodrigues()

    def inverse(self) -> Rot:
        return self._new(-self.data)

    def shadow(self) -> Rot:
        """The equivalent MRP on the other side of the unit sphere, ``-r / r.r``."""
        rr = (self.data * self.data).sum(-1, keepdim=True)
        return self._new(-self.data / rr)

    def compose(self, other: Rot) -> Rot:
        """``self * other``: the rotation whose matrix is ``R(self) @ R(other)`` (``other`` acts first)."""
        (r1, r2), meta = align_groups(self, other)
        r1, r2 = torch.broadcast_tensors(r1, r2)
        rr1 = (r1 * r1).sum(-1, keepdim=True)
        rr2 = (r2 * r2).sum(-1, keepdim=True)
        num = (1 - rr2) * r1 + (1 - rr1) * r2 - 2 * torch.linalg.cross(r2, r1, dim=-1)
        den = 1 + rr1 * rr2 - 2 * (r1 * r2).sum(-1, keepdim=True)
        return self._new(num / den, Rot, **meta)


Rot = MRP


class Quaternion(PrimitiveTensor):
    """A unit quaternion ``(w, x, y, z) = (cos(theta/2), sin(theta/2) n)``."""

    BASE_SHAPE: ClassVar[tuple[int, ...]] = (4,)
    __slots__ = ()

    @classmethod
    def fill(cls, w: Any, x: Any, y: Any, z: Any, dtype: torch.dtype | None = None, device: Any = None) -> Quaternion:
        return cls(_stack([w, x, y, z], dtype, device))

    def to_rot(self) -> Rot:
        """MRP ``(x, y, z) / (1 + w)``."""
        q = self.data
        return self._new(q[..., 1:] / (1 + q[..., :1]), Rot)

    def to_R2(self) -> R2:
        return self.to_rot().euler_rodrigues()
