"""RateCondensation: a driving force linearized in the rate at zero rate,

    f(rate) ~ trial_driving_force - coupling rate,
    trial_driving_force = f(0),    coupling = -df/d(rate) (0),

f the output ``driving_force`` of ``model`` as a function of its input ``rate`` (the other inputs
fixed; they are this model's inputs). A rate with a sub-batch axis (one rate per slip system,
the driving force one per system too) gives ``coupling_ij = -df_i / d rate_j`` with two sub-batch
axes. ``df/d(rate)`` is the forward-mode tangent of ``model`` along a unit seed of the rate (dual
numbers), so the tangents of this model (first and second order) are those of that derivative.
The input of a CoordinateDescentPredictor: the rate law's driving force is trial - coupling rate.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.dual import DualTensor
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, option, output, suggest
from neml2.types import Scalar, TensorWrapper

_SEED = "__rate_condensation__"  # the rate's seed leaf (outermost dual level inside the call)


def primal(data: Any) -> torch.Tensor:
    """The plain values of ``data`` (a tensor or a nested dual tensor), detached."""
    while isinstance(data, DualTensor):
        data = data.p
    return data.detach()


def _zero_tangent(data: Any) -> Any:
    """``data`` as a dual tensor with a zero tangent along the seed: the seed stays the outermost dual level."""
    if not isinstance(data, DualTensor):
        return data
    return DualTensor(data, {_SEED: data.p.new_zeros((1,) * (data.ndim + 1))}, {_SEED: 1})


@register_neml2_object("RateCondensation")
class RateCondensation(Model):
    """trial_driving_force = f(0), coupling = -df/d(rate) (0)."""

    hit = HitSchema(
        model=option(str, doc="the model computing the driving force from the rate"),
        rate=option(str, doc="its input: the rate"),
        driving_force=option(str, doc="its output: the driving force"),
        coupling=output(Scalar, doc="-d driving_force / d rate at zero rate"),
        trial_driving_force=output(Scalar, doc="the driving force at zero rate"),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        given = kw.get("model")
        if isinstance(given, Model):
            kw["model"] = "<python>"
        super().__init__(_factory=_factory, **kw)
        model = given if isinstance(given, Model) else _factory.get_model(self.options["model"])
        register_submodule(self, model, "model")
        self.inner = model
        rate, f = self.options["rate"], self.options["driving_force"]
        name = self.options["model"]
        if rate not in model.input_spec:
            ins = list(model.input_spec)
            raise self._error(f"'{rate}' is not an input of model '{name}'{suggest(rate, ins)}", "rate")
        if f not in model.output_spec:
            outs = list(model.output_spec)
            raise self._error(f"'{f}' is not an output of model '{name}'{suggest(f, outs)}", "driving_force")
        for t, what in ((model.input_spec[rate], "rate"), (model.output_spec[f], "driving_force")):
            if t is not Scalar:
                raise self._error(f"'{self.options[what]}' is a {t.__name__}, not a Scalar", what)
        nested = sorted(
            {
                type(m).__name__
                for m in model.modules()
                if getattr(m, "_DIRECT", False) and type(m).__name__ != "ComposedModel"
            }
        )
        if nested:  # they differentiate inside their own call, which keeps one dual level only
            raise self._error(f"model '{name}' contains {', '.join(nested)}, which cannot be condensed", "model")
        self.input_spec = {k: t for k, t in model.input_spec.items() if k != rate}
        self.f_index = list(model.output_spec).index(f)

    def _f(self, x: dict[str, TensorWrapper], rate: Scalar) -> Scalar:
        state = {**x, self.options["rate"]: rate}
        out = self.inner(*[state[k] for k in self.inner.input_spec])
        return (out if isinstance(out, tuple) else (out,))[self.f_index]

    def forward(self, *args: TensorWrapper) -> tuple[Scalar, Scalar]:
        like = args[0].data if args else torch.zeros(())
        p = primal(like)
        # the rate has the driving force's sub-batch shape (one rate per driving force)
        probe = self._f({k: a._new(primal(a.data)) for k, a in zip(self.input_spec, args)}, Scalar(p.new_zeros(())))
        sub = tuple(probe.sub_batch_shape)
        n = math.prod(sub)
        seeds = torch.eye(n, dtype=p.dtype, device=p.device).reshape(n, *sub)
        rate = DualTensor(p.new_zeros(sub), {_SEED: seeds}, {_SEED: 1})
        x = {k: a._new(_zero_tangent(a.data)) for k, a in zip(self.input_spec, args)}
        f = self._f(x, Scalar(rate, sub_batch_ndim=len(sub)))
        d = f.data
        if not isinstance(d, DualTensor) or _SEED not in d.t:  # f does not depend on the rate
            return Scalar(f.data.new_zeros(sub + sub), sub_batch_ndim=2 * len(sub)), f
        value, dfdr = d.p, d.t[_SEED]  # dfdr (K = j, *batch, *sub_i); broadcast axes of size 1
        if tuple(dfdr.shape[1:]) != tuple(value.shape):
            dfdr = dfdr.expand(n, *value.shape)
        coupling = dfdr.reshape(*sub, *value.shape)
        for _ in sub:  # the seed axes j behind the driving force's axes i
            coupling = coupling.movedim(0, -1)
        coupling = -coupling
        trial = f._new(value)
        return Scalar(coupling, sub_batch_ndim=2 * len(sub)), trial
