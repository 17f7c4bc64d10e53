"""ScalarToDiagonalSR2: ``output = input * I``."""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, Scalar


@register_neml2_object("ScalarToDiagonalSR2")
class ScalarToDiagonalSR2(Model):
    """A spherical symmetric tensor from its diagonal value."""

    hit = HitSchema({"input": input(Scalar, doc="the Scalar"), "output": output(SR2, doc="input * I")})

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand as SR2ToR2 (1.56 at N=3), a linear map, 2026-12-03)
    def forward(self, x: Scalar) -> Local:
        eye = SR2.identity(x.dtype, x.device)
        return Local(x * eye, {"input": lambda t: t * eye}, {})
