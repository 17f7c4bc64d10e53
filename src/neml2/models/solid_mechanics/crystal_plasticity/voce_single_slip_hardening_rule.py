"""VoceSingleSlipHardeningRule: Voce evolution of the single slip hardening (crystal_plasticity/index.md),

    tau_hat_dot = theta_0 (1 - tau_hat / tau_f) sum_i |gamma_dot_i|,

tau_hat the ``slip_hardening``, sum_i |gamma_dot_i| the ``sum_slip_rates``, theta_0 the
``initial_slope`` and tau_f the ``saturated_hardening``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("VoceSingleSlipHardeningRule")
class VoceSingleSlipHardeningRule(Model):
    """tau_hat_dot = theta_0 (1 - tau_hat / tau_f) sum_i |gamma_dot_i|."""

    hit = HitSchema(
        slip_hardening=input(Scalar, doc="slip hardening tau_hat"),
        sum_slip_rates=input(Scalar, doc="sum of the absolute slip rates"),
        slip_hardening_rate=output(Scalar, doc="tau_hat_dot"),
        initial_slope=parameter(Scalar, doc="initial hardening slope theta_0"),
        saturated_hardening=parameter(Scalar, doc="saturated hardening tau_f"),
    )

    def forward(self, tau_hat: Scalar, gamma_dot: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.initial_slope * (1 - tau_hat / p.saturated_hardening) * gamma_dot
