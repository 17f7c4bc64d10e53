"""Determinant of a second order tensor.

Written with the tensor cross product ``(A x B)_il = e_ijk e_lmn A_jm B_kn``:
``det A = (A x A) : A / 6`` (so ``cof(A) = (A x A) / 2``, ``d det[U] = cof(A) : U`` and
``d2 det[U, V] = (A x U) : V``, which the dual numbers derive) -- polynomial, so valid for
singular tensors too.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import R2, Scalar, TensorWrapper, align


def determinant_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema({"input": input(type_, doc="the tensor A"), "determinant": output(Scalar, doc="det A")})


def _levi_civita(like: torch.Tensor) -> torch.Tensor:
    e = torch.zeros(3, 3, 3, dtype=like.dtype, device=like.device)
    for i, j, k in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
        e[i, j, k], e[i, k, j] = 1.0, -1.0
    return e


def cross(A: R2, B: R2) -> R2:
    """``(A x B)_il = e_ijk e_lmn A_jm B_kn``."""
    a, b, meta = align(A, B)
    e = _levi_civita(a)
    return A._new(torch.einsum("ijk,lmn,...jm,...kn->...il", e, e, a, b), R2, **meta)


def contract(A: R2, B: R2) -> Scalar:
    """``A : B``."""
    a, b, meta = align(A, B)
    return A._new((a * b).sum((-2, -1)), Scalar, **meta)


class Determinant(Model):
    """``determinant = det(input)``; subclasses say how the input reads as a full tensor."""

    full: Callable[[TensorWrapper], R2]

    def forward(self, x: TensorWrapper) -> Scalar:
        A = self.full(x)
        return contract(cross(A, A), A) / 6
