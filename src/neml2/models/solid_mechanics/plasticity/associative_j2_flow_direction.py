"""AssociativeJ2FlowDirection: N = 3/2 dev M / vm(M), the gradient of the von Mises stress.

``|N| = sqrt(3/2)``: this is ``sqrt(3/2)`` times the unit direction ``df/dM`` of ``YieldFunction``
(which carries a sqrt(2/3) factor).  With it, the flow rate in ``Ep_dot = gamma_dot N`` is the
equivalent plastic strain rate ``sqrt(2/3)|Ep_dot|`` (the radial-return convention).
"""

from neml2.factory import register_neml2_object
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

    def forward(self, M: SR2) -> SR2:
        S = M.dev()
        return 1.5 / (1.5 * S.norm_sq() + _EPS).sqrt() * S
