"""OrthotropicLinearTraction: orthotropic linear elasticity of an interface, no internal state
(traction_separation_law.md),

    T_n  = K_n delta_n + K_p delta_p,
    T_si = K_t delta_si,   i in {1, 2},

K_n / K_t the ``normal_stiffness`` / ``tangential_stiffness``, delta_n the ``normal_separation``,
delta_si the ``tangential_separation_i``, and K_p (``penalty_stiffness``) acting on the optional
``normal_penetration`` delta_p (<delta_n>_- in the documented composition) to resist
interpenetration; without that channel the K_p term is absent. ``traction`` = [T_n, T_s1, T_s2].
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.traction_separation_law._traction import traction_vec
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar, Vec


@register_neml2_object("OrthotropicLinearTraction")
class OrthotropicLinearTraction(Model):
    """``T = [K_n delta_n + K_p delta_p, K_t delta_s1, K_t delta_s2]``."""

    hit = HitSchema(
        normal_separation=input(Scalar, doc="normal separation delta_n"),
        normal_penetration=input(Scalar, optional=True, doc="normal penetration delta_p (none when unset)"),
        tangential_separation_1=input(Scalar, doc="first tangential separation delta_s1"),
        tangential_separation_2=input(Scalar, doc="second tangential separation delta_s2"),
        traction=output(Vec, doc="traction [T_n, T_s1, T_s2]"),
        normal_stiffness=parameter(Scalar, doc="normal stiffness K_n"),
        tangential_stiffness=parameter(Scalar, doc="tangential stiffness K_t"),
        penalty_stiffness=parameter(Scalar, default="0.0", doc="penalty stiffness K_p on the normal penetration"),
    )

    def forward(self, dn: Scalar, *rest: Any) -> Vec:
        has_p = self.var("normal_penetration") is not None
        dp, (ds1, ds2, *nl) = (rest[0], rest[1:]) if has_p else (None, rest)
        p = self.params(tuple(nl))
        tn = p.normal_stiffness * dn
        if dp is not None:
            tn = tn + p.penalty_stiffness * dp
        Kt = p.tangential_stiffness
        return traction_vec(tn, Kt * ds1, Kt * ds2)
