"""PowerLawKinematicHardeningStaticRecovery: X_dot = -(s / tau)^(n-1) X / tau, s = sqrt(3/2 X:X)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar

# Squared-norm regularization: keeps the rate and its derivative finite at X = 0.
_EPS = 1e-30


@register_neml2_object("PowerLawKinematicHardeningStaticRecovery")
class PowerLawKinematicHardeningStaticRecovery(Model):
    """Thermal (static) recovery of the back stress, with magnitude ``(s/tau)^n`` in the von Mises norm."""

    hit = HitSchema(
        back_stress=input(SR2),
        back_stress_rate=output(SR2, "{back_stress}_rate"),
        tau=parameter(Scalar),
        n=parameter(Scalar),
    )

    def forward(self, X: SR2, *nl: Any) -> Local:
        p = self.params(nl)
        tau, n = p.tau, p.n
        s = (1.5 * X.norm_sq() + _EPS).sqrt()
        q = (s / tau) ** (n - 1) / tau
        c = 1.5 * (n - 1) * (s / tau) ** (n - 3) / tau**3
        rate = -q * X
        return Local(
            rate,
            {
                "back_stress": lambda t: -(q * t + c * X.inner(t) * X),
                "tau": lambda t: -n / tau * t * rate,
                "n": lambda t: (s / tau).log() * t * rate,
            },
        )
