"""R2ToSR2: the symmetric part of a full tensor."""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import R2, SR2


@register_neml2_object("R2ToSR2")
class R2ToSR2(Model):
    """``output = (A + A^T) / 2`` in Mandel notation."""

    hit = HitSchema({"input": input(R2, doc="the R2"), "output": output(SR2, doc="symmetric part")})

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand as SR2ToR2 (1.56 at N=3), a linear map, 2026-12-03)
    def forward(self, A: R2) -> Local:
        return Local(SR2.from_full(A), {"input": lambda t: SR2.from_full(t)}, {})
