"""FredrickArmstrongPlasticHardening: X_dot = (2/3 C N - g X) gamma_dot.

Convention: ``N = df/dM`` is the unit flow direction of ``YieldFunction`` (scaled by sqrt(2/3)), so
``gamma_dot = |Ep_dot|`` and the equivalent plastic strain rate is ``sqrt(2/3) gamma_dot``.  Under
steady proportional flow the back stress saturates at ``X = 2/3 (C/g) N``: ``|X| = 2/3 C/g``, a von
Mises back stress ``sqrt(3/2)|X| = sqrt(2/3) C/g``, and in uniaxial tension it raises the flow
stress by ``sqrt(2/3) C/g``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


def fredrick_armstrong_schema(**extra: Any) -> HitSchema:
    return HitSchema(
        flow_rate=input(Scalar, doc="consistency parameter rate gamma_dot"),
        flow_direction=input(SR2, doc="unit flow direction N"),
        back_stress=input(SR2, doc="back stress X"),
        back_stress_rate=output(SR2, "{back_stress}_rate", doc="X_dot"),
        C=parameter(Scalar, doc="kinematic hardening modulus"),
        g=parameter(Scalar, doc="dynamic recovery coefficient"),
        **extra,
    )


@register_neml2_object("FredrickArmstrongPlasticHardening")
class FredrickArmstrongPlasticHardening(Model):
    """Nonlinear kinematic hardening: linear hardening ``C`` with dynamic recovery ``g``."""

    hit = fredrick_armstrong_schema()

    def forward(self, gamma: Scalar, N: SR2, X: SR2, *nl: Any) -> SR2:
        p = self.params(nl)
        return (2.0 / 3.0 * p.C * N - p.g * X) * gamma
