"""ComposedModel: a model assembled from sub-models wired by variable names."""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.dependency_resolver import DependencyResolver
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, option


def _pull_providers(models: list[Model]) -> list[Model]:
    """Add the providers of promoted parameters (mode 3) that are not listed yet."""
    out = list(models)
    i = 0
    while i < len(out):
        for p in out[i].nl_params.values():
            if p.provider is not None and all(p.provider is not m for m in out):
                out.append(p.provider)
        i += 1
    return out


@register_neml2_object("ComposedModel")
class ComposedModel(Model):
    """Evaluates its sub-models in dependency order; inputs are whatever none of them provides.

    ``input_spec`` lists the inputs in order of first appearance, walking the sub-models in dependency
    order and each sub-model's ``input_spec`` in its own order. Called without ``v`` it returns the
    outputs as a tuple in ``output_spec`` order, even when there is only one. A variable a sub-model
    both reads and writes (the unknowns of an ImplicitUpdate without predictor) is not an input:
    the sub-model gets a zero initial guess."""

    hit = HitSchema(
        models=option("list", doc="sub-models, by [Models] block name"),
        additional_outputs=option("list", None, doc="consumed variables to expose as outputs too"),
    )

    def __init__(self, *, _factory: Any = None, _where: dict[str, Any] | None = None, **hit_values: Any) -> None:
        models = hit_values.get("models")
        if isinstance(models, (list, tuple)) and any(isinstance(m, Model) for m in models):
            hit_values["models"] = [getattr(m, "_hit_name", f"model_{i}") for i, m in enumerate(models)]
        else:
            models = None
        super().__init__(_factory=_factory, _where=_where, **hit_values)
        models = models or self.options["models"]
        subs: list[Model] = []
        for m in models or []:
            if isinstance(m, Model):
                subs.append(m)
            elif _factory is not None:
                subs.append(_factory.get_model(m))
            else:
                raise self._error("models must be Model instances when built without an input file", "models")
        if not subs:
            raise self._error("needs at least one model", "models")
        subs = _pull_providers(subs)
        used: set[str] = set()
        named = []
        for i, m in enumerate(subs):
            attr = register_submodule(self, m, f"model_{i}", used=used)
            named.append((attr, m))
        resolver = DependencyResolver(named, self._where)
        by_name = dict(named)
        self.order = [by_name[n] for n in resolver.order]
        self.resolver = resolver
        inputs: dict[str, Any] = {}
        for m in self.order:
            for var, t in m.input_spec.items():
                if var not in resolver.provider and var not in inputs:
                    inputs[var] = t
        # a variable a sub-model both reads and writes is the initial guess of an ImplicitUpdate's
        # unknown (no predictor): zero, as a driver would give it; it stays an output
        self._guesses = [
            [v for v in m.input_spec if resolver.provider.get(v) == n] for n, m in zip(resolver.order, self.order)
        ]
        consumed = {var for var, users in resolver.consumers.items() if set(users) - {resolver.provider.get(var)}}
        outputs: dict[str, Any] = {}
        for m in self.order:
            for var, t in m.output_spec.items():
                if var not in consumed and resolver.provider.get(var) is not None:
                    outputs[var] = t
        for var in self.options.get("additional_outputs") or []:
            owner = resolver.provider.get(var)
            if owner is None:
                raise self._error(f"'{var}' is not provided by any sub-model", "additional_outputs")
            outputs[var] = by_name[owner].output_spec[var]
        self.input_spec = inputs
        self.output_spec = outputs
        # variables to drop after each sub-model: their last consumer has run (keeps peak memory low)
        last: dict[str, int] = {}
        for i, m in enumerate(self.order):
            for var in m.input_spec:
                last[var] = i
        self._release = [[v for v, j in last.items() if j == i and v not in outputs] for i in range(len(self.order))]
        self.SUPPORTS_SECOND_ORDER = all(getattr(m, "SUPPORTS_SECOND_ORDER", False) for m in self.order)

    def forward(self, *args: Any, v: Any = None, v2: Any = None, vh: Any = None) -> Any:
        state = dict(zip(self.input_spec, args))
        want_v = v is not None or v2 is not None or vh is not None
        vs: dict[str, Any] = dict(v or {})
        v2s: dict[str, Any] = dict(v2 or {})
        vhs: dict[str, Any] | None = dict(vh) if vh is not None else None
        like = args[0].data if args else torch.zeros(())
        for m, release, guesses in zip(self.order, self._release, self._guesses):
            for n in guesses:
                t = m.input_spec[n]
                state[n] = t(torch.zeros(t.BASE_SHAPE, dtype=like.dtype, device=like.device))
            ins = [state[n] for n in m.input_spec]
            if not want_v:
                out = m(*ins)
                out = out if isinstance(out, tuple) else (out,)
            else:
                sub_v = {n: vs[n] for n in m.input_spec if n in vs}
                if vhs is not None:
                    sub_v2 = {n: v2s[n] for n in m.input_spec if n in v2s}
                    sub_vh = {n: vhs[n] for n in m.input_spec if n in vhs}
                    *out, t, t2, th = m(*ins, v=sub_v, v2=sub_v2, vh=sub_vh)
                    v2s.update(t2)
                    vhs.update(th)
                elif v2 is not None:
                    sub_v2 = {n: v2s[n] for n in m.input_spec if n in v2s}
                    *out, t, t2 = m(*ins, v=sub_v, v2=sub_v2)
                    v2s.update(t2)
                else:
                    *out, t = m(*ins, v=sub_v)
                vs.update(t)
            state.update(zip(m.output_spec, out))
            for n in release:
                state.pop(n, None)
                vs.pop(n, None)
                v2s.pop(n, None)
                if vhs is not None:
                    vhs.pop(n, None)
        values = tuple(state[n] for n in self.output_spec)
        if not want_v:
            return values
        v_out = {n: vs[n] for n in self.output_spec if n in vs}
        if vhs is not None:
            return (
                *values,
                v_out,
                {n: v2s[n] for n in self.output_spec if n in v2s},
                {n: vhs[n] for n in self.output_spec if n in vhs},
            )
        if v2 is not None:
            return (*values, v_out, {n: v2s[n] for n in self.output_spec if n in v2s})
        return (*values, v_out)
