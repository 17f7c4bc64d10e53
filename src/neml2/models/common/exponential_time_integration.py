"""Exponential-map time integration of a rotation (MRP) driven by a spin (WR2):

    r = exp((t - t~1) w) * r~1,

``*`` the composition of rotations (r~1 acts first), exp the exponential map of the skew tensor w.
The explicit form returns r; the implicit form the residual ``r - exp((t - t~1) w) * r~1``.
"""

from __future__ import annotations

from neml2.schema import HitSchema, input, output
from neml2.types import MRP, WR2, Scalar


def exponential_update(rn: MRP, t: Scalar, tn: Scalar, w: WR2) -> MRP:
    """exp((t - t~1) w) * r~1."""
    return ((t - tn) * w).exp_map().compose(rn)


def exponential_schema(implicit: bool) -> HitSchema:
    fields = {
        "variable": (input if implicit else output)(MRP, doc="the rotation r (modified Rodrigues parameters)"),
        "old_variable": input(MRP, "{variable}~1", hidden=True),
        "time": input(Scalar, "t", doc="time t (t~1 the previous step)"),
        "old_time": input(Scalar, "{time}~1", hidden=True),
        "rate": input(WR2, "{variable}_rate", doc="the spin w"),
    }
    if implicit:
        fields["variable_residual"] = output(MRP, "{variable}_residual", doc="r - exp((t - t~1) w) * r~1")
    return HitSchema(fields)
