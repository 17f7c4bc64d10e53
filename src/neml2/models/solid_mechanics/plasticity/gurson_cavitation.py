"""GursonCavitation: void growth by plastic dilatation, f_dot = (1 - f) tr(Ep_dot)."""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, Scalar


@register_neml2_object("GursonCavitation")
class GursonCavitation(Model):
    """Mass conservation of the matrix: the void fraction grows with the plastic volume change."""

    hit = HitSchema(
        plastic_strain_rate=input(SR2, doc="plastic strain rate Ep_dot"),
        void_fraction=input(Scalar, doc="void fraction f"),
        void_fraction_rate=output(Scalar, doc="f_dot = (1 - f) tr(Ep_dot)"),
    )

    def forward(self, Ep_dot: SR2, f: Scalar) -> Scalar:
        return (1 - f) * Ep_dot.tr()
