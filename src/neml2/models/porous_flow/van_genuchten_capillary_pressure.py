"""VanGenuchtenCapillaryPressure: the van Genuchten capillary pressure (porous_flow.md),

    P_c(S_e) = a (S_e^(-1/m) - 1)^(1-m),

a and m the shape parameters and S_e the ``effective_saturation``. With ``log_extension`` on,
below the ``transition_saturation`` S_p ln P_c continues linearly,

    P_c(S_e) = P_c(S_p) exp( s (S_e - S_p) ),    S_e < S_p,

with the slope of ln P_c at S_p,

    s = d ln P_c / dS_e (S_p) = -(1 - m) / m  S_p^(-1/m - 1) / (S_p^(-1/m) - 1),

which keeps P_c finite as S_e -> 0.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.porous_flow._log_extension import check_transition, log_extended
from neml2.schema import HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("VanGenuchtenCapillaryPressure")
class VanGenuchtenCapillaryPressure(Model):
    """P_c = a (S_e^(-1/m) - 1)^(1-m), optionally log-linear below S_p."""

    hit = HitSchema(
        effective_saturation=input(Scalar, doc="effective saturation S_e"),
        capillary_pressure=output(Scalar, doc="P_c = a (S_e^(-1/m) - 1)^(1-m)"),
        a=parameter(Scalar, doc="pressure scale a"),
        m=parameter(Scalar, doc="shape exponent m"),
        log_extension=option(bool, False, doc="continue ln P_c linearly below transition_saturation"),
        transition_saturation=option(float, 0.0, doc="saturation S_p below which the log extension applies"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        check_transition(self)

    def forward(self, S: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        a, m = p.a, p.m

        def pc(s: Any) -> Any:
            return a * (s ** (-1 / m) - 1) ** (1 - m)

        if not self.options["log_extension"]:
            return pc(S)
        sp = self.options["transition_saturation"]
        x = sp ** (-1 / m)
        return log_extended(S, sp, pc, -(1 - m) / m * x / sp / (x - 1))
