"""WR2ImplicitExponentialTimeIntegration: the residual ``r - exp((t - t~1) w) * r~1``
(exponential_time_integration), w the spin at the end of the step."""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.common.exponential_time_integration import exponential_schema, exponential_update
from neml2.models.model import Model
from neml2.types import MRP, WR2, Scalar


@register_neml2_object("WR2ImplicitExponentialTimeIntegration")
class WR2ImplicitExponentialTimeIntegration(Model):
    """Implicit exponential-map residual of a rotation and its spin."""

    hit = exponential_schema(implicit=True)

    def forward(self, r: MRP, rn: MRP, t: Scalar, tn: Scalar, w: WR2) -> MRP:
        return r - exponential_update(rn, t, tn, w)
