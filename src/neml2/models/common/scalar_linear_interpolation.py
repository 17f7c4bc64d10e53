"""ScalarLinearInterpolation: piecewise-linear interpolation of tabulated Scalar ordinates.

On the interval X_i < argument <= X_{i+1} of the abscissa table X (one sub-batch axis):
``output = Y_i + (argument - X_i) / (X_{i+1} - X_i) * (Y_{i+1} - Y_i)``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common._interpolation import interval_weights, mark_tables, table
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import sum_sub_batch


@register_neml2_object("ScalarLinearInterpolation")
class ScalarLinearInterpolation(Model):
    """Linear interpolation of a Scalar table over a Scalar argument."""

    hit = HitSchema(
        {
            "argument": input(Scalar, "argument", doc="the argument used to query the table"),
            "output": output(Scalar, optional=True, doc="output variable (default: the block name)"),
            "abscissa": parameter(Scalar, doc="abscissa knots (increasing, on one sub-batch axis)"),
            "ordinate": parameter(Scalar, doc="ordinate values at the knots (same sub-batch axis)"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "output")
        mark_tables(self, abscissa=1, ordinate=1)

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        Y = table(p.ordinate)
        m, xi = interval_weights(p.abscissa, x)
        Y0, Y1 = Y.sub_batch[:-1], Y.sub_batch[1:]
        return sum_sub_batch(m * (Y0 + xi * (Y1 - Y0)), 0)
