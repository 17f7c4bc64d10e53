"""Derivatives through ImplicitUpdate for every plasticity model in inputs/: the ``v=`` JVP of the
converged solution with respect to each input, and autograd gradients with respect to the material
parameters through a three-step history, against Richardson-extrapolated central finite differences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import torch
from plasticity_helpers import initial_state, load, run_history

from neml2.types import SR2, Scalar, TensorWrapper

RTOL = 1e-6

# input file, parameters checked (block.name inside the implicit model)
CASES = {
    "j2_linear": (
        "j2_linear.i",
        ["isoharden.hardening_modulus", "yield_fn.yield_stress", "elasticity.E", "elasticity.nu"],
    ),
    "j2_flow_direction": ("j2_flow_direction.i", ["isoharden.hardening_modulus", "yield_fn.yield_stress"]),
    "j2_voce_kinematic": (
        "j2_voce_kinematic.i",
        [
            "isoharden.saturated_hardening",
            "isoharden.saturation_rate",
            "kinharden.hardening_modulus",
            "yield_fn.yield_stress",
        ],
    ),
    "fredrick_armstrong": ("fredrick_armstrong.i", ["Xrate.C", "Xrate.g", "yield_fn.yield_stress", "elasticity.E"]),
    "chaboche": ("chaboche.i", ["Xrate.C", "Xrate.g", "Xrate.A", "Xrate.a"]),
    "chaboche_viscoplastic": (
        "chaboche_viscoplastic.i",
        [
            "flow_rate.reference_stress",
            "flow_rate.exponent",
            "X_hardening.C",
            "X_hardening.g",
            "X_hardening.A",
            "X_hardening.a",
            "X_recovery.tau",
            "X_recovery.n",
            "k_hardening.saturated_hardening",
            "k_hardening.initial_hardening_rate",
            "k_recovery.tau",
            "k_recovery.n",
            "yield_fn.yield_stress",
        ],
    ),
    "gtn": (
        "gtn.i",
        ["isoharden.hardening_modulus", "yield_fn.yield_stress", "yield_fn.q1", "yield_fn.q2", "yield_fn.q3"],
    ),
}

# A non-proportional three-step strain history per point: elastic throughout, plastic, strongly plastic,
# plastic then elastic unloading.
_D = torch.tensor(
    [
        [1.0, -0.4, -0.3, 0.2, 0.0, 0.1],
        [0.2, 0.6, -0.9, 0.0, 0.3, -0.2],
        [-0.3, 0.1, 0.4, 0.5, -0.2, 0.3],
    ],
    dtype=torch.float64,
)
_AMP = torch.tensor(
    [[3e-4, 3e-4, 3e-4], [2e-3, 2e-3, 2e-3], [6e-3, 5e-3, 7e-3], [4e-3, 3e-3, -2e-3]], dtype=torch.float64
)
STRAINS = torch.cumsum(_AMP.T[:, :, None] * _D[:, None, :], dim=0)  # (step, point, 6)
STRAINS = torch.cat([torch.zeros(1, 4, 6, dtype=torch.float64), STRAINS])
TIMES = torch.tensor([0.0, 1.0, 1.5, 3.0], dtype=torch.float64)[:, None].expand(4, 4)


def _start(file: str) -> tuple[Any, dict[str, TensorWrapper]]:
    f = load(file)
    m = f.get_model("model")
    state = initial_state(m, (4,))
    if "void_fraction~1" in state:
        state["void_fraction~1"] = type(state["void_fraction~1"])(torch.full((4,), 0.02, dtype=torch.float64))
    return f, state


def _richardson(fn: Callable[[float], torch.Tensor], h: float) -> torch.Tensor:
    """Central difference of ``fn`` at 0 extrapolated from steps h and h/2 (error O(h^4))."""
    d1 = (fn(h) - fn(-h)) / (2 * h)
    d2 = (fn(h / 2) - fn(-h / 2)) / h
    return (4 * d2 - d1) / 3


def _tangent(w: TensorWrapper, data: torch.Tensor) -> TensorWrapper:
    out = object.__new__(type(w))
    TensorWrapper.__init__(out, data[None], k_ndim=1)
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_jvp_through_implicit_update_matches_finite_differences(case: str) -> None:
    file, _ = CASES[case]
    f, state = _start(file)
    model, ret = f.get_model("model"), f.get_model("return_map")
    history = run_history(model, TIMES[:3], {"strain": STRAINS[:3]}, state)
    inputs = {n: history[-1][n[:-2]] for n in ret.input_spec if n.endswith("~1") and n != "t~1"}
    inputs["strain"] = SR2(STRAINS[3])
    inputs["t"], inputs["t~1"] = Scalar(TIMES[3]), Scalar(TIMES[2])
    inputs = {n: type(w)(w.data.detach()) for n, w in inputs.items()}
    zero = {n: t(torch.zeros(t.BASE_SHAPE, dtype=torch.float64)) for n, t in ret.input_spec.items()}
    guess = {n: w for n, w in zero.items() if n in ret.output_spec}
    names = [n for n in ret.input_spec if n not in guess]  # the unknowns' initial guess: zero, not varied
    gen = torch.Generator().manual_seed(7)
    dirs = {n: torch.randn(inputs[n].data.shape, generator=gen, dtype=torch.float64) for n in names}
    for n in names:  # scale each direction to its input's magnitude
        scale = inputs[n].data.abs().max().clamp(min=1e-3)
        dirs[n] = dirs[n] * scale
    v = {n: {n: _tangent(inputs[n], dirs[n])} for n in names}
    *outs, v_out = ret(*[inputs[n] if n in inputs else guess[n] for n in ret.input_spec], v=v)
    values = {u: o.data.detach() for u, o in zip(ret.output_spec, outs, strict=True)}

    def solve(n: str, h: float) -> dict[str, torch.Tensor]:
        x = dict(inputs)
        x[n] = type(inputs[n])(inputs[n].data + h * dirs[n])
        with torch.no_grad():
            res = ret(*[x[k] if k in x else guess[k] for k in ret.input_spec])
        res = res if isinstance(res, tuple) else (res,)
        return {u: r.data for u, r in zip(ret.output_spec, res, strict=True)}

    h = 1e-4
    checked = 0
    for n in names:
        cache: dict[float, dict[str, torch.Tensor]] = {}

        def at(s: float, n: str = n) -> dict[str, torch.Tensor]:
            if s not in cache:
                cache[s] = solve(n, s)
            return cache[s]

        for u in ret.output_spec:
            fd = _richardson(lambda s, u=u: at(s)[u], h)
            t = v_out.get(u, {}).get(n)
            got = torch.zeros_like(fd) if t is None else t.data[0].expand(fd.shape)
            floor = 1e-9 * values[u].abs().max().clamp(min=1e-12)
            err = (got - fd).abs().max().item()
            assert err <= RTOL * fd.abs().max().item() + floor.item(), (
                f"d({u})/d({n}): error {err:.3e}, |fd| {fd.abs().max():.3e}"
            )
            checked += bool(fd.abs().max() > floor)
    assert checked >= len(ret.output_spec) * 2


@pytest.mark.parametrize("case", list(CASES))
def test_parameter_gradients_match_finite_differences(case: str) -> None:
    file, params = CASES[case]
    f, state = _start(file)
    model = f.get_model("model")
    prefix = "return_map.implicit_rate."
    named = dict(model.named_parameters())
    ps = [named[prefix + p] for p in params]

    def loss(weights: dict[str, torch.Tensor] | None = None) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        history = run_history(model, TIMES, {"strain": STRAINS}, state)
        outs: dict[str, torch.Tensor] = {}
        for i, h in enumerate(history):
            for k, w in h.items():
                outs[f"{i}.{k}"] = w.data
        if weights is None:
            gen = torch.Generator().manual_seed(3)
            weights = {
                k: torch.randn(o.shape, generator=gen, dtype=torch.float64) / o.detach().abs().max().clamp(min=1e-12)
                for k, o in outs.items()
            }
        return sum((o * weights[k]).sum() for k, o in outs.items()), weights  # type: ignore[return-value]

    value, weights = loss()
    grads = torch.autograd.grad(value, ps)
    with torch.no_grad():
        for name, p, g in zip(params, ps, grads, strict=True):
            x0 = p.data.clone()

            def at(s: float, p: torch.nn.Parameter = p, x0: torch.Tensor = x0) -> torch.Tensor:
                p.data.copy_(x0 * (1 + s))
                out = loss(weights)[0]
                p.data.copy_(x0)
                return out

            fd = _richardson(at, 1e-4) / x0  # d loss / d p (the step is relative)
            err = (g - fd).abs().item()
            assert err <= RTOL * fd.abs().item() + 1e-12 * value.abs().item() / x0.abs().item(), (
                f"d loss / d {name}: autograd {g.item():.12e}, finite differences {fd.item():.12e}"
            )
            assert fd.abs().item() > 1e-8 * value.abs().item() / x0.abs().item(), f"{name} has no effect"
