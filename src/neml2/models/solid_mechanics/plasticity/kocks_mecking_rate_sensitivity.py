"""KocksMeckingRateSensitivity: the power-law exponent of the rate-dependent Kocks-Mecking regime,

    n = -mu b^3 / (k T A),

T ``temperature``, mu ``shear_modulus``, A the slope of ln(sigma / mu) = B + A g, b the Burgers
vector, k the Boltzmann constant (Kocks & Mecking, Prog. Mater. Sci. 48, 2003; see
KocksMeckingFlowViscosity for the derivation).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingRateSensitivity")
class KocksMeckingRateSensitivity(Model):
    """n = -mu b^3 / (k T A)."""

    hit = HitSchema(
        temperature=input(Scalar, doc="temperature T"),
        rate_sensitivity=output(Scalar, doc="rate exponent n"),
        A=parameter(Scalar, doc="Kocks-Mecking slope A"),
        shear_modulus=parameter(Scalar, doc="shear modulus mu"),
        k=option(float, REQUIRED, doc="Boltzmann constant k"),
        b=option(float, REQUIRED, doc="Burgers vector magnitude b"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.k = float(self.options["k"])
        self.b = float(self.options["b"])

    def forward(self, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return -p.shear_modulus * self.b**3 / (self.k * T * p.A)
