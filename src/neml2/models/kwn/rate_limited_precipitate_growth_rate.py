"""RateLimitedPrecipitateGrowthRate: the single-species, equilibrium-driven growth rate
(kwn/index.md, "Growth rate"),

    R_dot = D (x_inf - x_eq) / (dx R),

x_inf the ``current_concentration`` of the rate-limiting species, x_eq its matrix
``equilibrium_concentration``, dx = x_p - x_eq the ``concentration_difference`` (precipitate
minus equilibrium matrix concentration), D its ``diffusivity`` and R the bin centers ``radius``
(one rate per bin).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.kwn._bins import bins
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("RateLimitedPrecipitateGrowthRate")
class RateLimitedPrecipitateGrowthRate(Model):
    """R_dot = D (x_inf - x_eq) / ((x_p - x_eq) R)."""

    hit = HitSchema(
        current_concentration=input(Scalar, "current_concentration", doc="matrix concentration x_inf"),
        growth_rate=output(Scalar, "growth_rate", doc="growth rate R_dot per bin"),
        radius=parameter(Scalar, doc="bin centers R (bins on the last batch axis)"),
        equilibrium_concentration=parameter(Scalar, doc="equilibrium matrix concentration x_eq"),
        concentration_difference=parameter(Scalar, doc="precipitate minus equilibrium concentration x_p - x_eq"),
        diffusivity=parameter(Scalar, doc="diffusivity D of the rate-limiting species"),
    )

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        R = bins(self, "radius", p.radius)
        return p.diffusivity * (x - p.equilibrium_concentration) / (p.concentration_difference * R)
