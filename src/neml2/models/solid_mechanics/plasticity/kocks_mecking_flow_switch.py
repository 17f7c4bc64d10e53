"""KocksMeckingFlowSwitch: a smooth step in the normalized activation energy g between the
rate-independent (g < g0) and the rate-dependent (g > g0) flow rates,

    h = (1 + tanh(s (g - g0))) / 2,
    gamma_dot = (1 - h) gamma_dot_ri + h gamma_dot_rd,

g ``activation_energy``, g0 the Kocks-Mecking intercept, s ``sharpness``.

The docs give no formula; this is the usual tanh regularization of the bilinear Kocks-Mecking
map (Kocks & Mecking, Prog. Mater. Sci. 48, 2003: low g -- low temperature or high rate -- gives
the rate-insensitive plateau, high g the power-law regime).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingFlowSwitch")
class KocksMeckingFlowSwitch(Model):
    """gamma_dot = (1 - h) gamma_dot_ri + h gamma_dot_rd, h = (1 + tanh(s (g - g0))) / 2."""

    hit = HitSchema(
        activation_energy=input(Scalar, doc="normalized activation energy g"),
        rate_independent_flow_rate=input(Scalar, doc="rate-independent flow rate gamma_dot_ri"),
        rate_dependent_flow_rate=input(Scalar, doc="rate-dependent flow rate gamma_dot_rd"),
        flow_rate=output(Scalar, doc="blended flow rate gamma_dot"),
        g0=parameter(Scalar, doc="activation energy g0 of the switch (the Kocks-Mecking intercept)"),
        sharpness=option(float, 1.0, doc="sharpness s of the tanh step"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.s = float(self.options["sharpness"])

    def forward(self, g: Scalar, ri: Scalar, rd: Scalar, *nl: Any) -> Scalar:
        g0 = self.params(nl).g0
        # h = 1 / (1 + exp(-2x)) and 1 - h = 1 / (1 + exp(2x)), x = s (g - g0): each weight keeps its
        # relative precision far from the switch (1 - tanh(x) rounds to 0 beyond x ~ 19, which makes
        # the unused branch's unknown drop out of the Jacobian exactly: a singular Newton system)
        x2 = (2.0 * self.s * (g - g0)).clamp(-600.0, 600.0)
        return ri / (1.0 + x2.exp()) + rd / (1.0 + (-x2).exp())
