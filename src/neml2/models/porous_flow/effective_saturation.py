"""EffectiveSaturation: the normalized fluid fraction (porous_flow.md),

    S_e = (phi / phi_max - S_r) / (1 - S_r),

phi the ``fluid_fraction``, phi_max the ``max_fraction`` (the fraction at full saturation) and
S_r the ``residual_saturation`` (immobile); S_e runs from 0 (irreducible) to 1 (full saturation).
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("EffectiveSaturation")
class EffectiveSaturation(Model):
    """S_e = (phi / phi_max - S_r) / (1 - S_r)."""

    hit = HitSchema(
        fluid_fraction=input(Scalar, doc="volume fraction phi of the flowing fluid"),
        effective_saturation=output(Scalar, doc="S_e = (phi / phi_max - S_r) / (1 - S_r)"),
        residual_saturation=parameter(Scalar, doc="residual (immobile) saturation S_r"),
        max_fraction=parameter(Scalar, doc="fluid fraction phi_max at full saturation"),
    )

    def forward(self, phi: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        Sr = p.residual_saturation
        return (phi / p.max_fraction - Sr) / (1 - Sr)
