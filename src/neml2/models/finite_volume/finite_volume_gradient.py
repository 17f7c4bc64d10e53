"""FiniteVolumeGradient: the first-order edge gradient (and 1D flux divergence) of finite_volume.md,

    grad_u_{i+1/2} = -p_{i+1/2} (u_{i+1} - u_i) / dx_{i+1/2},

over the spatial axis of ``u`` (N entries -> N-1 results). With ``prefactor`` = D and ``dx`` = the
cell-center spacings it is the diffusive flux -D du/dx on the interior edges; with no prefactor and
``dx`` = the cell widths, applied to the edge fluxes J (N+1 entries), it is -dJ/dx per cell.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import along, field, size
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("FiniteVolumeGradient")
class FiniteVolumeGradient(Model):
    """grad_u_{i+1/2} = -p_{i+1/2} (u_{i+1} - u_i) / dx_{i+1/2}."""

    hit = HitSchema(
        u=input(Scalar, doc="values u_i along the spatial axis (N entries)"),
        grad_u=output(Scalar, doc="-p (u_{i+1} - u_i) / dx (N-1 entries)"),
        dx=parameter(Scalar, doc="spacings between consecutive u entries (N-1, sub-batch; unmarked: uniform)"),
        prefactor=parameter(Scalar, "1.0", doc="prefactor p, e.g. a diffusivity (N-1, sub-batch; unmarked: uniform)"),
    )

    def forward(self, u: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        u = field(self, u, "u")
        n = size(u) - 1
        du = u.sub_batch[..., 1:] - u.sub_batch[..., :-1]
        return -along(self, p.prefactor, n, "prefactor") * du / along(self, p.dx, n, "dx")
