"""KocksMeckingFlowViscosity: the Perzyna reference stress of the rate-dependent Kocks-Mecking
regime,

    eta = mu exp(B) eps0^(k T A / (mu b^3)),

T ``temperature``, mu ``shear_modulus``, A, B the slope and intercept of the Kocks-Mecking line
ln(sigma / mu) = B + A g, b the Burgers vector, k the Boltzmann constant, eps0 the reference
strain rate.

With g = k T / (mu b^3) ln(eps0 / eps_dot) (KocksMeckingActivationEnergy) the line reads
sigma = mu exp(B) (eps_dot / eps0)^(1/n), n = -mu b^3 / (k T A) (KocksMeckingRateSensitivity),
i.e. eps_dot = (sigma / eta)^n with the eta above (Kocks & Mecking, Prog. Mater. Sci. 48, 2003).
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingFlowViscosity")
class KocksMeckingFlowViscosity(Model):
    """eta = mu exp(B) eps0^(k T A / (mu b^3))."""

    hit = HitSchema(
        temperature=input(Scalar, doc="temperature T"),
        viscosity=output(Scalar, optional=True, doc="reference stress eta (default: the block name)"),
        A=parameter(Scalar, doc="Kocks-Mecking slope A"),
        B=parameter(Scalar, doc="Kocks-Mecking intercept B of the rate-dependent line"),
        shear_modulus=parameter(Scalar, doc="shear modulus mu"),
        eps0=option(float, REQUIRED, doc="reference strain rate eps0"),
        k=option(float, REQUIRED, doc="Boltzmann constant k"),
        b=option(float, REQUIRED, doc="Burgers vector magnitude b"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "viscosity")
        self.eps0 = float(self.options["eps0"])
        self.k = float(self.options["k"])
        self.b = float(self.options["b"])
        self.log_eps0 = math.log(self.eps0)

    def forward(self, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        mu = p.shear_modulus
        return mu * p.B.exp() * (self.k * T * p.A / (mu * self.b**3) * self.log_eps0).exp()
