"""SR2ToR2: a symmetric tensor as a full 3x3 tensor."""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import R2, SR2


@register_neml2_object("SR2ToR2")
class SR2ToR2(Model):
    """Unpacks the Mandel 6-vector into a full (3, 3) tensor."""

    hit = HitSchema({"input": input(SR2, doc="the SR2"), "output": output(R2, doc="the full 3x3 tensor")})

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand 1.56 at N=3, 1.04 at N=1e5, 2026-12-03)
    def forward(self, A: SR2) -> Local:
        return Local(A.to_full(), {"input": lambda t: t.to_full()}, {})
