"""DislocationObstacleStrengthMap: Taylor obstacle strength per slip system (crystal_plasticity/index.md),

    tau_bar_i = tau_const + alpha mu b sqrt(rho_i),

rho_i the ``dislocation_density`` (sub-batch axis of size nslip), tau_const the
``constant_strength``, alpha the interaction coefficient, mu the shear modulus, b the Burgers vector.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("DislocationObstacleStrengthMap")
class DislocationObstacleStrengthMap(Model):
    """tau_bar_i = tau_const + alpha mu b sqrt(rho_i)."""

    hit = HitSchema(
        dislocation_density=input(Scalar, doc="dislocation density rho_i (sub-batch axis of size nslip)"),
        slip_strengths=output(Scalar, doc="slip strengths tau_bar_i (sub-batch axis of size nslip)"),
        constant_strength=parameter(Scalar, doc="constant strength tau_const"),
        alpha=parameter(Scalar, doc="interaction coefficient alpha"),
        mu=parameter(Scalar, doc="shear modulus mu"),
        b=parameter(Scalar, doc="Burgers vector length b"),
    )

    def forward(self, rho: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.constant_strength + p.alpha * p.mu * p.b * rho.sqrt()
