"""A user extension for the --load tests: TripledScalar, y = 3 c x (registered on import)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("TripledScalar")
class TripledScalar(Model):
    """y = 3 c x, a test-only extension type."""

    hit = HitSchema(x=input(Scalar), y=output(Scalar), c=parameter(Scalar, 1.0))

    def forward(self, x: Scalar, *nl: Any) -> Local:
        c = self.params(nl).c
        return Local(3.0 * c * x, {"x": lambda t: 3.0 * c * t, "c": lambda t: 3.0 * t * x})
