"""CrackGeometricFunctionAT1: the AT-1 crack geometric function (phase_field_fracture.md),

    alpha(d) = d,        c_0 = 8/3,

d the phase field; the linear term gives an elastic stage before damage starts.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("CrackGeometricFunctionAT1")
class CrackGeometricFunctionAT1(Model):
    """alpha(d) = d."""

    hit = HitSchema(
        phase=input(Scalar, doc="phase field d (0 intact, 1 fully cracked)"),
        crack=output(Scalar, doc="crack geometric function alpha = d"),
    )

    def forward(self, d: Scalar) -> Scalar:
        return 1.0 * d
