"""A parameter exposed as a variable, so several models can share it (by model name)."""

from __future__ import annotations

from typing import Any

from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.schema import HitSchema, output, parameter
from neml2.types import TensorWrapper


def constant_parameter_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        parameter=output(type_, optional=True, doc="output variable (default: the block name)"),
        value=parameter(type_, doc="the constant value"),
    )


class ConstantParameter(Model):
    """Outputs ``value``; the output is named by ``parameter``, else after the model block."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "parameter")

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand as CopySR2, an identity: 3.8, 2026-12-03)
    def forward(self, *nl: Any) -> Local:
        return Local(self.params(nl).value, {"value": lambda t: t}, {})
