"""SlopeSaturationVoceIsotropicHardening: k_dot = theta0 (1 - k / R) gamma_dot (theta0
``initial_hardening_rate``, R ``saturated_hardening``, gamma_dot ``flow_rate``)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SlopeSaturationVoceIsotropicHardening")
class SlopeSaturationVoceIsotropicHardening(Model):
    """Voce hardening in rate form: initial slope ``theta0`` (initial_hardening_rate) decaying
    linearly to zero as ``k`` reaches ``R`` (saturated_hardening)."""

    hit = HitSchema(
        flow_rate=input(Scalar, doc="consistency parameter rate gamma_dot"),
        isotropic_hardening=input(Scalar, doc="isotropic hardening k"),
        isotropic_hardening_rate=output(Scalar, "{isotropic_hardening}_rate", doc="k_dot"),
        saturated_hardening=parameter(Scalar, doc="saturation value R"),
        initial_hardening_rate=parameter(Scalar, doc="initial slope theta0"),
    )

    def forward(self, gamma: Scalar, k: Scalar, *nl: Any) -> Local:
        p = self.params(nl)
        R, theta0 = p.saturated_hardening, p.initial_hardening_rate
        slope = theta0 * (1 - k / R)
        g_, k_, R_, th_ = "flow_rate", "isotropic_hardening", "saturated_hardening", "initial_hardening_rate"
        return Local(
            slope * gamma,
            {
                g_: lambda t: slope * t,
                k_: lambda t: -theta0 / R * gamma * t,
                R_: lambda t: theta0 * k / (R * R) * gamma * t,
                th_: lambda t: (1 - k / R) * gamma * t,
            },
            {
                (g_, k_): lambda a, b: -theta0 / R * a * b,
                (g_, R_): lambda a, b: theta0 * k / (R * R) * a * b,
                (g_, th_): lambda a, b: (1 - k / R) * a * b,
                (k_, R_): lambda a, b: theta0 / (R * R) * gamma * a * b,
                (k_, th_): lambda a, b: -gamma / R * a * b,
                (R_, R_): lambda a, b: -2 * theta0 * k / (R * R * R) * gamma * a * b,
                (R_, th_): lambda a, b: k / (R * R) * gamma * a * b,
            },
        )
