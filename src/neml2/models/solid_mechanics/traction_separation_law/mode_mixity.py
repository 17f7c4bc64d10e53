"""ModeMixity: the mode-mixity ratio of a cohesive zone (traction_separation_law.md),

    beta = delta_s / <delta_n>_+    (opening, delta_n > 0),
    beta = 0                        (closed or compressed, delta_n <= 0),

delta_n the ``normal_separation`` (the opening <delta_n>_+ in the documented composition) and
delta_s the ``tangential_separation`` magnitude sqrt(delta_s1^2 + delta_s2^2).
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar
from neml2.types.functions import where


@register_neml2_object("ModeMixity")
class ModeMixity(Model):
    """``beta = delta_s / delta_n`` where ``delta_n > 0``, else 0."""

    hit = HitSchema(
        normal_separation=input(Scalar, doc="normal opening delta_n (the positive part <delta_n>_+)"),
        tangential_separation=input(Scalar, doc="tangential separation magnitude delta_s"),
        mode_mixity=output(Scalar, doc="beta = delta_s / delta_n for delta_n > 0, else 0"),
    )

    def forward(self, dn: Scalar, ds: Scalar) -> Scalar:
        opening = dn.heaviside()
        dn_safe = where(opening, dn, 1.0)  # no division by zero on the closed branch
        return where(opening, ds / dn_safe, 0.0)
