"""NonlinearSystem: a model's residual outputs as functions of some of its inputs (the unknowns)."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.objects import HitObject
from neml2.schema import HitSchema, option


@register_neml2_object("NonlinearSystem")
class NonlinearSystem(HitObject):
    """``r(x; inputs) = 0`` with ``x`` = ``unknowns`` and ``r`` = ``residuals`` (default ``<x>_residual``)."""

    SECTION = "EquationSystems"
    hit = HitSchema(
        model=option(str),
        unknowns=option("list"),
        residuals=option("list", None),
        structure=option("list", None),
    )

    def __init__(self, *, model: Any = None, **kw: Any) -> None:
        super().__init__(model=model if isinstance(model, str) or model is None else "<python>", **kw)
        self.model = model if not isinstance(model, str) else self._ref("model", "get_model")
        self.unknowns: list[str] = list(self.options["unknowns"])
        self.residuals: list[str] = list(self.options["residuals"] or [f"{u}_residual" for u in self.unknowns])
        if len(self.residuals) != len(self.unknowns):
            raise self._error(f"{len(self.residuals)} residuals for {len(self.unknowns)} unknowns", "residuals")
        for u in self.unknowns:
            if u not in self.model.input_spec:
                raise self._error(
                    f"unknown '{u}' is not an input of model '{self.options['model']}' "
                    f"(inputs: {', '.join(self.model.input_spec)})",
                    "unknowns",
                )
        for r in self.residuals:
            if r not in self.model.output_spec:
                raise self._error(
                    f"residual '{r}' is not an output of model '{self.options['model']}' "
                    f"(outputs: {', '.join(self.model.output_spec)})",
                    "residuals",
                )
        self.unknown_types = [self.model.input_spec[u] for u in self.unknowns]
        self.residual_types = [self.model.output_spec[r] for r in self.residuals]
        sizes = [t.BASE_SHAPE for t in self.unknown_types]
        self.unknown_sizes = [_numel(s) for s in sizes]
        self.residual_sizes = [_numel(t.BASE_SHAPE) for t in self.residual_types]
        if sum(self.unknown_sizes) != sum(self.residual_sizes):
            raise self._error(
                f"{sum(self.residual_sizes)} residual components for {sum(self.unknown_sizes)} unknown components",
                "residuals",
            )
        #: inputs of the model that are not unknowns (the given data of the system)
        self.given = [n for n in self.model.input_spec if n not in self.unknowns]


def _numel(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= s
    return n
