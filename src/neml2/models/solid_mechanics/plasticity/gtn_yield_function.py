"""GTNYieldFunction: Gurson-Tvergaard-Needleman yield surface of a porous metal.

``f = (se/sf)^2 + 2 q1 phi cosh(q2 sp / (2 sf)) - (1 + q3 phi^2)`` with ``sf = sigma_y + k``, ``se``
the von Mises stress (flow_invariant), ``sp`` the first invariant tr(M) (poro_invariant, so
``sp / 2 = 3/2`` times the mean stress) and ``phi`` the void fraction.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
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

    def forward(self, se: Scalar, sp: Scalar, phi: Scalar, *rest: Any) -> Scalar:
        has_k = self.var("isotropic_hardening") is not None
        k, nl = (rest[0], rest[1:]) if has_k else (None, rest)
        p = self.params(nl)
        sf = p.yield_stress + k if k is not None else p.yield_stress
        w = p.q2 * sp / (2 * sf)
        cosh = 0.5 * (w.exp() + (-w).exp())
        return (se / sf) ** 2 + 2 * p.q1 * phi * cosh - (1 + p.q3 * phi * phi)
