"""PowerLawSlipRule: the power-law slip rate on every slip system (crystal_plasticity/index.md),

    gamma_dot_i = gamma0 |tau_i / tau_bar_i|^(n - 1) tau_i / tau_bar_i,

tau_i the ``resolved_shears``, tau_bar_i the ``slip_strengths`` (both with the slip systems as a
sub-batch axis), gamma0 the reference rate and n the rate exponent.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("PowerLawSlipRule")
class PowerLawSlipRule(Model):
    """gamma_dot_i = gamma0 |tau_i / tau_bar_i|^(n-1) tau_i / tau_bar_i."""

    hit = HitSchema(
        resolved_shears=input(Scalar, doc="resolved shears tau_i (sub-batch axis of size nslip)"),
        slip_strengths=input(Scalar, doc="slip strengths tau_bar_i (sub-batch axis of size nslip)"),
        slip_rates=output(Scalar, doc="slip rates gamma_dot_i (sub-batch axis of size nslip)"),
        gamma0=parameter(Scalar, doc="reference slip rate gamma0"),
        n=parameter(Scalar, doc="rate sensitivity exponent n"),
    )

    def forward(self, tau: Scalar, tau_bar: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        x = tau / tau_bar
        return p.gamma0 * x.abs() ** (p.n - 1) * x
