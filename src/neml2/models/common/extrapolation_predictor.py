"""Predictors of the initial Newton guess from the previous steps' values of the unknowns."""

from __future__ import annotations

from typing import Any

from neml2.models.model import Model
from neml2.schema import HitSchema, option
from neml2.types import TYPES, Scalar, TensorWrapper

_KINDS = ("SR2", "Scalar", "MRP", "R2")


def predictor_schema() -> HitSchema:
    fields: dict[str, Any] = {
        f"unknowns_{k}": option("list", None, doc=f"{k} unknowns to predict from their previous steps") for k in _KINDS
    }
    fields["cold"] = option("list", None, doc="unknowns whose guess is zero")
    fields["time"] = option(str, "t", doc="the time variable (its previous steps are read as <time>~1, ...)")
    return HitSchema(fields)


class ExtrapolationPredictor(Model):
    """Guess = extrapolation over the last ``HISTORY`` steps; ``cold`` unknowns start from zero."""

    HISTORY = 1

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.unknowns: dict[str, type[TensorWrapper]] = {}
        for k in _KINDS:
            for name in self.options[f"unknowns_{k}"] or []:
                self.unknowns[name] = TYPES[k]
        cold = set(self.options["cold"] or [])
        unknown_cold = cold - set(self.unknowns)
        if unknown_cold:
            raise self._error(f"{', '.join(sorted(unknown_cold))} not among the unknowns", "cold")
        self.warm = [u for u in self.unknowns if u not in cold]
        t = self.options["time"]
        spec: dict[str, type[TensorWrapper]] = {}
        for u in self.warm:
            for k in range(1, self.HISTORY + 1):
                spec[f"{u}~{k}"] = self.unknowns[u]
        if self.HISTORY > 1:
            spec[t] = Scalar
            for k in range(1, self.HISTORY + 1):
                spec[f"{t}~{k}"] = Scalar
        self.input_spec = spec
        self.output_spec = dict(self.unknowns)

    def forward(self, *args: TensorWrapper) -> tuple:
        x = dict(zip(self.input_spec, args))
        like = args[0] if args else None
        outs = []
        for u, T in self.unknowns.items():
            if u not in self.warm:
                outs.append(T(like.data.new_zeros(T.BASE_SHAPE)) if like is not None else T.zeros())
            else:
                outs.append(self.extrapolate(u, x))
        return tuple(outs)

    def extrapolate(self, u: str, x: dict[str, TensorWrapper]) -> TensorWrapper:  # pragma: no cover - abstract
        raise NotImplementedError
