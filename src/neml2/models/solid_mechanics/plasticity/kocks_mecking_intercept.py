"""KocksMeckingIntercept: the normalized activation energy where the rate-dependent line
ln(sigma / mu) = B + A g meets the rate-independent plateau ln(sigma / mu) = C,

    g0 = (C - B) / A.

The bilinear Kocks-Mecking diagram (Kocks & Mecking, Prog. Mater. Sci. 48, 2003); A, B, C as in
KocksMeckingFlowViscosity and KocksMeckingYieldStress.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, output, parameter
from neml2.types import Scalar


@register_neml2_object("KocksMeckingIntercept")
class KocksMeckingIntercept(Model):
    """g0 = (C - B) / A."""

    hit = HitSchema(
        intercept=output(Scalar, doc="intercept g0 = (C - B) / A"),
        A=parameter(Scalar, doc="slope A of the rate-dependent line"),
        B=parameter(Scalar, doc="intercept B of the rate-dependent line"),
        C=parameter(Scalar, doc="plateau C of the rate-independent regime"),
    )

    def forward(self, *nl: Any) -> Scalar:
        p = self.params(nl)
        return (p.C - p.B) / p.A
