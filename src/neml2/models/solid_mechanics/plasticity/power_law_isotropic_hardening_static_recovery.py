"""PowerLawIsotropicHardeningStaticRecovery: k_dot = -(|k| / tau)^(n-1) k / tau, k ``isotropic_hardening``."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("PowerLawIsotropicHardeningStaticRecovery")
class PowerLawIsotropicHardeningStaticRecovery(Model):
    """Thermal (static) recovery of isotropic hardening, ``-sign(k) (|k|/tau)^n``."""

    hit = HitSchema(
        isotropic_hardening=input(Scalar, doc="isotropic hardening k"),
        isotropic_hardening_rate=output(Scalar, "{isotropic_hardening}_rate", doc="k_dot"),
        tau=parameter(Scalar, doc="recovery stress scale"),
        n=parameter(Scalar, doc="recovery exponent"),
    )

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand 1.20 at N=3, 1.43 at N=1e5, 2026-12-03)
    def forward(self, k: Scalar, *nl: Any) -> Local:
        p = self.params(nl)
        tau, n = p.tau, p.n
        x = k.abs() / tau
        rate = -(x ** (n - 1)) * k / tau
        nz = k.abs().heaviside()  # log|k| only where k != 0 (the rate vanishes there)
        logx = (x + (1 - nz)).log()
        return Local(
            rate,
            {
                "isotropic_hardening": lambda t: -n * x ** (n - 1) / tau * t,
                "tau": lambda t: -n * rate / tau * t,
                "n": lambda t: rate * logx * t,
            },
        )
