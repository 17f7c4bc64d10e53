"""PowerDegradationFunction: the power-law degradation of the active strain energy
(phase_field_fracture.md),

    g(d) = (1 - d)^p (1 - eta) + eta,

d the phase field, p the ``power``, eta >= 0 the residual stiffness floor (g(1) = eta).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, non_negative, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("PowerDegradationFunction")
class PowerDegradationFunction(Model):
    """g(d) = (1 - d)^p (1 - eta) + eta."""

    hit = HitSchema(
        phase=input(Scalar, doc="phase field d"),
        degradation=output(Scalar, doc="degradation g = (1 - d)^p (1 - eta) + eta"),
        power=parameter(Scalar, doc="exponent p"),
        eta=option(float, 0.0, check=non_negative("eta"), doc="residual stiffness floor eta >= 0"),
    )

    def forward(self, d: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        eta = self.options["eta"]
        return (1 - d) ** p.power * (1 - eta) + eta
