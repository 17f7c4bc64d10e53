"""ChabochePlasticHardening: X_dot = (2/3 C N - g X) gamma_dot - A s^(a-1) X, s = sqrt(X:X + eps).

Frederick-Armstrong hardening (same convention, see fredrick_armstrong_plastic_hardening.py) plus
power-law static recovery in the Mandel (Frobenius) norm ``s`` of the back stress, regularised
with the machine epsilon ``eps`` of the dtype so that ``s^(a-1)`` stays finite at X = 0.
"""

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.plasticity.fredrick_armstrong_plastic_hardening import (
    FredrickArmstrongPlasticHardening,
    fredrick_armstrong_schema,
)
from neml2.schema import parameter
from neml2.types import SR2, Scalar


@register_neml2_object("ChabochePlasticHardening")
class ChabochePlasticHardening(FredrickArmstrongPlasticHardening):
    """Frederick-Armstrong kinematic hardening with static recovery ``A``, exponent ``a``."""

    hit = fredrick_armstrong_schema(
        A=parameter(Scalar, doc="static recovery coefficient"), a=parameter(Scalar, doc="static recovery exponent")
    )

    def forward(self, gamma: Scalar, N: SR2, X: SR2, *nl: Any) -> SR2:
        p = self.params(nl)
        s = (X.norm_sq() + torch.finfo(X.data.dtype).eps).sqrt()
        return super().forward(gamma, N, X, *nl) - p.A * s ** (p.a - 1) * X
