"""Forward-Euler update ``x = x~1 + (t - t~1) x_dot`` for any variable type."""

from __future__ import annotations

from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar, TensorWrapper


def forward_euler_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        variable=output(type_),
        time=input(Scalar, "t"),
        rate=input(type_, "{variable}_rate"),
        old_variable=input(type_, "{variable}~1"),
        old_time=input(Scalar, "{time}~1", hidden=True),
    )


class ForwardEulerTimeIntegration(Model):
    """Explicit time integration of a rate equation."""

    SUPPORTS_SECOND_ORDER = True

    def forward(self, t: Scalar, rate: TensorWrapper, xn: TensorWrapper, tn: Scalar) -> Local:
        dt = t - tn
        return Local(
            xn + dt * rate,
            {
                "time": lambda d: d * rate,
                "old_time": lambda d: -d * rate,
                "rate": lambda d: dt * d,
                "old_variable": lambda d: d,
            },
            {("time", "rate"): lambda a, b: a * b, ("old_time", "rate"): lambda a, b: -a * b},
        )
