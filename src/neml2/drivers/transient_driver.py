"""TransientDriver: step a model through prescribed time / variable histories, carrying state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from neml2 import log
from neml2.drivers.driver import Driver
from neml2.errors import ConvergenceError
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option, suggest
from neml2.types import TYPES, TensorWrapper

PRESCRIBED_TYPES = ("Scalar", "Vec", "SR2", "WR2", "R2", "MRP", "SSR4", "MillerIndex")
MAX_LAG = 8  # how many steps back ``x~k`` inputs may reach


def _transient_options() -> dict[str, Any]:
    opts: dict[str, Any] = {
        "model": option(str, doc="the [Models] block to integrate in time"),
        "prescribed_time": option(str, doc="[Tensors] name of the times, one per step along the first batch axis"),
        "time": option(str, "t", doc="the model's time input variable"),
        "save_as": option(str, None, doc="file to save the results to with torch.save (none: not saved)"),
        # not in the documented option list: a terminal progress bar (tqdm; never when stderr is not a tty)
        "show_progress": option(bool, True, doc="show a progress bar on a terminal"),
    }
    what = {"prescribed": "prescribed input variables", "ic": "state variables given an initial condition"}
    for t in PRESCRIBED_TYPES:
        for kind in ("prescribed", "ic"):
            opts[f"{kind}_{t}_names"] = option("list", None, doc=f"the {t} {what[kind]}")
            opts[f"{kind}_{t}_values"] = option(
                "list", None, doc=f"[Tensors] names of their values, one per name of {kind}_{t}_names"
            )
    return opts


class StepFailure(ConvergenceError):
    """A time step failed; results up to the previous step are kept on the driver."""


def _lagged(name: str) -> tuple[str, int]:
    """``'x~2'`` -> ``('x', 2)``, ``'x'`` -> ``('x', 0)``."""
    base, _, lag = name.partition("~")
    return base, int(lag) if lag.isdigit() else 0


@register_neml2_object("TransientDriver")
class TransientDriver(Driver):
    """Calls the model at steps 1..nsteps-1 of ``prescribed_time``: prescribed ``y`` / ``y~k`` inputs take
    the prescribed value at step n / n-k, state inputs ``x~k`` the model's output ``x`` k steps back (at
    step 0 the initial condition, else zero), and an input that is also an output (the initial guess of
    an implicit unknown without predictor) zero.

    ``result()`` is a flat dict ``input.<step>.<var>`` / ``output.<step>.<var>`` of raw tensors; step 0
    holds the prescribed values only (the model is not called there: no ``output.0``, the initial
    conditions appear as ``input.1.<var>~1``). Run with gradients enabled (the default),
    the entries keep the autograd graph through every step, so a loss built from them back-propagates to
    the model's parameters; under ``torch.no_grad()`` no graph is built."""

    hit = HitSchema(_transient_options())

    def __init__(self, *, model: Any = None, **kw: Any) -> None:
        super().__init__(model=model if isinstance(model, str) or model is None else "<python>", **kw)
        self.model = self._ref("model", "get_model") if isinstance(model, str) or model is None else model
        self.prescribed_time = self._tensor_named(self.options["prescribed_time"], "prescribed_time")
        if self.prescribed_time.data.dim() == 0:
            raise self._error(
                "needs one time value per step (a leading step axis), got a single value", "prescribed_time"
            )
        self.nsteps = self.prescribed_time.data.shape[0]
        self.prescribed: dict[str, TensorWrapper] = {}
        self.ics: dict[str, TensorWrapper] = {}
        inputs, outputs = self.model.input_spec, self.model.output_spec
        used = {_lagged(n)[0] for n in inputs}
        for t in PRESCRIBED_TYPES:
            for kind, store in (("prescribed", self.prescribed), ("ic", self.ics)):
                names = self.options[f"{kind}_{t}_names"] or []
                values = self.options[f"{kind}_{t}_values"] or []
                key = f"{kind}_{t}_values"
                if len(names) != len(values):
                    raise self._error(f"{len(names)} names but {len(values)} values", key)
                for name, value in zip(names, values):
                    w = self._tensor_named(value, key)
                    if w.base_shape != TYPES[t].BASE_SHAPE:
                        raise self._error(f"[Tensors]/{value} is a {type(w).__name__}, expected a {t}", key)
                    if kind == "prescribed" and (w.data.dim() == len(w.base_shape) or w.data.shape[0] != self.nsteps):
                        steps = w.data.shape[0] if w.data.dim() > len(w.base_shape) else "no"
                        raise self._error(
                            f"[Tensors]/{value} has {steps} steps, prescribed_time has {self.nsteps}", key
                        )
                    if name in self.prescribed or name in self.ics or name == self.options["time"]:
                        raise self._error(f"'{name}' is given twice", f"{kind}_{t}_names")
                    if kind == "ic" and name not in outputs and name not in used:
                        raise self._error(
                            f"'{name}' is neither an output nor an input of the model{suggest(name, set(outputs))}; "
                            f"outputs: {', '.join(outputs)}",
                            f"{kind}_{t}_names",
                        )
                    store[name] = w
        time = self.options["time"]
        self._given: dict[str, torch.Tensor] = {time: self.prescribed_time.data}
        self._given.update({k: w.data for k, w in self.prescribed.items()})
        for name in inputs:
            base, lag = _lagged(name)
            if lag > MAX_LAG:
                raise self._error(f"model input '{name}' reaches back {lag} steps; at most {MAX_LAG}", "model")
            if name in self._given or base in self._given or (lag and (base in outputs or base in self.ics)):
                continue
            if not lag and name in outputs:  # an implicit unknown without predictor: a zero initial guess
                continue
            t = inputs[name].__name__
            hint = f"; prescribe it with prescribed_{t}_names" if t in PRESCRIBED_TYPES else ""
            close = suggest(name, self.factory.blocks["Tensors"]) if self.factory is not None else ""
            if close:
                hint += f"; or a misspelled [Tensors] name{close}"
            raise self._error(
                f"model input '{name}' ({t}) is neither prescribed nor a state carried from the model's outputs{hint}",
                "model",
            )
        for t in PRESCRIBED_TYPES:
            for name in self.options[f"prescribed_{t}_names"] or []:
                if name not in used:
                    raise self._error(
                        f"'{name}' is not an input of the model{suggest(name, used)}; inputs: {', '.join(inputs)}",
                        f"prescribed_{t}_names",
                    )
        self._result: dict[str, torch.Tensor] = {}

    def __repr__(self) -> str:
        name = getattr(self, "_hit_name", None) or "<python>"
        model = getattr(self.model, "_hit_name", None) or type(self.model).__name__
        given = ", ".join(self.prescribed) or "none"
        return (
            f"TransientDriver '{name}': model '{model}' ({type(self.model).__name__}), {self.nsteps} steps, "
            f"prescribed: {given}"
        )

    @property
    def n_steps(self) -> int:
        """Alias of ``nsteps``."""
        return self.nsteps

    def _tensor_named(self, name: str, option_name: str) -> TensorWrapper:
        if self.factory is None:
            raise self._error(f"needs an input file to resolve [Tensors] '{name}'", option_name)
        w = self.factory.get_tensor(name)
        if not isinstance(w, TensorWrapper):
            raise self._error(f"[Tensors]/{name} is not a typed tensor", option_name)
        return w

    # -------------------------------------------------------------------- run
    def _inputs(self, step: int, history: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
        """Model inputs at ``step``: prescribed values, and ``x~k`` from k steps back (when known)."""
        ins: dict[str, torch.Tensor] = {}
        for name in self.model.input_spec:
            base, k = _lagged(name)
            if name in self._given:
                ins[name] = self._given[name][step]
            elif base in self._given:
                ins[name] = self._given[base][max(step - k, 0)]
            elif k and len(history) >= k and base in history[-k]:
                ins[name] = history[-k][base]
        return ins

    def run(self) -> bool:
        """Run all steps; raises StepFailure (a ConvergenceError) naming the failed step."""
        from neml2.drivers.progress import progress

        model, res = self.model, {}
        for name, values in self._given.items():
            res[f"input.0.{name}"] = values[0]
        ics = {k: w.data for k, w in self.ics.items()}
        history: list[dict[str, torch.Tensor]] = [ics] if ics else []
        self._result = res
        like = self.prescribed_time.data
        block = getattr(self, "_hit_name", "")
        log.info("driver", "TransientDriver '%s': %d steps, batch %s", block, self.nsteps - 1, tuple(like.shape[1:]))
        for step in progress(range(1, self.nsteps), "steps", self.options["show_progress"]):
            if log.enabled("driver", log.DEBUG):
                log.debug("driver", "step %d/%d, t = %g", step, self.nsteps - 1, self._time(step))
            ins = self._inputs(step, history)
            args = []
            for name, t in model.input_spec.items():
                value = ins.get(name)
                if value is None:  # old state before any output: zero
                    value = torch.zeros(t.BASE_SHAPE, dtype=like.dtype, device=like.device)
                else:
                    res[f"input.{step}.{name}"] = value
                    if _lagged(name)[0] in self._given and not bool(torch.isfinite(value).all()):
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
            current: dict[str, torch.Tensor] = {}
            for name, w in zip(model.output_spec, out):
                current[name] = w.data
                res[f"output.{step}.{name}"] = w.data
                if not bool(torch.isfinite(w.data).all()):
                    raise StepFailure(f"step {step}: output '{name}' is not finite", reason="non-finite output")
            history = (history + [current])[-MAX_LAG:]
        if self.options["save_as"]:
            self.save_result(self.options["save_as"])
        log.info("driver", "TransientDriver '%s': done", block)
        return True

    def _time(self, step: int) -> float:
        return self.prescribed_time.data[step].flatten()[:1].item()

    def result(self) -> dict[str, torch.Tensor]:
        """The results of the last ``run()`` (up to the failed step when a step failed)."""
        return self._result

    def save_result(self, path: str | Path) -> None:
        """Write ``result()`` (detached, same keys) to a ``.pt`` file (``torch.load(path, weights_only=True)``)."""
        torch.save({k: v.detach() for k, v in self._result.items()}, path)
