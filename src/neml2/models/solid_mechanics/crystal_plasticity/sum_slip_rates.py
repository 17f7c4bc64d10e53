"""SumSlipRates: the total slip rate (crystal_plasticity/index.md),

    gamma_dot = sum_i |gamma_dot_i|,

gamma_dot_i the ``slip_rates`` (sub-batch axis of size nslip); the sum reduces that axis.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.crystal_plasticity.crystal_model import sum_over_slip
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("SumSlipRates")
class SumSlipRates(Model):
    """gamma_dot = sum_i |gamma_dot_i|."""

    hit = HitSchema(
        slip_rates=input(Scalar, doc="slip rates gamma_dot_i (sub-batch axis of size nslip)"),
        sum_slip_rates=output(Scalar, doc="sum_i |gamma_dot_i|"),
    )

    def forward(self, slip_rates: Scalar) -> Scalar:
        return sum_over_slip(slip_rates.abs())
