"""Normality: the gradient of a scalar function model with respect to some of its inputs."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import seeds
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, option, suggest
from neml2.types import TensorWrapper


def _to_base(t: TensorWrapper, type_cls: type[TensorWrapper], k_ndim: int) -> TensorWrapper:
    """Move the first K axis (the seed index = the derivative component) into the base."""
    data = t.data.movedim(0, -1)
    data = data.reshape(tuple(data.shape[:-1]) + type_cls.BASE_SHAPE)
    out = object.__new__(type_cls)
    TensorWrapper.__init__(out, data, k_ndim=k_ndim)
    return out


@register_neml2_object("Normality")
class Normality(Model):
    """``to_i = d function / d from_i``; its tangent is the Hessian of ``function`` applied to the
    incoming tangents, computed by a second-order pushforward through the inner model."""

    hit = HitSchema(
        {
            "model": option(str, doc="the model defining the scalar function"),
            "function": option(str, doc="the output of model to differentiate"),
            "from": option("list", doc="the inputs to differentiate with respect to"),
            "to": option("list", doc="names of the gradients, one per 'from' variable"),
        }
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        model = kw["model"] if isinstance(kw["model"], Model) else _factory.get_model(self.options["model"])
        register_submodule(self, model, "model")
        self.inner = model
        f, xs, ys = self.options["function"], self.options["from"], self.options["to"]
        if f not in model.output_spec:
            outs = list(model.output_spec)
            raise self._error(
                f"model '{self.options['model']}' has no output '{f}'{suggest(f, outs)}; outputs: {', '.join(outs)}",
                "function",
            )
        if len(xs) != len(ys):
            raise self._error(f"{len(xs)} variables in 'from' but {len(ys)} in 'to'", "to")
        for x in xs:
            if x not in model.input_spec:
                ins = list(model.input_spec)
                name = self.options["model"]
                raise self._error(
                    f"'{x}' is not an input of model '{name}'{suggest(x, ins)}; inputs: {', '.join(ins)}", "from"
                )
        if not getattr(model, "SUPPORTS_SECOND_ORDER", False):
            raise self._error(
                f"model '{self.options['model']}' (or one of its parts) has no second-order chain rule", "model"
            )
        self.input_spec = dict(model.input_spec)
        self.output_spec = {y: model.input_spec[x] for x, y in zip(xs, ys)}
        self.f_index = list(model.output_spec).index(f)

    def forward(self, *args: Any, v: Any = None) -> Any:
        xs, f = self.options["from"], self.options["function"]
        like = args[0]
        seed = {x: {x: seeds(self.input_spec[x], like)} for x in xs}
        if v is None:
            *_, g = self.inner(*args, v=seed)
        else:
            *_, g, h, _vh = self.inner(*args, v=seed, v2={}, vh=v)
        grads = g.get(f, {})
        outs = []
        for x in xs:
            t = self.input_spec[x]
            if x in grads:
                outs.append(_to_base(grads[x], t, 0))
            else:
                outs.append(t(like.data.new_zeros(t.BASE_SHAPE)))
        if v is None:
            return outs[0] if len(outs) == 1 else tuple(outs)
        v_out = {}
        hess = h.get(f, {})
        for x, y in zip(xs, self.output_spec):
            per_leaf = hess.get(x, {})
            if per_leaf:
                v_out[y] = {leaf: _to_base(t, self.input_spec[x], t.k_ndim - 1) for leaf, t in per_leaf.items()}
        return (*outs, v_out)
