"""CamanhoDavilaCriticalSeparation: the Camanho-Davila mixed-mode damage-onset separation
(traction_separation_law.md). With the pure-mode onset separations delta_n0 = N / K and
delta_s0 = S / K (N ``normal_strength``, S ``shear_strength``, K ``penalty_stiffness``) and the mode
mixity beta,

    delta_c = delta_n0 delta_s0 sqrt((1 + beta^2) / (delta_s0^2 + beta^2 delta_n0^2))  (delta_n > 0),
    delta_c = delta_s0                                                           (delta_n <= 0),

the closed interface (delta_n the ``normal_separation``) failing in shear only.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import where


@register_neml2_object("CamanhoDavilaCriticalSeparation")
class CamanhoDavilaCriticalSeparation(Model):
    """Mixed-mode onset separation ``delta_c(beta)`` of the bilinear cohesive law."""

    hit = HitSchema(
        normal_separation=input(Scalar, doc="normal opening delta_n (selects the opening branch delta_n > 0)"),
        critical_separation=output(Scalar, doc="mixed-mode damage-onset separation delta_c"),
        mode_mixity=parameter(Scalar, doc="mode mixity beta (e.g. a ModeMixity output)"),
        penalty_stiffness=parameter(Scalar, doc="penalty (initial) stiffness K"),
        normal_strength=parameter(Scalar, doc="normal (mode I) strength N"),
        shear_strength=parameter(Scalar, doc="shear (mode II) strength S"),
    )

    def forward(self, dn: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        beta, K = p.mode_mixity, p.penalty_stiffness
        dn0, ds0 = p.normal_strength / K, p.shear_strength / K
        b2 = beta * beta
        mixed = dn0 * ds0 * ((1 + b2) / (ds0 * ds0 + b2 * dn0 * dn0)).sqrt()
        return where(dn.heaviside(), mixed, ds0)
