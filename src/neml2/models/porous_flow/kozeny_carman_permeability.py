"""KozenyCarmanPermeability: the Kozeny-Carman porosity-permeability relation (porous_flow.md),

    K(phi) = K_0 (phi / (1 - phi))^n / (phi_0 / (1 - phi_0))^m,

phi the ``porosity``, (phi_0, K_0) the ``reference_porosity`` / ``reference_permeability`` and
(n, m) the shape exponents.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("KozenyCarmanPermeability")
class KozenyCarmanPermeability(Model):
    """K = K_0 (phi / (1 - phi))^n / (phi_0 / (1 - phi_0))^m."""

    hit = HitSchema(
        porosity=input(Scalar, doc="porosity phi"),
        permeability=output(Scalar, doc="K = K_0 (phi / (1 - phi))^n / (phi_0 / (1 - phi_0))^m"),
        reference_permeability=parameter(Scalar, doc="permeability scale K_0"),
        reference_porosity=parameter(Scalar, doc="reference porosity phi_0"),
        n=parameter(Scalar, doc="exponent n of phi / (1 - phi)"),
        m=parameter(Scalar, doc="exponent m of phi_0 / (1 - phi_0)"),
    )

    def forward(self, phi: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        phi0 = p.reference_porosity
        return p.reference_permeability * (phi / (1 - phi)) ** p.n / (phi0 / (1 - phi0)) ** p.m
