"""TransientDriver: step a model through prescribed time / variable histories, carrying state."""

from __future__ import annotations

from typing import Any

import torch

from neml2.drivers.driver import Driver
from neml2.errors import ConvergenceError
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option, suggest
from neml2.types import TYPES, TensorWrapper

PRESCRIBED_TYPES = ("Scalar", "Vec", "SR2", "WR2", "R2", "MRP", "SSR4", "MillerIndex")


def _transient_options() -> dict[str, Any]:
    opts: dict[str, Any] = {
        "model": option(str),
        "prescribed_time": option(str),
        "time": option(str, "t"),
        "save_as": option(str, None),
        "show_progress": option(bool, True),
    }
    for t in PRESCRIBED_TYPES:
        for kind in ("prescribed", "ic"):
            opts[f"{kind}_{t}_names"] = option("list", None)
            opts[f"{kind}_{t}_values"] = option("list", None)
    return opts


class StepFailure(ConvergenceError):
    """A time step failed; results up to the previous step are kept on the driver."""


@register_neml2_object("TransientDriver")
class TransientDriver(Driver):
    """Calls the model at steps 1..n-1 of ``prescribed_time``; ``x~1`` inputs take the previous
    step's outputs (or initial conditions), prescribed ``y~1`` the previous prescribed value.

    ``result()`` is a flat dict ``input.<step>.<var>`` / ``output.<step>.<var>`` of raw tensors."""

    hit = HitSchema(_transient_options())

    def __init__(self, *, model: Any = None, **kw: Any) -> None:
        super().__init__(model=model if isinstance(model, str) or model is None else "<python>", **kw)
        self.model = self._ref("model", "get_model") if isinstance(model, str) or model is None else model
        self.times = self._tensor("prescribed_time")
        self.n_steps = self.times.data.shape[0]
        self.prescribed: dict[str, torch.Tensor] = {}
        self.ics: dict[str, torch.Tensor] = {}
        for t in PRESCRIBED_TYPES:
            for kind, store in (("prescribed", self.prescribed), ("ic", self.ics)):
                names = self.options[f"{kind}_{t}_names"] or []
                values = self.options[f"{kind}_{t}_values"] or []
                if len(names) != len(values):
                    raise self._error(f"{len(names)} names but {len(values)} values", f"{kind}_{t}_values")
                for name, value in zip(names, values):
                    w = self._tensor_named(value, f"{kind}_{t}_values")
                    if w.base_shape != TYPES[t].BASE_SHAPE:
                        raise self._error(
                            f"[Tensors]/{value} is a {type(w).__name__}, expected a {t}", f"{kind}_{t}_values"
                        )
                    if kind == "prescribed" and w.data.shape[0] != self.n_steps:
                        raise self._error(
                            f"[Tensors]/{value} has {w.data.shape[0]} steps, prescribed_time has {self.n_steps}",
                            f"{kind}_{t}_values",
                        )
                    store[name] = w.data
        time = self.options["time"]
        self.prescribed[time] = self.times.data
        outputs = set(self.model.output_spec)
        for name in self.model.input_spec:
            base = name.partition("~")[0]
            if name in self.prescribed or base in self.prescribed or base in outputs:
                continue
            t = self.model.input_spec[name].__name__
            hint = f"; prescribe it with prescribed_{t}_names" if t in PRESCRIBED_TYPES else ""
            close = suggest(name, self.factory.blocks["Tensors"]) if self.factory is not None else ""
            if close:
                hint += f"; or a misspelled [Tensors] name{close}"
            raise self._error(
                f"model input '{name}' ({t}) is neither prescribed nor a state carried from the model's outputs{hint}",
                "model",
            )
        self._result: dict[str, torch.Tensor] = {}

    def _tensor(self, option_name: str) -> TensorWrapper:
        return self._tensor_named(self.options[option_name], option_name)

    def _tensor_named(self, name: str, option_name: str) -> TensorWrapper:
        if self.factory is None:
            raise self._error(f"needs an input file to resolve [Tensors] '{name}'", option_name)
        return self.factory.get_tensor(name)

    # -------------------------------------------------------------------- run
    def _inputs(self, step: int, history: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
        """Model inputs at ``step``: prescribed values, and ``x~k`` from k steps back (when known)."""
        ins: dict[str, torch.Tensor] = {}
        for name in self.model.input_spec:
            base, _, lag = name.partition("~")
            k = int(lag) if lag else 0
            if base in self.prescribed:
                ins[name] = self.prescribed[base][max(step - k, 0)]
            elif k and len(history) >= k and base in history[-k]:
                ins[name] = history[-k][base]
        return ins

    def run(self) -> bool:
        """Run all steps; raises StepFailure (a ConvergenceError) naming the failed step."""
        from neml2.drivers.progress import progress

        model, res = self.model, {}
        for name, values in self.prescribed.items():
            res[f"input.0.{name}"] = values[0]
        history: list[dict[str, torch.Tensor]] = [dict(self.ics)] if self.ics else []
        for name, value in self.ics.items():
            res[f"output.0.{name}"] = value
        self._result = res
        with torch.no_grad():
            for step in progress(range(1, self.n_steps), "steps", self.options["show_progress"]):
                ins = self._inputs(step, history)
                args = []
                for name, t in model.input_spec.items():
                    value = ins.get(name)
                    if value is None:  # old state before any output: zero
                        value = torch.zeros(t.BASE_SHAPE, dtype=self.times.dtype, device=self.times.device)
                    else:
                        res[f"input.{step}.{name}"] = value
                        if name.partition("~")[0] in self.prescribed and not bool(torch.isfinite(value).all()):
                            raise StepFailure(
                                f"step {step} (t = {self._time(step):g}): input '{name}' is not finite",
                                reason="non-finite input",
                            )
                    args.append(t(value))
                try:
                    out = model(*args)
                except ConvergenceError as e:
                    raise StepFailure(
                        f"step {step} (t = {self._time(step):g}) failed: {e}", failed=e.failed, reason=e.reason
                    ) from e
                out = out if isinstance(out, tuple) else (out,)
                previous: dict[str, torch.Tensor] = {}
                history = (history + [previous])[-8:]
                for name, w in zip(model.output_spec, out):
                    previous[name] = w.data
                    res[f"output.{step}.{name}"] = w.data
                    if not bool(torch.isfinite(w.data).all()):
                        raise StepFailure(f"step {step}: output '{name}' is not finite", reason="non-finite output")
        if self.options["save_as"]:
            torch.save(res, self.options["save_as"])
        return True

    def _time(self, step: int) -> float:
        return self.prescribed[self.options["time"]][step].flatten()[:1].item()

    def result(self) -> dict[str, torch.Tensor]:
        return self._result

