"""Two-stage thermal annealing of a hardening variable ``h`` (``base``) with rate ``h_dot`` (``base_rate``),
for any tensor type of ``h``:

``modified_rate = h_dot``       for ``T <= T1`` (no annealing: the hardening evolves as it would),
``modified_rate = 0``           for ``T1 < T <= T2`` (first stage: the hardening is frozen, nothing accumulates),
``modified_rate = -h / tau``    for ``T > T2`` (second stage: static recovery of ``h`` to zero over ``tau``).

With the Heaviside steps ``H(x) = 1 for x > 0, else 0``:
``modified_rate = (1 - H(T - T1)) h_dot - H(T - T2) h / tau`` (``T1 < T2``)."""

from __future__ import annotations

from typing import Any

from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar, TensorWrapper


def two_stage_thermal_annealing_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        {
            "base_rate": input(type_, "base_rate", doc="the rate of the hardening variable without annealing"),
            "base": input(type_, "base", doc="the hardening variable"),
            "temperature": input(Scalar, "temperature", doc="the temperature T"),
            "modified_rate": output(type_, "modified_rate", doc="the rate of the hardening variable with annealing"),
            "T1": parameter(Scalar, doc="temperature above which the hardening stops accumulating (rate 0)"),
            "T2": parameter(Scalar, doc="temperature above which the hardening recovers (rate -base / tau)"),
            "tau": parameter(Scalar, doc="recovery time scale above T2"),
        }
    )


class TwoStageThermalAnnealing(Model):
    """Rate of a hardening variable: unchanged below T1, zero between T1 and T2, -base / tau above T2."""

    def forward(self, h_dot: TensorWrapper, h: TensorWrapper, T: Scalar, *nl: Any) -> TensorWrapper:
        p = self.params(nl)
        below_T1 = 1.0 - (T - p.T1).heaviside()
        above_T2 = (T - p.T2).heaviside()
        return below_T1 * h_dot - above_T2 * h / p.tau
