"""BrooksCoreyCapillaryPressure: the Brooks-Corey capillary pressure (porous_flow.md),

    P_c(S_e) = P_t S_e^(-1/p),

P_t the ``threshold_pressure``, p the shape ``exponent`` and S_e the ``effective_saturation``.
With ``log_extension`` on, below the ``transition_saturation`` S_p ln P_c continues linearly,

    P_c(S_e) = P_c(S_p) exp( -(S_e - S_p) / (p S_p) ),    S_e < S_p,

(-1 / (p S_p) = d ln P_c / dS_e at S_p), which keeps P_c finite as S_e -> 0.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.porous_flow._log_extension import check_transition, log_extended
from neml2.schema import HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("BrooksCoreyCapillaryPressure")
class BrooksCoreyCapillaryPressure(Model):
    """P_c = P_t S_e^(-1/p), optionally log-linear below S_p."""

    hit = HitSchema(
        effective_saturation=input(Scalar, doc="effective saturation S_e"),
        capillary_pressure=output(Scalar, doc="P_c = P_t S_e^(-1/p)"),
        threshold_pressure=parameter(Scalar, doc="threshold (entry) pressure P_t"),
        exponent=parameter(Scalar, doc="shape exponent p"),
        log_extension=option(bool, False, doc="continue ln P_c linearly below transition_saturation"),
        transition_saturation=option(float, 0.0, doc="saturation S_p below which the log extension applies"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        check_transition(self)

    def forward(self, S: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        Pt, n = p.threshold_pressure, p.exponent

        def pc(s: Any) -> Any:
            return Pt * s ** (-1 / n)

        if not self.options["log_extension"]:
            return pc(S)
        sp = self.options["transition_saturation"]
        return log_extended(S, sp, pc, -1 / (n * sp))
