"""GreenLagrangeStrain: the Green-Lagrange strain of a deformation gradient (elasticity.md),

    E = (F^T F - I) / 2.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import R2, SR2


@register_neml2_object("GreenLagrangeStrain")
class GreenLagrangeStrain(Model):
    """E = (F^T F - I) / 2."""

    hit = HitSchema(
        deformation_gradient=input(R2, doc="the deformation gradient F"),
        strain=output(SR2, doc="E = (F^T F - I) / 2"),
    )

    def forward(self, F: R2) -> SR2:
        C = SR2.from_full(F.transpose() @ F)
        return 0.5 * (C - SR2.identity(C.dtype, C.device))
