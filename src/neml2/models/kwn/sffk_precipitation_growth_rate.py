"""SFFKPrecipitationGrowthRate: the Svoboda-Fischer-Fratzl-Kozeschnik growth rate in the dilute,
diffusion-limited regime (kwn/index.md, "Growth rate"),

    R_dot = dG / (R_g T S R),

dG the ``gibbs_free_energy_difference`` (the driving force, J/mol), S the
``projected_diffusivity_sum``, R_g the ``gas_constant``, T the ``temperature`` and R the bin
centers ``radius`` (one rate per bin).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.kwn._bins import bins
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SFFKPrecipitationGrowthRate")
class SFFKPrecipitationGrowthRate(Model):
    """R_dot = dG / (R_g T S R)."""

    hit = HitSchema(
        projected_diffusivity_sum=input(Scalar, "projected_diffusivity_sum", doc="projected diffusivity sum S"),
        temperature=input(Scalar, "temperature", doc="temperature T"),
        growth_rate=output(Scalar, "growth_rate", doc="growth rate R_dot per bin"),
        radius=parameter(Scalar, doc="bin centers R (bins on the last batch axis)"),
        gibbs_free_energy_difference=parameter(Scalar, doc="driving force dG of the precipitate (J/mol)"),
        gas_constant=parameter(Scalar, doc="gas constant R_g"),
    )

    def forward(self, S: Scalar, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        R = bins(self, "radius", p.radius)
        return p.gibbs_free_energy_difference / (p.gas_constant * T * S * R)
