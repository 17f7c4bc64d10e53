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

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand 3.8 (identity: 7 vs 26 us a call), 2026-12-03)
    def forward(self, cauchy_stress: SR2) -> Local:
        return Local(cauchy_stress, {"cauchy_stress": lambda t: t})
