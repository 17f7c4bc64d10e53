"""LinearlyInterpolateToCellEdges: cell-center values lifted onto the interior cell edges by linear
interpolation between adjacent centers (finite_volume.md),

    q_{i+1/2} = (x_{i+1} - x_{i+1/2}) / (x_{i+1} - x_i) q_i + (x_{i+1/2} - x_i) / (x_{i+1} - x_i) q_{i+1},

x_i the N ``cell_centers``, x_{i+1/2} the interior entries of the N+1 ``cell_edges``; N-1 results.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import along, field, size
from neml2.models.model import Model
from neml2.schema import HitSchema, output, parameter
from neml2.types import Scalar


@register_neml2_object("LinearlyInterpolateToCellEdges")
class LinearlyInterpolateToCellEdges(Model):
    """q_{i+1/2} = w_i q_i + (1 - w_i) q_{i+1}, w_i = (x_{i+1} - x_{i+1/2}) / (x_{i+1} - x_i)."""

    hit = HitSchema(
        cell_values=parameter(Scalar, doc="values q_i at the cell centers (N, sub-batch; unmarked: uniform)"),
        cell_centers=parameter(Scalar, doc="cell-center coordinates x_i (N entries)"),
        cell_edges=parameter(Scalar, doc="cell-edge coordinates (N+1 entries)"),
        edge_values=output(Scalar, doc="interpolated values on the N-1 interior edges"),
    )

    def forward(self, *nl: Any) -> Scalar:
        p = self.params(nl)
        xc = field(self, p.cell_centers, "cell_centers")
        x_left, x_right = xc.sub_batch[..., :-1], xc.sub_batch[..., 1:]
        x_edge = field(self, p.cell_edges, "cell_edges").sub_batch[..., 1:-1]
        q = along(self, p.cell_values, size(xc), "cell_values")
        per_cell = q.sub_batch_ndim and size(q) > 1
        q_left, q_right = (q.sub_batch[..., :-1], q.sub_batch[..., 1:]) if per_cell else (q, q)
        h = x_right - x_left
        return (x_right - x_edge) / h * q_left + (x_edge - x_left) / h * q_right
