"""VoceIsotropicHardening: k = R (1 - exp(-d ep)) (R ``saturated_hardening``, d ``saturation_rate``)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
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

    def forward(self, ep: Scalar, *nl: Any) -> Local:
        p = self.params(nl)
        R, d = p.saturated_hardening, p.saturation_rate
        e = (-d * ep).exp()
        ep_, R_, d_ = "equivalent_plastic_strain", "saturated_hardening", "saturation_rate"
        return Local(
            R * (1 - e),
            {ep_: lambda t: R * d * e * t, R_: lambda t: (1 - e) * t, d_: lambda t: R * ep * e * t},
            {
                (ep_, ep_): lambda a, b: -R * d * d * e * a * b,
                (ep_, R_): lambda a, b: d * e * a * b,
                (ep_, d_): lambda a, b: R * e * (1 - d * ep) * a * b,
                (R_, d_): lambda a, b: ep * e * a * b,
                (d_, d_): lambda a, b: -R * ep * ep * e * a * b,
            },
        )
