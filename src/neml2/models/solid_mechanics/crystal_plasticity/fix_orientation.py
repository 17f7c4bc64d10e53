"""FixOrientation: keep modified Rodrigues parameters on the short side of their shadow set,

    r <- r            if r.r <= threshold,
    r <- -r / (r.r)   otherwise (the shadow: the same rotation, angle 2 pi - theta about -n),

so that a rotation integrated past 180 degrees (|r| > 1 for ``threshold = 1``) stays bounded.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output
from neml2.types import MRP


@register_neml2_object("FixOrientation")
class FixOrientation(Model):
    """r, or its shadow -r / (r.r) where r.r > threshold."""

    hit = HitSchema(
        input=input(MRP, doc="the orientation r (modified Rodrigues parameters)"),
        output=output(MRP, doc="r, or its shadow -r / (r.r) where r.r > threshold"),
        threshold=option(float, 1.0, doc="r.r above which r is replaced by its shadow"),
    )

    def forward(self, r: MRP) -> MRP:
        rr = r.norm_sq()
        switch = (rr - self.options["threshold"]).heaviside()
        return r + switch * (r.shadow() - r)
