"""ScalarBilinearInterpolation: bilinear interpolation of a tabulated Scalar ordinate over two Scalar arguments.

On the cell X1_i < argument1 <= X1_{i+1}, X2_j < argument2 <= X2_{j+1}, with
xi = (argument1 - X1_i) / (X1_{i+1} - X1_i), eta = (argument2 - X2_j) / (X2_{j+1} - X2_j):
output = (1-xi)(1-eta) Y_{i,j} + xi (1-eta) Y_{i+1,j} + (1-xi) eta Y_{i,j+1} + xi eta Y_{i+1,j+1}.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common._interpolation import bilinear, bilinear_schema, mark_tables
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.types import Scalar


@register_neml2_object("ScalarBilinearInterpolation")
class ScalarBilinearInterpolation(Model):
    """Bilinear interpolation of a Scalar table."""

    hit = bilinear_schema(Scalar)

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "output")
        mark_tables(self, abscissa1=1, abscissa2=1, ordinate=2)

    def forward(self, x1: Scalar, x2: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return bilinear(p.abscissa1, p.abscissa2, p.ordinate, x1, x2)
