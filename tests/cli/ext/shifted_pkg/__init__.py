"""A user extension package for the --load tests: ShiftedTriple, y = 3 c x + 1, derived from the
TripledScalar an earlier --load registered (so it must come after tripled_scalar.py)."""

from typing import Any

from neml2.factory import REGISTRY, register_neml2_object
from neml2.models.chain_rule import Local

TripledScalar = REGISTRY["TripledScalar"]


@register_neml2_object("ShiftedTriple")
class ShiftedTriple(TripledScalar):
    """y = 3 c x + 1, a test-only extension type depending on an earlier --load."""

    def forward(self, x: Any, *nl: Any) -> Local:
        base = super().forward(x, *nl)
        return Local(base.value + 1.0, base.d1)
