"""RotationMatrix: the rotation matrix of modified Rodrigues parameters r (Euler-Rodrigues),

    R = I + (8 W^2 + 4 (1 - r.r) W) / (1 + r.r)^2,   W = skew(r).
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import MRP, R2


@register_neml2_object("RotationMatrix")
class RotationMatrix(Model):
    """R(r) = I + (8 W^2 + 4 (1 - r.r) W) / (1 + r.r)^2."""

    hit = HitSchema(
        {
            "from": input(MRP, doc="the rotation r (modified Rodrigues parameters)"),
            "to": output(R2, doc="its rotation matrix R"),
        }
    )

    def forward(self, r: MRP) -> R2:
        return r.to_R2()
