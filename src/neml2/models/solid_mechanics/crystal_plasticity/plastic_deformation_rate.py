"""PlasticDeformationRate: the plastic kinematics of the slip systems (crystal_plasticity/index.md),

    D^p = sum_i gamma_dot_i Q sym(d_i (x) n_i) Q^T,

gamma_dot_i the ``slip_rates`` (sub-batch axis of size nslip), Q the ``orientation_matrix``,
d_i / n_i the slip direction / plane normal of system i (``crystal_geometry``).
Computed as Q (sum_i gamma_dot_i d_i (x) n_i) Q^T, then its sym part.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.crystal_plasticity.crystal_model import CrystalModel, slip_sum
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import geometry_option
from neml2.schema import HitSchema, input, output
from neml2.types import R2, SR2, Scalar


@register_neml2_object("PlasticDeformationRate")
class PlasticDeformationRate(CrystalModel):
    """D^p = sum_i gamma_dot_i Q sym(d_i (x) n_i) Q^T."""

    hit = HitSchema(
        orientation_matrix=input(R2, doc="the crystal orientation Q as a rotation matrix"),
        slip_rates=input(Scalar, doc="slip rates gamma_dot_i (sub-batch axis of size nslip)"),
        plastic_deformation_rate=output(SR2, doc="D^p = sum_i gamma_dot_i Q sym(d_i (x) n_i) Q^T"),
        crystal_geometry=geometry_option(),
    )

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)
        self.crystal_buffer("schmid_tensors", self.crystal.schmid_tensors)

    def forward(self, Q: R2, slip_rates: Scalar) -> SR2:
        P = self.crystal_tensor("schmid_tensors")
        L = Q @ slip_sum(slip_rates, P) @ Q.transpose()
        return L.sym()
