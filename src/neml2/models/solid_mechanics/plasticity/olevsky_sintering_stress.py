"""OlevskySinteringStress: the effective sintering stress (Laplace pressure) of a porous compact,

    sigma_s = 3 alpha / r0 (1 - phi)^2,

phi ``void_fraction`` (porosity), alpha ``surface_tension``, r0 ``particle_radius``.

The docs give no formula; this is the textbook form of Olevsky, "Theory of sintering: from
discrete to continuum", Mater. Sci. Eng. R 23 (1998) 41-100 (P_L = 3 alpha (1 - theta)^2 / r0).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("OlevskySinteringStress")
class OlevskySinteringStress(Model):
    """sigma_s = 3 alpha (1 - phi)^2 / r0."""

    hit = HitSchema(
        void_fraction=input(Scalar, doc="void fraction (porosity) phi"),
        sintering_stress=output(Scalar, doc="sintering stress sigma_s"),
        surface_tension=parameter(Scalar, doc="surface tension alpha"),
        particle_radius=parameter(Scalar, doc="particle radius r0"),
    )

    def forward(self, phi: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return 3.0 * p.surface_tension * (1.0 - phi) ** 2 / p.particle_radius
