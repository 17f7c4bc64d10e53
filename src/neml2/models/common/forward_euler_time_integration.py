"""Forward-Euler update ``x = x~1 + (t - t~1) x_dot`` for any variable type."""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar, TensorWrapper


def forward_euler_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        variable=output(type_, doc="the updated variable x = x~1 + (t - t~1) x_dot"),
        old_variable=input(type_, "{variable}~1", doc="its previous value x~1"),
        time=input(Scalar, "t", doc="time t (t~1 the previous step)"),
        old_time=input(Scalar, "{time}~1", hidden=True),
        rate=input(type_, "{variable}_rate", doc="its rate x_dot"),
    )


class ForwardEulerTimeIntegration(Model):
    """Explicit time integration of a rate equation."""

    def forward(self, xn: TensorWrapper, t: Scalar, tn: Scalar, rate: TensorWrapper) -> TensorWrapper:
        return xn + (t - tn) * rate
