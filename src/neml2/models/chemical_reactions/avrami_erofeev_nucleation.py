"""AvramiErofeevNucleation: the Avrami-Erofeev nucleation reaction mechanism (chemical_reactions.md),

    alpha_dot = k (1 - alpha) (-ln(1 - alpha))^n,

alpha the conversion degree, k the reaction coefficient ``coef``, n the reaction ``order``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("AvramiErofeevNucleation")
class AvramiErofeevNucleation(Model):
    """alpha_dot = k (1 - alpha) (-ln(1 - alpha))^n."""

    hit = HitSchema(
        conversion_degree=input(Scalar, doc="conversion degree alpha in [0, 1)"),
        reaction_rate=output(Scalar, doc="reaction rate alpha_dot = k (1 - alpha) (-ln(1 - alpha))^n"),
        coef=parameter(Scalar, doc="reaction coefficient k"),
        order=parameter(Scalar, doc="reaction order n"),
    )

    def forward(self, alpha: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        s = 1 - alpha
        return p.coef * s * (-s.log()) ** p.order
