"""SingleSlipStrengthMap: one hardening value shared by every slip system (crystal_plasticity/index.md),

    tau_bar_i = tau_hat + tau_const,   i = 1 .. nslip,

tau_hat the ``slip_hardening``, tau_const the ``constant_strength``; ``slip_strengths`` carries the
slip systems of ``crystal_geometry`` as a sub-batch axis.
"""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.crystal_plasticity.crystal_model import CrystalModel
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import geometry_option
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SingleSlipStrengthMap")
class SingleSlipStrengthMap(CrystalModel):
    """tau_bar_i = tau_hat + tau_const on every slip system."""

    hit = HitSchema(
        slip_hardening=input(Scalar, doc="the single slip hardening tau_hat"),
        slip_strengths=output(Scalar, doc="slip strengths tau_bar_i (sub-batch axis of size nslip)"),
        constant_strength=parameter(Scalar, doc="constant strength tau_const"),
        crystal_geometry=geometry_option(),
    )

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)
        ones = Scalar(torch.ones(self.crystal.nslip, dtype=torch.get_default_dtype()), sub_batch_ndim=1)
        self.crystal_buffer("ones", ones)

    def forward(self, tau_hat: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return (tau_hat + p.constant_strength).sub_batch.unsqueeze(-1) * self.crystal_tensor("ones")
