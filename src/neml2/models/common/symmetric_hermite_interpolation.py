"""SymmetricHermiteInterpolation: the cubic Hermite interpolation between 0 at ``lower_bound`` and 1 at
``upper_bound`` with zero end slopes,

``x = clamp((argument - lower_bound) / (upper_bound - lower_bound), 0, 1)``, ``output = 3 x^2 - 2 x^3``,

point-symmetric about the midpoint of the bounds: ``output(1 - x) = 1 - output(x)`` (the value there is 1/2);
0 below ``lower_bound``, 1 above ``upper_bound``. The same step as HermiteSmoothStep, with the output named
after the block."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.hermite_smooth_step import hermite_step
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SymmetricHermiteInterpolation")
class SymmetricHermiteInterpolation(Model):
    """Symmetric cubic Hermite step from 0 (at lower_bound) to 1 (at upper_bound)."""

    hit = HitSchema(
        {
            "argument": input(Scalar, "argument", doc="the argument of the interpolation"),
            "output": output(Scalar, optional=True, doc="output variable (default: the block name)"),
            "lower_bound": parameter(Scalar, doc="argument where the interpolation starts (output 0)"),
            "upper_bound": parameter(Scalar, doc="argument where the interpolation ends (output 1)"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "output")

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return hermite_step(x, p.lower_bound, p.upper_bound)
