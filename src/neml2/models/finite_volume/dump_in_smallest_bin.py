"""DumpInSmallestBin: a source of magnitude m deposited whole into the smallest bin (finite_volume.md;
kwn/index.md: the discrete stand-in for the nucleation delta at R_crit, far below the first bin),

    S_i = m   if x_i is the smallest of the ``cell_centers`` x_j,   S_i = 0 otherwise.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import field
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import sum_sub_batch


@register_neml2_object("DumpInSmallestBin")
class DumpInSmallestBin(Model):
    """S_i = m in the bin of the smallest center, 0 elsewhere."""

    hit = HitSchema(
        magnitude=input(Scalar, doc="source magnitude m (one per batch point)"),
        dumped_source=output(Scalar, "state/dumped_source", doc="S_i: m in the smallest bin, 0 in the others"),
        cell_centers=parameter(Scalar, doc="bin (cell) centers x_i (N entries)"),
    )

    def forward(self, magnitude: Scalar, *nl: Any) -> Scalar:
        x = field(self, self.params(nl).cell_centers, "cell_centers")
        # number of centers below x_i (x_i on the first sub-batch axis, x_j on a second one, summed)
        below = sum_sub_batch((x.sub_batch.unsqueeze(-1) - x.sub_batch.unsqueeze(-2)).heaviside(), -1)
        return magnitude * (1.0 - below).heaviside()
