"""AssociativePlasticFlow: Ep_dot = gamma_dot N, N = df/dM (plasticity.md).

Ep_dot is ``plastic_strain_rate``, gamma_dot ``flow_rate``, N ``flow_direction``.
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, Scalar


@register_neml2_object("AssociativePlasticFlow")
class AssociativePlasticFlow(Model):
    """``Ep_dot = gamma_dot * N``."""

    hit = HitSchema(
        flow_rate=input(Scalar, doc="consistency parameter rate gamma_dot"),
        flow_direction=input(SR2, doc="N = df/dM"),
        plastic_strain_rate=output(SR2, doc="Ep_dot = gamma_dot N"),
    )

    def forward(self, gamma: Scalar, N: SR2) -> SR2:
        return gamma * N
