"""Variable rate ``x_dot = (x - x~1) / (t - t~1)`` for any variable type."""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar, TensorWrapper


def variable_rate_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        variable=input(type_, doc="the variable x (x~1 the previous step)"),
        old_variable=input(type_, "{variable}~1", hidden=True),
        time=input(Scalar, "t", doc="time t (t~1 the previous step)"),
        old_time=input(Scalar, "{time}~1", hidden=True),
        variable_rate=output(type_, "{variable}_rate", doc="x_dot = (x - x~1) / (t - t~1)"),
    )


class VariableRate(Model):
    """Backward difference of a variable over the last time step."""

    def forward(self, x: TensorWrapper, xn: TensorWrapper, t: Scalar, tn: Scalar) -> TensorWrapper:
        return (x - xn) / (t - tn)
