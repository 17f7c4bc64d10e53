"""GeneralElasticity: anisotropic linear elasticity in the rotated frame (elasticity.md),

    sigma = (R * T) : eps,   (R * T)_ijkl = R_ip R_jq R_kr R_ls T_pqrs,

T the ``elastic_stiffness_tensor`` given in the crystal (reference) frame, R the rotation of the
``orientation`` (modified Rodrigues parameters, active: reference -> lab). Evaluated in the crystal
frame, sigma = R (T : (R^T eps R)) R^T: rotating the strain and the stress (3x3) instead of the
stiffness (6x6 per point, and per seed in its tangents).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import MRP, SR2, SSR4


@register_neml2_object("GeneralElasticity")
class GeneralElasticity(Model):
    """sigma = (R * T) : eps."""

    hit = HitSchema(
        strain=input(SR2, doc="the strain eps"),
        orientation=input(MRP, doc="the orientation r (modified Rodrigues parameters)"),
        stress=output(SR2, doc="sigma = (R * T) : eps"),
        elastic_stiffness_tensor=parameter(SSR4, doc="the stiffness T in the crystal frame"),
    )

    def forward(self, eps: SR2, r: MRP, *nl: Any) -> SR2:
        T: SSR4 = self.params(nl).elastic_stiffness_tensor
        R = r.to_R2()
        return (T @ eps.rotate(R.transpose())).rotate(R)
