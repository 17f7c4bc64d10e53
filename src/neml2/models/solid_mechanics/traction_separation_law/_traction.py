"""Shared piece of the traction assemblies: the traction Vec from its three components."""

from __future__ import annotations

from neml2.types import Scalar, Vec


def traction_vec(tn: Scalar, ts1: Scalar, ts2: Scalar) -> Vec:
    """``T = T_n e_1 + T_s1 e_2 + T_s2 e_3`` (typed products: the components may differ in batch shape)."""
    kw = {"dtype": tn.data.dtype, "device": tn.data.device}
    e1, e2, e3 = (Vec.fill(*e, **kw) for e in ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)))
    return tn * e1 + ts1 * e2 + ts2 * e3
