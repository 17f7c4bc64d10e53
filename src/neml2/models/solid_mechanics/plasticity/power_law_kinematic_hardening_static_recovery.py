"""PowerLawKinematicHardeningStaticRecovery: X_dot = -(s / tau)^(n-1) X / tau, s = sqrt(X:X + eps).

``s`` is the Mandel (Frobenius) norm of the back stress, regularised with the machine epsilon ``eps``
of the dtype so that the rate and its derivative stay finite at X = 0.
"""

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("PowerLawKinematicHardeningStaticRecovery")
class PowerLawKinematicHardeningStaticRecovery(Model):
    """Thermal (static) recovery of the back stress, with magnitude ``(s/tau)^n`` in the Mandel norm."""

    hit = HitSchema(
        back_stress=input(SR2, doc="back stress X"),
        back_stress_rate=output(SR2, "{back_stress}_rate", doc="X_dot"),
        tau=parameter(Scalar, doc="recovery stress scale"),
        n=parameter(Scalar, doc="recovery exponent"),
    )

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand 1.28 at N=3, 1.67 at N=1e5, 2026-12-03)
    def forward(self, X: SR2, *nl: Any) -> Local:
        p = self.params(nl)
        tau, n = p.tau, p.n
        s = (X.norm_sq() + torch.finfo(X.data.dtype).eps).sqrt()
        q = (s / tau) ** (n - 1) / tau
        c = (n - 1) * (s / tau) ** (n - 3) / tau**3
        rate = -q * X
        return Local(
            rate,
            {
                "back_stress": lambda t: -(q * t + c * X.inner(t) * X),
                "tau": lambda t: -n / tau * t * rate,
                "n": lambda t: (s / tau).log() * t * rate,
            },
        )
