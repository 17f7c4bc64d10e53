"""CrackGeometricFunctionAT2: the AT-2 crack geometric function (phase_field_fracture.md),

    alpha(d) = d^2,      c_0 = 2,

d the phase field; damage grows from the onset of loading.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("CrackGeometricFunctionAT2")
class CrackGeometricFunctionAT2(Model):
    """alpha(d) = d^2."""

    hit = HitSchema(
        phase=input(Scalar, doc="phase field d (0 intact, 1 fully cracked)"),
        crack=output(Scalar, doc="crack geometric function alpha = d^2"),
    )

    def forward(self, d: Scalar) -> Scalar:
        return d * d
