"""Copy a variable under another name: ``to = from``."""

from __future__ import annotations

from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import TensorWrapper


def copy_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema({"from": input(type_, doc="variable to copy"), "to": output(type_, doc="the copy")})


class CopyVariable(Model):
    """The identity map between two variable names."""

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand CopySR2 3.8 (7 vs 26 us a call), 2026-12-03)
    def forward(self, x: TensorWrapper) -> Local:
        return Local(x, {"from": lambda t: t}, {})
