"""KocksMeckingYieldStress: the rate-independent plateau of the Kocks-Mecking diagram,

    sigma_y = mu exp(C),

mu ``shear_modulus``, C the plateau of ln(sigma / mu) (Kocks & Mecking, Prog. Mater. Sci. 48, 2003).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingYieldStress")
class KocksMeckingYieldStress(Model):
    """sigma_y = mu exp(C)."""

    hit = HitSchema(
        yield_stress=output(Scalar, doc="yield stress sigma_y = mu exp(C)"),
        C=parameter(Scalar, doc="plateau C of ln(sigma / mu)"),
        shear_modulus=parameter(Scalar, doc="shear modulus mu"),
    )

    def forward(self, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.shear_modulus * p.C.exp()
