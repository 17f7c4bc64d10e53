"""An input variable exposed as a parameter-like output: ``parameter = variable``."""

from __future__ import annotations

from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import TensorWrapper


def input_parameter_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(variable=input(type_, doc="input variable"), parameter=output(type_, doc="the same value"))


class InputParameter(Model):
    """Passes an input variable through under the name ``parameter``."""

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand as CopySR2, an identity: 3.8, 2026-12-03)
    def forward(self, x: TensorWrapper) -> Local:
        return Local(x, {"variable": lambda t: t}, {})
