"""HermiteSmoothStep: ``x = clamp((argument - lower_bound) / (upper_bound - lower_bound), 0, 1)``,
``value = 3 x^2 - 2 x^3`` (or ``1 - (3 x^2 - 2 x^3)`` when ``complement``)."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output, parameter
from neml2.types import Scalar


def hermite_step(x: Scalar, lower_bound: Scalar, upper_bound: Scalar) -> Scalar:
    """``s = clamp((x - lower_bound) / (upper_bound - lower_bound), 0, 1)``, ``3 s^2 - 2 s^3``."""
    s = ((x - lower_bound) / (upper_bound - lower_bound)).clamp(0.0, 1.0)
    return s * s * (3.0 - 2.0 * s)


_BOOL = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


@register_neml2_object("HermiteSmoothStep")
class HermiteSmoothStep(Model):
    """Cubic Hermite smooth step from 0 (at lower_bound) to 1 (at upper_bound)."""

    hit = HitSchema(
        {
            "argument": input(Scalar, "argument", doc="the argument of the step"),
            "value": output(Scalar, "value", doc="the smooth step value"),
            "lower_bound": parameter(Scalar, doc="argument where the step starts (value 0)"),
            "upper_bound": parameter(Scalar, doc="argument where the step ends (value 1)"),
            "complement": option(bool, False, doc="return 1 - step instead"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        c = self.options["complement"]
        self.complement = _BOOL[str(c).lower()] if isinstance(c, str) else bool(c)

    def forward(self, x: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        v = hermite_step(x, p.lower_bound, p.upper_bound)
        return 1.0 - v if self.complement else v
