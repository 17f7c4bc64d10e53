"""BilinearTraction: the Camanho-Davila bilinear cohesive law (traction_separation_law.md).

The damage of the effective separation delta_m, between the onset delta_c (``critical_separation``)
and the failure delta_f (``full_separation``) separations,

    d_trial = 0                                              delta_m <= delta_c,
    d_trial = delta_f (delta_m - delta_c) / (delta_m (delta_f - delta_c))   delta_c < delta_m < delta_f,
    d_trial = 1                                              delta_m >= delta_f,

is capped for irreversibility, d = max(d~1, d_trial) (d_trial grows with delta_m, so this is the
damage of the historical maximum effective separation), and the traction is

    T_n  = K (1 - d) <delta_n>_+ + K <delta_n>_-,
    T_si = K (1 - d) delta_si,   i in {1, 2},

K the ``penalty_stiffness``, <delta_n>_+ the ``normal_separation``, <delta_n>_- the optional
``normal_penetration`` (absent: no such term). ``traction`` = [T_n, T_s1, T_s2]; ``damage`` = d.
The brackets are written ``x + <y - x>`` (Macaulay), so the tangents follow each branch.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.traction_separation_law._traction import traction_vec
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar, Vec


@register_neml2_object("BilinearTraction")
class BilinearTraction(Model):
    """Bilinear cohesive law with irreversible damage."""

    hit = HitSchema(
        effective_separation=input(Scalar, doc="effective separation delta_m = sqrt(<delta_n>_+^2 + delta_s^2)"),
        normal_separation=input(Scalar, doc="normal opening <delta_n>_+"),
        normal_penetration=input(Scalar, optional=True, doc="normal penetration <delta_n>_- (none when unset)"),
        tangential_separation_1=input(Scalar, doc="first tangential separation delta_s1"),
        tangential_separation_2=input(Scalar, doc="second tangential separation delta_s2"),
        traction=output(Vec, doc="traction [T_n, T_s1, T_s2]"),
        damage=output(Scalar, doc="damage d = max(d~1, d_trial(delta_m))"),
        old_damage=input(Scalar, "{damage}~1", hidden=True),
        penalty_stiffness=parameter(Scalar, doc="penalty (initial) stiffness K"),
        critical_separation=parameter(Scalar, doc="damage-onset separation delta_c"),
        full_separation=parameter(Scalar, doc="failure separation delta_f"),
    )

    def forward(self, dm: Scalar, dn: Scalar, *rest: Any) -> tuple[Vec, Scalar]:
        has_p = self.var("normal_penetration") is not None
        dp, (ds1, ds2, d_old, *nl) = (rest[0], rest[1:]) if has_p else (None, rest)
        p = self.params(tuple(nl))
        K, dc, df = p.penalty_stiffness, p.critical_separation, p.full_separation
        m = dc + (dm - dc).macaulay()  # max(delta_m, delta_c): d_trial = 0 below the onset
        r = df * (m - dc) / (m * (df - dc))
        d_trial = 1 - (1 - r).macaulay()  # min(r, 1): fully open beyond delta_f
        d = d_old + (d_trial - d_old).macaulay()  # irreversibility
        s = K * (1 - d)
        tn = s * dn if dp is None else s * dn + K * dp
        return traction_vec(tn, s * ds1, s * ds2), d
