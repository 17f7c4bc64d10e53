"""PerSlipForestDislocationEvolution: forest dislocation density evolution (crystal_plasticity/index.md),

    rho_dot_i = (k1 sqrt(rho_i) - k2 rho_i) |gamma_dot_i|,

rho_i the ``dislocation_density`` and gamma_dot_i the ``slip_rates`` (both with the slip systems as
a sub-batch axis), k1 the storage and k2 the recovery coefficient.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("PerSlipForestDislocationEvolution")
class PerSlipForestDislocationEvolution(Model):
    """rho_dot_i = (k1 sqrt(rho_i) - k2 rho_i) |gamma_dot_i|."""

    hit = HitSchema(
        dislocation_density=input(Scalar, doc="dislocation density rho_i (sub-batch axis of size nslip)"),
        slip_rates=input(Scalar, doc="slip rates gamma_dot_i (sub-batch axis of size nslip)"),
        dislocation_density_rate=output(Scalar, "{dislocation_density}_rate", doc="rho_dot_i"),
        k1=parameter(Scalar, doc="storage coefficient k1"),
        k2=parameter(Scalar, doc="recovery coefficient k2"),
    )

    def forward(self, rho: Scalar, slip_rates: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return (p.k1 * rho.sqrt() - p.k2 * rho) * slip_rates.abs()
