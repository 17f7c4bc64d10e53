"""LinearSingleSlipHardeningRule: linear evolution of the single slip hardening (crystal_plasticity/index.md),

    tau_hat_dot = theta sum_i |gamma_dot_i|,

sum_i |gamma_dot_i| the ``sum_slip_rates`` and theta the ``hardening_slope``; ``slip_hardening`` is
an input for a uniform interface with the other hardening rules (the rate does not depend on it).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("LinearSingleSlipHardeningRule")
class LinearSingleSlipHardeningRule(Model):
    """tau_hat_dot = theta sum_i |gamma_dot_i|."""

    hit = HitSchema(
        slip_hardening=input(Scalar, doc="slip hardening tau_hat (the rate does not depend on it)"),
        sum_slip_rates=input(Scalar, doc="sum of the absolute slip rates"),
        slip_hardening_rate=output(Scalar, doc="tau_hat_dot"),
        hardening_slope=parameter(Scalar, doc="hardening slope theta"),
    )

    def forward(self, tau_hat: Scalar, gamma_dot: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.hardening_slope * gamma_dot
