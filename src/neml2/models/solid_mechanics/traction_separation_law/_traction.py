"""Shared piece of the traction assemblies: the traction Vec from its three components."""

from __future__ import annotations

from neml2.types import Scalar, Vec


def traction_vec(tn: Scalar, ts1: Scalar, ts2: Scalar) -> Vec:
    """``T = T_n e_1 + T_s1 e_2 + T_s2 e_3`` (typed products, so dual numbers pass through).

    The components are first broadcast to one batch shape (adding ``0 (T_n + T_s1 + T_s2)``):
    the dual rule of the reshape that gives a Scalar its base axis cannot take a batch-free
    component whose tangents carry batch axes (a batch-free input seeded with batched tangents).
    """
    zero = 0.0 * (tn + ts1 + ts2)
    kw = {"dtype": tn.data.dtype, "device": tn.data.device}
    e1, e2, e3 = (Vec.fill(*e, **kw) for e in ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)))
    return (tn + zero) * e1 + (ts1 + zero) * e2 + (ts2 + zero) * e3
