"""CurrentConcentration: the mass-balance closure of the matrix composition (kwn/index.md, "Mass
conservation"),

    x_inf = (x_0 - sum_j f_j x_j) / (1 - sum_j f_j),

x_0 the ``initial_concentration`` of the species, f_j the ``precipitate_volume_fractions`` and x_j
the species' concentration in precipitate j (``precipitate_concentrations``, one per fraction;
zero for a precipitate without the species). The initial precipitate volume fraction is zero.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("CurrentConcentration")
class CurrentConcentration(Model):
    """x_inf = (x_0 - sum_j f_j x_j) / (1 - sum_j f_j)."""

    hit = HitSchema(
        precipitate_volume_fractions=input(
            Scalar, REQUIRED, multi=True, doc="volume fractions f_j of the precipitates"
        ),
        current_concentration=output(Scalar, "current_concentration", doc="matrix concentration x_inf"),
        initial_concentration=parameter(Scalar, doc="initial matrix concentration x_0"),
        precipitate_concentrations=parameter(
            Scalar, multi=True, doc="concentration x_j of the species in each precipitate, one per fraction"
        ),
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n, xp = len(self.var("precipitate_volume_fractions")), self.param_names["precipitate_concentrations"]
        if len(xp) != n:
            raise self._error(f"{len(xp)} concentrations for {n} volume fractions", "precipitate_concentrations")
        self.xp_names = xp

    def forward(self, *args: Any) -> Scalar:
        n = len(self.xp_names)
        fs, nl = args[:n], args[n:]
        p = self.params(nl)
        xs = [getattr(p, name) for name in self.xp_names]
        f_total = sum(fs[1:], fs[0])
        locked = sum((f * x for f, x in zip(fs[1:], xs[1:])), fs[0] * xs[0])
        return (p.initial_concentration - locked) / (1.0 - f_total)
