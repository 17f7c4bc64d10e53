"""VoceIsotropicHardening: k = R (1 - exp(-d ep)) (R ``saturated_hardening``, d ``saturation_rate``)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("VoceIsotropicHardening")
class VoceIsotropicHardening(Model):
    """Isotropic hardening saturating exponentially at ``R`` (saturated_hardening) with rate ``d``
    (saturation_rate) in the equivalent plastic strain."""

    hit = HitSchema(
        equivalent_plastic_strain=input(Scalar, doc="equivalent plastic strain ep"),
        isotropic_hardening=output(Scalar, doc="k = R (1 - exp(-d ep))"),
        saturated_hardening=parameter(Scalar, doc="saturation value R"),
        saturation_rate=parameter(Scalar, doc="saturation rate d"),
    )

    def forward(self, ep: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.saturated_hardening * (1 - (-p.saturation_rate * ep).exp())
