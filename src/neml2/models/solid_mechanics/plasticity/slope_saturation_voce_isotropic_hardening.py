"""SlopeSaturationVoceIsotropicHardening: k_dot = theta0 (1 - k / R) gamma_dot (theta0
``initial_hardening_rate``, R ``saturated_hardening``, gamma_dot ``flow_rate``)."""

from typing import Any

from neml2.factory import register_neml2_object
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

    def forward(self, gamma: Scalar, k: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.initial_hardening_rate * (1 - k / p.saturated_hardening) * gamma
