"""SlipSystemElasticInteraction: the elastic interaction of the slip systems over a time step,

    coupling_ij = (t - t~1) (Q M_i Q^T) : (Q * T) : (Q M_j Q^T),    M_i = sym(d_i (x) n_i),

Q the rotation of the ``orientation`` (modified Rodrigues parameters), T the
``elastic_stiffness_tensor`` in the crystal frame rotated as in GeneralElasticity
((Q * T)_ijkl = Q_ip Q_jq Q_kr Q_ls T_pqrs), d_i / n_i the slip direction / plane normal of
system i (``crystal_geometry``). With sigma = (Q * T) : eps_e, eps_e losing (t - t~1) gamma_dot_j
Q M_j Q^T per slip rate and tau_i = sigma : Q M_i Q^T (ResolvedShear), coupling_ij is the drop of
the resolved shear on system i per unit slip rate on system j: coupling = -d tau / d gamma_dot.
``coupling`` carries the systems as two sub-batch axes (i, j) of size nslip.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.crystal_plasticity.crystal_model import CrystalModel
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import geometry_option
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import MRP, SR2, SSR4, Scalar


@register_neml2_object("SlipSystemElasticInteraction")
class SlipSystemElasticInteraction(CrystalModel):
    """coupling_ij = (t - t~1) (Q M_i Q^T) : (Q * T) : (Q M_j Q^T)."""

    hit = HitSchema(
        orientation=input(MRP, doc="the crystal orientation r (modified Rodrigues parameters)"),
        time=input(Scalar, "t", doc="time t (t~1 the previous step)"),
        old_time=input(Scalar, "{time}~1", hidden=True, doc="time at the previous step"),
        coupling=output(Scalar, doc="coupling_ij, sub-batch axes (nslip, nslip)"),
        elastic_stiffness_tensor=parameter(SSR4, doc="the stiffness T in the crystal frame"),
        crystal_geometry=geometry_option(),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.crystal_buffer("schmid_sym", self.crystal.schmid_sym)

    def forward(self, r: MRP, t: Scalar, tn: Scalar, *nl: Any) -> Scalar:
        T: SSR4 = self.params(nl).elastic_stiffness_tensor
        Q = r.to_R2()
        M = self.crystal_tensor("schmid_sym")  # sub-batch (nslip,)
        A = SR2.from_full(Q @ M.to_full() @ Q.transpose())  # Q M_i Q^T
        B = T.rotate(Q) @ A  # (Q * T) : Q M_j Q^T
        # systems i along the first sub-batch axis, j along the second
        Ai = A._new(A.data.unsqueeze(-2), sub_batch_ndim=A.sub_batch_ndim + 1, sub_batch_state=(), sub_batch_meta=())
        Bj = B._new(B.data.unsqueeze(-3), sub_batch_ndim=B.sub_batch_ndim + 1, sub_batch_state=(), sub_batch_meta=())
        return (t - tn) * Ai.inner(Bj)
