"""CylindricalChannelGeometry: the dimensionless radii of a cylindrical shrinking-core product
layer (chemical_reactions.md),

    r_i = sqrt(1 - phi_s - phi_p),     r_o = sqrt(1 - phi_s),

phi_s the solid and phi_p the product volume fraction: the product layer lies between the
channel radius r_i and the solid's inner radius r_o.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("CylindricalChannelGeometry")
class CylindricalChannelGeometry(Model):
    """(r_i, r_o) = (sqrt(1 - phi_s - phi_p), sqrt(1 - phi_s))."""

    hit = HitSchema(
        solid_fraction=input(Scalar, doc="solid volume fraction phi_s"),
        product_fraction=input(Scalar, doc="product volume fraction phi_p"),
        inner_radius=output(Scalar, doc="inner radius of the product layer r_i = sqrt(1 - phi_s - phi_p)"),
        outer_radius=output(Scalar, doc="outer radius of the product layer r_o = sqrt(1 - phi_s)"),
    )

    def forward(self, phi_s: Scalar, phi_p: Scalar) -> tuple[Scalar, Scalar]:
        return (1 - phi_s - phi_p).sqrt(), (1 - phi_s).sqrt()
