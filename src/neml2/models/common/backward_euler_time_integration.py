"""Backward-Euler residual ``r = x - x~1 - (t - t~1) x_dot`` for any variable type."""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar, TensorWrapper


def backward_euler_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        variable=input(type_, doc="the variable x (an unknown of the implicit update)"),
        old_variable=input(type_, "{variable}~1", hidden=True),
        time=input(Scalar, "t", doc="time t (t~1 the previous step)"),
        old_time=input(Scalar, "{time}~1", hidden=True),
        rate=input(type_, "{variable}_rate", doc="its rate x_dot"),
        variable_residual=output(type_, "{variable}_residual", doc="r = x - x~1 - (t - t~1) x_dot"),
    )


class BackwardEulerTimeIntegration(Model):
    """Implicit time integration residual of a rate equation."""

    def forward(self, x: TensorWrapper, xn: TensorWrapper, t: Scalar, tn: Scalar, rate: TensorWrapper) -> TensorWrapper:
        return x - xn - (t - tn) * rate
