"""SemiInfiniteCoordinateTransform: a semi-infinite coordinate x in [0, inf) mapped onto [0, 1),

    x_hat = x / (x + s),

s the ``shift``: the inverse of the map x = s x_hat / (1 - x_hat) from the scaled to the physical
radius of kwn/index.md (a uniform grid in x_hat gives a semi-infinite grid in x). Element-wise.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SemiInfiniteCoordinateTransform")
class SemiInfiniteCoordinateTransform(Model):
    """x_hat = x / (x + s)."""

    hit = HitSchema(
        coordinate=input(Scalar, doc="the semi-infinite coordinate x >= 0"),
        transformed_coordinate=output(Scalar, "state/x_hat", doc="x_hat = x / (x + s), in [0, 1)"),
        shift=parameter(Scalar, doc="shift s > 0 (x = s maps to x_hat = 1/2)"),
    )

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        s = self.params(nl).shift
        return x / (x + s)
