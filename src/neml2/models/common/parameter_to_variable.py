"""A parameter turned into a named variable: ``to = from``."""

from __future__ import annotations

from typing import Any

from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, output, parameter
from neml2.types import TensorWrapper


def parameter_to_variable_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema({"to": output(type_, doc="output variable"), "from": parameter(type_, doc="the parameter")})


class ParameterToVariable(Model):
    """Outputs the parameter ``from`` as the variable ``to``."""

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand as CopySR2, an identity: 3.8, 2026-12-03)
    def forward(self, *nl: Any) -> Local:
        return Local(getattr(self.params(nl), "from"), {"from": lambda t: t}, {})
