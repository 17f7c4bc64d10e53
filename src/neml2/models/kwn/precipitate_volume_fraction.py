"""PrecipitateVolumeFraction: the third moment of the size distribution (kwn/index.md, "Mass
conservation"),

    f = sum_i 4/3 pi R_i^3 n_i,

n_i the ``number_density`` in bin i and R_i the bin centers ``radius``; the sum reduces the bin
(last sub-batch) axis.
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.kwn._bins import bins
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import sum_sub_batch


@register_neml2_object("PrecipitateVolumeFraction")
class PrecipitateVolumeFraction(Model):
    """f = sum_i 4/3 pi R_i^3 n_i."""

    hit = HitSchema(
        number_density=input(Scalar, "number_density", doc="number density n_i per bin (bins on a sub-batch axis)"),
        volume_fraction=output(Scalar, "volume_fraction", doc="precipitate volume fraction f"),
        radius=parameter(Scalar, doc="bin centers R_i (bins on the last batch axis)"),
    )

    def forward(self, n: Scalar, *nl: Any) -> Scalar:
        R = bins(self, "radius", self.params(nl).radius)
        f = 4.0 / 3.0 * math.pi * R**3 * n
        return sum_sub_batch(f, -1) if f.sub_batch_ndim else f
