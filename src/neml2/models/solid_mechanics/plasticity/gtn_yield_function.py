"""GTNYieldFunction: Gurson-Tvergaard-Needleman yield surface of a porous metal.

``f = (se/sf)^2 + 2 q1 phi cosh(q2 sp / (2 sf)) - (1 + q3 phi^2)`` with ``sf = sigma_y + k``, ``se``
the von Mises stress (flow_invariant), ``sp`` the first invariant tr(M) (poro_invariant, so
``sp / 2 = 3/2`` times the mean stress) and ``phi`` the void fraction.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("GTNYieldFunction")
class GTNYieldFunction(Model):
    """Yield function of a porous metal; second derivatives in the variables and the yield stress
    (not in q1, q2, q3)."""

    hit = HitSchema(
        flow_invariant=input(Scalar, doc="von Mises stress se"),
        poro_invariant=input(Scalar, doc="first invariant sp = tr M"),
        void_fraction=input(Scalar, doc="void (pore) fraction phi"),
        isotropic_hardening=input(Scalar, optional=True, doc="isotropic hardening k added to the yield stress"),
        yield_function=output(Scalar, doc="the GTN yield function f"),
        yield_stress=parameter(Scalar, doc="initial yield stress sigma_y"),
        q1=parameter(Scalar, doc="Tvergaard coefficient of the void term"),
        q2=parameter(Scalar, doc="Tvergaard coefficient in the cosh argument"),
        q3=parameter(Scalar, doc="Tvergaard coefficient of phi^2"),
    )

    def forward(self, se: Scalar, sp: Scalar, phi: Scalar, *rest: Any) -> Local:
        has_k = self.var("isotropic_hardening") is not None
        k, nl = (rest[0], rest[1:]) if has_k else (None, rest)
        p = self.params(nl)
        sy, q1, q2, q3 = p.yield_stress, p.q1, p.q2, p.q3
        sf = sy + k if k is not None else sy
        w = q2 * sp / (2 * sf)
        ew, emw = w.exp(), (-w).exp()
        ch, sh = 0.5 * (ew + emw), 0.5 * (ew - emw)
        f = (se / sf) ** 2 + 2 * q1 * phi * ch - (1 + q3 * phi * phi)
        # first derivatives
        f_se = 2 * se / (sf * sf)
        f_sp = q1 * q2 * phi * sh / sf
        f_phi = 2 * q1 * ch - 2 * q3 * phi
        f_sf = -2 * se * se / (sf * sf * sf) - 2 * q1 * phi * sh * w / sf
        # second derivatives
        v = w / sf
        f_se_se = 2 / (sf * sf)
        f_se_sf = -4 * se / (sf * sf * sf)
        f_sp_sp = q1 * q2 * q2 * phi * ch / (2 * sf * sf)
        f_sp_phi = q1 * q2 * sh / sf
        f_sp_sf = -q1 * q2 * phi * (w * ch + sh) / (sf * sf)
        f_phi_sf = -2 * q1 * sh * v
        f_sf_sf = 6 * se * se / (sf * sf * sf * sf) + 2 * q1 * phi * v * (w * ch + 2 * sh) / sf
        d1 = {
            "flow_invariant": lambda t: f_se * t,
            "poro_invariant": lambda t: f_sp * t,
            "void_fraction": lambda t: f_phi * t,
            "yield_stress": lambda t: f_sf * t,
            "q1": lambda t: 2 * phi * ch * t,
            "q2": lambda t: q1 * phi * sh * sp / sf * t,
            "q3": lambda t: -phi * phi * t,
        }
        se_, sp_, ph_ = "flow_invariant", "poro_invariant", "void_fraction"
        d2 = {
            (se_, se_): lambda a, b: f_se_se * a * b,
            (sp_, sp_): lambda a, b: f_sp_sp * a * b,
            (sp_, ph_): lambda a, b: f_sp_phi * a * b,
            (ph_, ph_): lambda a, b: -2 * q3 * a * b,
        }
        sf_keys = ["yield_stress"] + (["isotropic_hardening"] if has_k else [])
        for s in sf_keys:
            d1.setdefault(s, lambda t: f_sf * t)
            d2[(se_, s)] = lambda a, b: f_se_sf * a * b
            d2[(sp_, s)] = lambda a, b: f_sp_sf * a * b
            d2[(ph_, s)] = lambda a, b: f_phi_sf * a * b
        for i, s in enumerate(sf_keys):
            for s2 in sf_keys[i:]:
                d2[(s, s2)] = lambda a, b: f_sf_sf * a * b
        return Local(f, d1, d2)
