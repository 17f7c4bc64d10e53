"""ResolvedShear: the resolved shear stress on every slip system (index.md),

    tau_i = sigma : Q sym(d_i (x) n_i) Q^T = (Q^T sigma Q) : sym(d_i (x) n_i),

sigma the ``stress``, Q the ``orientation_matrix``, d_i / n_i the slip direction / plane normal of
system i (``crystal_geometry``). ``resolved_shears`` carries the slip systems as a sub-batch axis.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.crystal_plasticity.crystal_model import CrystalModel
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import geometry_option
from neml2.schema import HitSchema, input, output
from neml2.types import R2, SR2, Scalar


@register_neml2_object("ResolvedShear")
class ResolvedShear(CrystalModel):
    """Resolved shear stress tau_i of the stress on each slip system of the rotated crystal."""

    hit = HitSchema(
        stress=input(SR2, doc="the stress sigma"),
        orientation_matrix=input(R2, doc="the crystal orientation Q as a rotation matrix"),
        resolved_shears=output(Scalar, doc="tau_i per slip system (sub-batch axis of size nslip)"),
        crystal_geometry=geometry_option(),
    )

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)
        self.crystal_buffer("schmid_sym", self.crystal.schmid_sym)

    def forward(self, stress: SR2, Q: R2) -> Scalar:
        Qt = Q.transpose()
        # the slip systems are the innermost sub-batch axis, after the crystal's own (e.g. grains)
        local = SR2.from_full(Qt @ stress.to_full() @ Q)
        return local.sub_batch.unsqueeze(-1).inner(self.crystal_tensor("schmid_sym"))
