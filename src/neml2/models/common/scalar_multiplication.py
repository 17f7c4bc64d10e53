"""ScalarMultiplication: ``to = scaling * prod_i from_i^(+-1)``."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter
from neml2.types import Scalar

_BOOL = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def _product(factors: list[Any]) -> Any:
    out: Any = 1.0
    for f in factors:
        out = f * out
    return out


@register_neml2_object("ScalarMultiplication")
class ScalarMultiplication(Model):
    """Product of Scalar variables (each inverted where ``reciprocal`` says so) times ``scaling``."""

    hit = HitSchema(
        {
            "from": input(Scalar, REQUIRED, multi=True, doc="the factors x_i"),
            "to": output(Scalar, doc="scaling * prod_i x_i (or 1 / x_i where reciprocal)"),
            "scaling": parameter(Scalar, "1", doc="constant factor"),
            "reciprocal": option("list", ["false"], doc="one boolean per variable, or one for all"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n, flags = len(self.var("from")), self.options["reciprocal"]
        if len(flags) not in (1, n):
            raise self._error(f"{len(flags)} entries for {n} variables in 'from'", "reciprocal")
        if any(str(f).lower() not in _BOOL for f in flags):
            raise self._error(f"expected true/false values, got {' '.join(map(str, flags))!r}", "reciprocal")
        self.reciprocal = [_BOOL[str(f).lower()] for f in flags] * (n if len(flags) == 1 else 1)

    def forward(self, *args: Any) -> Scalar:
        names = self.var("from")
        xs, nl = args[: len(names)], args[len(names) :]
        factors = [1 / x if r else x for x, r in zip(xs, self.reciprocal, strict=True)]
        return self.params(nl).scaling * _product(factors)
