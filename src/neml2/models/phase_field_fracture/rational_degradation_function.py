"""RationalDegradationFunction: the rational degradation of the active strain energy
(phase_field_fracture.md),

    g(d) = (1 - d)^p / ((1 - d)^p + Q(d)) (1 - eta) + eta,
    Q(d) = b1 d (1 + b2 d + b2 b3 d^2),

d the phase field, p the ``power``, b1, b2, b3 the shape coefficients, eta >= 0 the residual
stiffness floor (g(0) = 1, g(1) = eta).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, non_negative, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("RationalDegradationFunction")
class RationalDegradationFunction(Model):
    """g(d) = (1 - d)^p / ((1 - d)^p + b1 d (1 + b2 d + b2 b3 d^2)) (1 - eta) + eta."""

    hit = HitSchema(
        phase=input(Scalar, doc="phase field d"),
        degradation=output(Scalar, doc="degradation g = (1-d)^p / ((1-d)^p + Q(d)) (1 - eta) + eta"),
        power=parameter(Scalar, doc="exponent p"),
        b1=parameter(Scalar, doc="coefficient b1 of Q(d) = b1 d (1 + b2 d + b2 b3 d^2)"),
        b2=parameter(Scalar, doc="coefficient b2 of Q(d)"),
        b3=parameter(Scalar, doc="coefficient b3 of Q(d)"),
        eta=option(float, 0.0, check=non_negative("eta"), doc="residual stiffness floor eta >= 0"),
    )

    def forward(self, d: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        eta = self.options["eta"]
        num = (1 - d) ** p.power
        Q = p.b1 * d * (1 + p.b2 * d + p.b2 * p.b3 * d * d)
        return num / (num + Q) * (1 - eta) + eta
