"""WR2ExplicitExponentialTimeIntegration: ``r = exp((t - t~1) w) * r~1`` (exponential_time_integration)."""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.common.exponential_time_integration import exponential_schema, exponential_update
from neml2.models.model import Model
from neml2.types import MRP, WR2, Scalar


@register_neml2_object("WR2ExplicitExponentialTimeIntegration")
class WR2ExplicitExponentialTimeIntegration(Model):
    """Explicit exponential-map update of a rotation by its spin."""

    hit = exponential_schema(implicit=False)

    def forward(self, rn: MRP, t: Scalar, tn: Scalar, w: WR2) -> MRP:
        return exponential_update(rn, t, tn, w)
