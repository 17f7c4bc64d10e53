"""Linear combination ``to = sum_i w_i from_i + offset`` for any variable type."""

from __future__ import annotations

from typing import Any

from neml2.errors import InputError
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar, TensorWrapper


def check_required_inputs(cls: type[Model], kw: dict[str, Any]) -> None:
    """Variable options declared ``input(..., REQUIRED)`` must be set (the base class would name
    the variable after the option instead)."""
    assert cls.hit is not None
    for key, f in cls.hit:
        if f.kind == "input" and f.default is REQUIRED and kw.get(key) is None:
            raise InputError("missing required option", option=key, **(kw.get("_where") or {"block": cls.__name__}))


def weight_slots(model: Model) -> list[str]:
    """The weight of each variable of ``from``: one per variable, or the one weight for all."""
    n, w = len(model.var("from")), model.param_names["weights"]
    if len(w) not in (1, n):
        raise model._error(f"{len(w)} weights for {n} variables in 'from'", "weights")
    return w * n if len(w) == 1 else w


def linear_combination_schema(type_: type[TensorWrapper]) -> HitSchema:
    return HitSchema(
        {
            "from": input(type_, REQUIRED, multi=True, doc="the variables x_i"),
            "to": output(type_, doc="sum_i w_i x_i + offset"),
            "weights": parameter(
                Scalar, "1", multi=True, attr="weight", doc="w_i, one per variable or one for all"
            ),  # slots weight_0, weight_1, ...
            "offset": parameter(Scalar, "0", doc="constant added to the sum"),
        }
    )


class LinearCombination(Model):
    """Weighted sum of several variables of one type plus a constant offset."""

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        self.weight_names = weight_slots(self)

    # Local partials kept: benchmarks/leaf_tangents.py (SR2LinearCombination dual/hand 1.14 at N=3, 1.09 at N=1e5)
    def forward(self, *args: Any) -> Local:
        xs, nl = args[: len(self.var("from"))], args[len(self.var("from")) :]
        p = self.params(nl)
        ws = [getattr(p, n) for n in self.weight_names]
        y = sum(w * x for w, x in zip(ws, xs)) + p.offset
        d: dict[str, Any] = {}
        for name, w, x, wn in zip(self.var("from"), ws, xs, self.weight_names):
            d[name] = lambda t, w=w: w * t
            d[wn] = lambda t, x=x: t * x
        d["offset"] = lambda t: t
        return Local(y, d)
