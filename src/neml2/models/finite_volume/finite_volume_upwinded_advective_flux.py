"""FiniteVolumeUpwindedAdvectiveFlux: first-order upwinded advective flux of finite_volume.md,

    J_{i+1/2} = v+_{i+1/2} u_i + v-_{i+1/2} u_{i+1},    v+- = (v_{i+1/2} +- |v_{i+1/2}|) / 2,

u on the N cells, v = ``v_edge`` on the N-1 interior edges (an unmarked v: one velocity for all edges),
J on the interior edges.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import along, field, size
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("FiniteVolumeUpwindedAdvectiveFlux")
class FiniteVolumeUpwindedAdvectiveFlux(Model):
    """J_{i+1/2} = v+ u_i + v- u_{i+1}, v+- = (v +- |v|) / 2."""

    hit = HitSchema(
        u=input(Scalar, doc="cell averages u_i (N cells on the spatial axis)"),
        v_edge=input(Scalar, doc="advection velocity on the interior edges (N-1, sub-batch; unmarked: uniform)"),
        flux=output(Scalar, doc="upwinded advective flux on the interior edges (N-1 entries)"),
    )

    def forward(self, u: Scalar, v_edge: Scalar) -> Scalar:
        u = field(self, u, "u")
        v = along(self, v_edge, size(u) - 1, "v_edge")
        upwind, downwind = 0.5 * (v + v.abs()), 0.5 * (v - v.abs())
        return upwind * u.sub_batch[..., :-1] + downwind * u.sub_batch[..., 1:]
