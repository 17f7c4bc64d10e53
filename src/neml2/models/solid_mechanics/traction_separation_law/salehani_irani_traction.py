"""SalehaniIraniTraction: the 3D coupled exponential cohesive law of Salehani & Irani
(traction_separation_law.md). The normal opening enters linearly and the two tangential
separations quadratically in one coupling exponent,

    b = delta_n / delta_n0 + (delta_s1 / delta_t0)^2 + (delta_s2 / delta_t0)^2,

delta_n0 / delta_t0 the ``normal_characteristic_length`` / ``tangential_characteristic_length`` (the
separations of peak normal / shear traction), and the law

    T_n  = e sigma_max (delta_n / delta_n0) exp(-b),
    T_si = sqrt(2 e) tau_max (delta_si / delta_t0) exp(-b),

(peak T_n = sigma_max the ``normal_strength``, peak T_si = tau_max the ``shear_strength``) is written
as a secant law with damage d_trial = 1 - exp(-b), capped for irreversibility d = max(d~1, d_trial):

    T_n  = K_n (1 - d) delta_n + K_p delta_p,    K_n = e sigma_max / delta_n0,
    T_si = K_t (1 - d) delta_si,                 K_t = sqrt(2 e) tau_max / delta_t0,

so unloading returns along the secant of the historical peak. delta_n is the ``normal_separation``
(the opening <delta_n>_+ in the documented composition); K_p (``penalty_stiffness``) acts on the
optional ``normal_penetration`` delta_p (absent: no such term). ``traction`` = [T_n, T_s1, T_s2].
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.traction_separation_law._traction import traction_vec
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar, Vec

E = math.e


@register_neml2_object("SalehaniIraniTraction")
class SalehaniIraniTraction(Model):
    """Coupled exponential cohesive law with irreversible damage."""

    hit = HitSchema(
        normal_separation=input(Scalar, doc="normal opening delta_n (the positive part <delta_n>_+)"),
        normal_penetration=input(Scalar, optional=True, doc="normal penetration delta_p (none when unset)"),
        tangential_separation_1=input(Scalar, doc="first tangential separation delta_s1"),
        tangential_separation_2=input(Scalar, doc="second tangential separation delta_s2"),
        traction=output(Vec, doc="traction [T_n, T_s1, T_s2]"),
        damage=output(Scalar, doc="damage d = max(d~1, 1 - exp(-b))"),
        old_damage=input(Scalar, "{damage}~1", hidden=True),
        normal_characteristic_length=parameter(Scalar, doc="normal separation delta_n0 at the peak normal traction"),
        tangential_characteristic_length=parameter(
            Scalar, doc="tangential separation delta_t0 of the coupling exponent"
        ),
        normal_strength=parameter(Scalar, doc="peak normal traction sigma_max"),
        shear_strength=parameter(Scalar, doc="peak shear traction tau_max"),
        penalty_stiffness=parameter(Scalar, default="0", doc="penalty stiffness K_p on the normal penetration"),
    )

    def forward(self, dn: Scalar, *rest: Any) -> tuple[Vec, Scalar]:
        has_p = self.var("normal_penetration") is not None
        dp, (ds1, ds2, d_old, *nl) = (rest[0], rest[1:]) if has_p else (None, rest)
        p = self.params(tuple(nl))
        ln, lt = p.normal_characteristic_length, p.tangential_characteristic_length
        b = dn / ln + (ds1 / lt) ** 2 + (ds2 / lt) ** 2
        d_trial = 1 - (-b).exp()
        d = d_old + (d_trial - d_old).macaulay()  # irreversibility
        Kn = E * p.normal_strength / ln
        Kt = math.sqrt(2 * E) * p.shear_strength / lt
        tn = Kn * (1 - d) * dn
        if dp is not None:
            tn = tn + p.penalty_stiffness * dp
        return traction_vec(tn, Kt * (1 - d) * ds1, Kt * (1 - d) * ds2), d
