"""AssociativeJ2FlowDirection: N = 3/2 dev M / vm(M), the gradient of the von Mises stress.

``|N| = sqrt(3/2)``: this is ``sqrt(3/2)`` times the unit direction ``df/dM`` of ``YieldFunction``
(which carries a sqrt(2/3) factor).  With it, the flow rate in ``Ep_dot = gamma_dot N`` is the
equivalent plastic strain rate ``sqrt(2/3)|Ep_dot|`` (the radial-return convention).
"""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2

# Squared-norm regularization so the direction stays finite at a hydrostatic M.
_EPS = 1e-30


@register_neml2_object("AssociativeJ2FlowDirection")
class AssociativeJ2FlowDirection(Model):
    """J2 flow direction from the Mandel stress."""

    hit = HitSchema(
        mandel_stress=input(SR2, doc="Mandel stress M"), flow_direction=output(SR2, doc="N = 3/2 dev M / vm(M)")
    )

    def forward(self, M: SR2) -> Local:
        S = M.dev()
        vm = (1.5 * S.norm_sq() + _EPS).sqrt()
        N = 1.5 / vm * S

        def d1(t: SR2) -> SR2:
            return (1.5 * t.dev() - N.inner(t) * N) / vm

        def d2(a: SR2, b: SR2) -> SR2:
            Na, Nb = N.inner(a), N.inner(b)
            da, db = a.dev(), b.dev()
            return (3 * Na * Nb * N - 1.5 * (Nb * da + Na * db + da.inner(b) * N)) / (vm * vm)

        return Local(N, {"mandel_stress": d1}, {("mandel_stress", "mandel_stress"): d2})
