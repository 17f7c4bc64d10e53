"""FiniteVolumeAppendBoundaryCondition: a prescribed value appended at one end of the spatial axis
(finite_volume.md),

    output = (b, x_1, ..., x_M)   (side = left),    output = (x_1, ..., x_M, b)   (side = right),

b = ``bc_value``. On the N-1 interior-edge fluxes, two of them (left, then right) give the N+1 edge
fluxes (a prescribed boundary flux: Neumann); on a ghost edge of u, a Dirichlet value. Unset, the
output is named ``<input>_with_bc_<side>``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import field
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output, parameter
from neml2.types import Scalar
from neml2.types.functions import cat


@register_neml2_object("FiniteVolumeAppendBoundaryCondition")
class FiniteVolumeAppendBoundaryCondition(Model):
    """The input with ``bc_value`` appended at its left or right end."""

    hit = HitSchema(
        side=option(str, "left", choices=("left", "right"), doc="the end the value is appended at (left or right)"),
        input=input(Scalar, doc="the array along the spatial axis (M entries)"),
        output=output(Scalar, optional=True, doc="the M+1 entries (default: <input>_with_bc_<side>)"),
        bc_value=parameter(Scalar, doc="the boundary value b (one per batch point)"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        if self.var("output") is None:
            name = f"{self.var('input')}_with_bc_{self.options['side']}"
            self.vars["output"] = name
            self.output_spec = {name: Scalar}

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        b = self.params(nl).bc_value
        x = field(self, x, "input")
        b = b if b.sub_batch_ndim else b.sub_batch.unsqueeze(-1)
        ends = [b.sub_batch, x.sub_batch] if self.options["side"] == "left" else [x.sub_batch, b.sub_batch]
        return cat(ends, dim=-1)
