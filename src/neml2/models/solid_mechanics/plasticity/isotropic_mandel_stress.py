"""IsotropicMandelStress: M = sigma; for isotropic small-strain plasticity the Mandel stress is the
Cauchy stress."""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2


@register_neml2_object("IsotropicMandelStress")
class IsotropicMandelStress(Model):
    """``M = sigma``."""

    hit = HitSchema(cauchy_stress=input(SR2, doc="Cauchy stress"), mandel_stress=output(SR2, doc="M = sigma"))

    def forward(self, cauchy_stress: SR2) -> Local:
        return Local(cauchy_stress, {"cauchy_stress": lambda t: t})
