"""Cutting a model into the chain of stages the artifacts hold: explicit groups and ImplicitUpdates."""

from __future__ import annotations

from dataclasses import dataclass, field

from torch import nn

from neml2.errors import InputError
from neml2.models.common.implicit_update import ImplicitUpdate
from neml2.models.composed_model import ComposedModel


@dataclass
class Stage:
    """One link of the chain: explicit (``model`` maps ``inputs`` to ``outputs``) or implicit
    (``model`` is an ImplicitUpdate solving ``unknowns`` from ``inputs`` = the given variables)."""

    kind: str
    model: nn.Module
    inputs: list[str]
    outputs: list[str]
    residuals: list[str] = field(default_factory=list)
    predictor_inputs: list[str] = field(default_factory=list)  # implicit: what the Newton guess reads


def _has_implicit(m: nn.Module) -> bool:
    return any(isinstance(s, ImplicitUpdate) for s in m.modules())


def _flatten(model: nn.Module) -> list[nn.Module]:
    """The sub-models in evaluation order, opening composites that hold an ImplicitUpdate."""
    out: list[nn.Module] = []
    for m in model.order:
        if isinstance(m, ComposedModel) and _has_implicit(m):
            out += _flatten(m)
        else:
            out.append(m)
    return out


def split_stages(model: nn.Module) -> list[Stage]:
    """Cut ``model`` into explicit groups and ImplicitUpdate stages (docs/aoti_artifacts.md)."""
    if isinstance(model, ImplicitUpdate):
        return [_implicit_stage(model)]
    if not (isinstance(model, ComposedModel) and _has_implicit(model)):
        if _has_implicit(model):
            raise InputError(f"{type(model).__name__}: an ImplicitUpdate nested in it cannot be exported")
        return [Stage("explicit", model, list(model.input_spec), list(model.output_spec))]
    subs = _flatten(model)
    groups: list[list[nn.Module]] = []
    for m in subs:
        if isinstance(m, ImplicitUpdate):
            groups.append([m])
        elif groups and not isinstance(groups[-1][0], ImplicitUpdate):
            groups[-1].append(m)
        else:
            groups.append([m])
    stages: list[Stage] = []
    for i, g in enumerate(groups):
        if isinstance(g[0], ImplicitUpdate):
            stages.append(_implicit_stage(g[0]))
            continue
        if _has_implicit(nn.ModuleList(g)):
            raise InputError("an ImplicitUpdate nested inside a non-composite model cannot be exported")
        later = {n for h in groups[i + 1 :] for m in h for n in m.input_spec} | set(model.output_spec)
        made = {n for m in g for n in m.output_spec}
        consumed = {n for m in g for n in m.input_spec}
        if len(g) == 1:
            sub = g[0]
        else:
            extra = sorted(n for n in made & later & consumed)
            sub = ComposedModel(models=g, additional_outputs=extra or None)
        stages.append(Stage("explicit", sub, list(sub.input_spec), list(sub.output_spec)))
    known = set(model.input_spec)
    for s in stages:
        missing = [n for n in dict.fromkeys(s.inputs + s.predictor_inputs) if n not in known]
        if missing:
            raise InputError(f"stage inputs {', '.join(missing)} are neither model inputs nor earlier outputs")
        known |= set(s.outputs)
    missing = [n for n in model.output_spec if n not in known]
    if missing:
        raise InputError(f"model outputs {', '.join(missing)} are not produced by any stage")
    return stages


def _implicit_stage(iu: ImplicitUpdate) -> Stage:
    if iu.batched_parameters:
        raise InputError("an ImplicitUpdate with batched parameters cannot be exported (one batch axis only)")
    sys = iu.system
    pred = list(iu.predictor.input_spec) if iu.predictor is not None else []
    return Stage("implicit", iu, list(sys.given), list(sys.unknowns), list(sys.residuals), pred)
