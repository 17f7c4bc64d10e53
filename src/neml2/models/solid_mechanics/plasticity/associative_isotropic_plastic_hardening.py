"""AssociativeIsotropicPlasticHardening: ep_dot = -gamma_dot N_k, N_k = df/dk (plasticity.md).

ep_dot is ``equivalent_plastic_strain_rate``, gamma_dot ``flow_rate``, N_k
``isotropic_hardening_direction``.
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("AssociativeIsotropicPlasticHardening")
class AssociativeIsotropicPlasticHardening(Model):
    """``ep_dot = -gamma_dot * N_k`` with ``N_k = df/dk``."""

    hit = HitSchema(
        flow_rate=input(Scalar, doc="consistency parameter rate gamma_dot"),
        isotropic_hardening_direction=input(Scalar, doc="N_k = df/dk"),
        equivalent_plastic_strain_rate=output(Scalar, doc="ep_dot = -gamma_dot N_k"),
    )

    def forward(self, gamma: Scalar, Nk: Scalar) -> Scalar:
        return -gamma * Nk
