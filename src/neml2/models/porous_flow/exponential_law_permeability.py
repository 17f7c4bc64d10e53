"""ExponentialLawPermeability: the exponential porosity-permeability relation (porous_flow.md),

    K(phi) = K_0 exp[ -a (phi - phi_0) ],

phi the ``porosity``, (phi_0, K_0) the ``reference_porosity`` / ``reference_permeability`` and a
the ``scale``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ExponentialLawPermeability")
class ExponentialLawPermeability(Model):
    """K = K_0 exp[-a (phi - phi_0)]."""

    hit = HitSchema(
        porosity=input(Scalar, doc="porosity phi"),
        permeability=output(Scalar, doc="K = K_0 exp[-a (phi - phi_0)]"),
        reference_permeability=parameter(Scalar, doc="permeability K_0 at the reference porosity"),
        reference_porosity=parameter(Scalar, doc="reference porosity phi_0"),
        scale=parameter(Scalar, doc="exponential scale a"),
    )

    def forward(self, phi: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.reference_permeability * (-p.scale * (phi - p.reference_porosity)).exp()
