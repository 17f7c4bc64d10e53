"""Variable rate ``x_dot = (x - x~1) / (t - t~1)`` for any variable type."""

from __future__ import annotations

from neml2.models.chain_rule import Local
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

    def forward(self, x: TensorWrapper, xn: TensorWrapper, t: Scalar, tn: Scalar) -> Local:
        dt = t - tn
        rate = (x - xn) / dt
        c = 1 / (dt * dt)  # |d2 rate / dx dt| and half of d2 rate / dt2 over rate
        return Local(
            rate,
            {
                "variable": lambda d: d / dt,
                "old_variable": lambda d: -d / dt,
                "time": lambda d: -d * rate / dt,
                "old_time": lambda d: d * rate / dt,
            },
            {
                ("variable", "time"): lambda a, b: -c * a * b,
                ("variable", "old_time"): lambda a, b: c * a * b,
                ("old_variable", "time"): lambda a, b: c * a * b,
                ("old_variable", "old_time"): lambda a, b: -c * a * b,
                ("time", "time"): lambda a, b: 2 * c * a * b * rate,
                ("old_time", "old_time"): lambda a, b: 2 * c * a * b * rate,
                ("time", "old_time"): lambda a, b: -2 * c * a * b * rate,
            },
        )
