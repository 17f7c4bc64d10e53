"""KocksMeckingActivationEnergy: the normalized activation energy of thermally activated glide,

    g = k T / (mu b^3) ln(eps0 / eps_dot),

T ``temperature``, eps_dot ``strain_rate`` (an effective strain rate), mu ``shear_modulus``, b the
Burgers vector, k the Boltzmann constant and eps0 the reference strain rate (in consistent units,
e.g. mJ/K, mm, MPa, 1/s).

The docs give no formula; this is the textbook form of Kocks & Mecking (Prog. Mater. Sci. 48,
2003, 171-273), eps_dot = eps0 exp(-Delta G / (k T)) with Delta G = g mu b^3.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingActivationEnergy")
class KocksMeckingActivationEnergy(Model):
    """g = k T / (mu b^3) ln(eps0 / eps_dot)."""

    hit = HitSchema(
        temperature=input(Scalar, doc="temperature T"),
        strain_rate=input(Scalar, doc="effective strain rate eps_dot"),
        activation_energy=output(Scalar, doc="normalized activation energy g"),
        shear_modulus=parameter(Scalar, doc="shear modulus mu"),
        eps0=option(float, REQUIRED, doc="reference strain rate eps0"),
        k=option(float, REQUIRED, doc="Boltzmann constant k"),
        b=option(float, REQUIRED, doc="Burgers vector magnitude b"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.eps0 = float(self.options["eps0"])
        self.k = float(self.options["k"])
        self.b = float(self.options["b"])

    def forward(self, T: Scalar, eps_dot: Scalar, *nl: Any) -> Scalar:
        mu = self.params(nl).shear_modulus
        return self.k * T / (mu * self.b**3) * (self.eps0 / eps_dot).log()
