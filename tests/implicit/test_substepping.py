"""Adaptive substepping of ImplicitUpdate (max_substepping_level, incremental_variables, Newton
substep_del_tol): a strain step that Newton (capped at 8 iterations) cannot take at once is bisected
at the points that fail; the values match a bisection done by hand through the level-0 model, the
other points keep their full-step solution, and derivatives through the substeps match finite
differences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2.types import SR2, Scalar, TensorWrapper

FILE = Path(__file__).resolve().parent / "substepping.i"
AMP = [1e-5, 1e-3, 1e-2, 3e-2]  # elastic, converges at once, needs substeps, needs more substeps
DIR = torch.tensor([1.0, -0.5, -0.5, 0.2, 0.0, 0.1], dtype=torch.float64)


def load(*overrides: str, name: str = "return_map") -> Any:
    return neml2.load_input(FILE, additional_args=overrides).get_model(name)


def strain(amp: list[float] | torch.Tensor) -> torch.Tensor:
    return torch.as_tensor(amp, dtype=torch.float64)[:, None] * DIR


def call(m: Any, values: dict[str, torch.Tensor], v: Any = None) -> Any:
    """The model on named raw inputs (missing ones zero: the virgin state, the initial guesses)."""
    n = next(iter(values.values())).shape[0]
    args = []
    for name, t in m.input_spec.items():
        x = values.get(name)
        args.append(t(x if x is not None else torch.zeros(n, *t.BASE_SHAPE, dtype=torch.float64)))
    return m(*args) if v is None else m(*args, v=v)


def step_inputs(eps: torch.Tensor, a: float = 0.0, b: float = 1.0, incremental: bool = False) -> dict[str, Any]:
    n = eps.shape[0]
    return {
        "strain": eps * (b - a) if incremental else eps * b,
        "t": torch.full((n,), b, dtype=torch.float64),
        "t~1": torch.full((n,), a, dtype=torch.float64),
    }


def by_hand(eps: torch.Tensor, incremental: bool = False, level: int = 4) -> torch.Tensor:
    """Bisection through the level-0 model, point by point: [a, b] fails -> [a, m] then [m, b], each
    starting from (and guessed by) the previous one's solution; the strain ramps (or takes its
    fraction, incremental)."""
    # Newton starts from the previous substep's solution (zero at the start): the old values, guessed
    m0 = load(
        "Models/return_map/max_substepping_level=0",
        "Models/guess/type=ConstantExtrapolationPredictor",
        "Models/guess/unknowns_SR2=plastic_strain",
        "Models/guess/unknowns_Scalar=equivalent_plastic_strain",
        "Models/return_map/predictor=guess",
    )

    def advance(e: torch.Tensor, a: float, b: float, Ep: torch.Tensor, ep: torch.Tensor, depth: int) -> Any:
        ins = step_inputs(e, a, b, incremental)
        ins.update({"plastic_strain~1": Ep, "equivalent_plastic_strain~1": ep})
        try:
            with torch.no_grad():
                out = call(m0, ins)
            return out[0].data, out[1].data
        except neml2.ConvergenceError:
            assert depth < level, "the hand bisection needs more levels than the model"
            mid = (a + b) / 2
            Ep, ep = advance(e, a, mid, Ep, ep, depth + 1)
            return advance(e, mid, b, Ep, ep, depth + 1)

    rows = []
    for p in range(eps.shape[0]):
        Ep, ep = advance(
            eps[p : p + 1], 0.0, 1.0, torch.zeros(1, 6, dtype=torch.float64), torch.zeros(1, dtype=torch.float64), 0
        )
        rows.append(torch.cat([Ep, ep[:, None]], dim=-1))
    return torch.cat(rows)


def solution(m: Any, eps: torch.Tensor, incremental: bool = False) -> torch.Tensor:
    with torch.no_grad():
        Ep, ep = call(m, step_inputs(eps, incremental=incremental))
    return torch.cat([Ep.data, ep.data[:, None]], dim=-1)


def close(a: torch.Tensor, b: torch.Tensor, tol: float) -> None:
    err = (a - b).abs().max().item()
    assert err <= tol * max(1.0, b.abs().max().item()), f"max error {err:.3e}"


def test_a_step_that_fails_without_substepping_converges_with_4() -> None:
    eps = strain(AMP)
    with pytest.raises(neml2.ConvergenceError) as err:
        solution(load("Models/return_map/max_substepping_level=0"), eps)
    assert err.value.failed.tolist() == [2, 3]
    x = solution(load(), eps)
    assert torch.isfinite(x).all()
    assert x[3, 6] > x[2, 6] > x[1, 6] > 0 and x[0, 6] == 0  # plastic strain grows with the strain


def test_values_are_the_bisection_by_hand() -> None:
    eps = strain(AMP)
    close(solution(load(), eps), by_hand(eps), 1e-9)


def test_points_that_converge_keep_the_full_step_solution() -> None:
    eps = strain(AMP)
    x = solution(load(), eps)
    full = solution(load("Models/return_map/max_substepping_level=0"), eps[:2])
    assert torch.equal(x[:2], full)


def test_substepping_adds_the_old_strain_input() -> None:
    assert "strain~1" in load().input_spec
    assert "strain~1" not in load("Models/return_map/max_substepping_level=0").input_spec
    # the ramp starts from strain~1: starting from a prestrained state changes the substeps
    eps = strain(AMP)
    ins = step_inputs(eps)
    ins["strain~1"] = 0.5 * eps
    with torch.no_grad():
        Ep, _ = call(load(), ins)
    assert not torch.allclose(Ep.data[2:], solution(load(), eps)[2:, :6])


def test_incremental_variables_take_the_fraction_of_the_increment() -> None:
    m = load("Models/return_map/incremental_variables=strain")
    assert "strain~1" not in m.input_spec
    eps = strain(AMP)
    close(solution(m, eps, incremental=True), by_hand(eps, incremental=True), 1e-9)


def test_incremental_variables_must_be_given_variables() -> None:
    with pytest.raises(neml2.InputError, match=r"option 'incremental_variables'.*'plastic_strain' is not a given"):
        load("Models/return_map/incremental_variables=plastic_strain")


def test_failure_at_full_depth_is_a_recoverable_convergence_error() -> None:
    eps = strain(AMP)
    m = load("Models/return_map/max_substepping_level=1")
    with pytest.raises(neml2.ConvergenceError, match=r"after 1 bisection\(s\) \(max_substepping_level = 1\)") as err:
        solution(m, eps)
    assert err.value.recoverable and set(err.value.failed.tolist()) <= {2, 3} and err.value.failed.numel()
    assert torch.isfinite(solution(m, eps[:2])).all()  # the same object still solves what it can


def test_substep_del_tol_stops_the_bisection() -> None:
    eps = strain(AMP)
    m = load("Solvers/newton/substep_del_tol=0.3")  # substeps of 1/4 (< 0.3) are refused
    with pytest.raises(neml2.ConvergenceError, match=r"below substep_del_tol = 0.3"):
        solution(m, eps)
    close(solution(load("Solvers/newton/substep_del_tol=0.01"), eps), solution(load(), eps), 0.0)
    with pytest.raises(neml2.InputError, match="option 'substep_del_tol'"):
        load("Solvers/newton/substep_del_tol=-1")


def _k(t: type[TensorWrapper], data: torch.Tensor) -> TensorWrapper:
    w = object.__new__(t)
    TensorWrapper.__init__(w, data, k_ndim=1)
    return w


def test_jvp_through_the_substeps_matches_finite_differences() -> None:
    m = load()
    eps = strain(AMP)
    ins = step_inputs(eps)
    g = torch.Generator().manual_seed(0)
    d_eps = torch.randn(4, 6, generator=g, dtype=torch.float64) * 1e-2
    d_old = torch.randn(4, 6, generator=g, dtype=torch.float64) * 1e-2
    ins["strain~1"] = 0.1 * eps
    v = {"strain": {"d": _k(SR2, d_eps[None])}, "strain~1": {"d": _k(SR2, d_old[None])}}
    with torch.no_grad():
        Ep, ep, v_out = call(m, ins, v=v)
    h = 1e-6

    def at(s: float) -> torch.Tensor:
        shifted = dict(ins, strain=ins["strain"] + s * d_eps, **{"strain~1": ins["strain~1"] + s * d_old})
        with torch.no_grad():
            return call(m, shifted)[0].data

    fd = (at(h) - at(-h)) / (2 * h)
    close(v_out["plastic_strain"]["d"].data[0], fd, 1e-6)
    assert fd[2:].abs().max() > 1e-3  # the substepped points have a real derivative


def test_autograd_through_the_substeps_matches_finite_differences() -> None:
    m = load()
    eps = strain(AMP)
    ins = step_inputs(eps)
    (p,) = [p for n, p in m.named_parameters() if n.endswith("yield_stress")]
    e = eps.clone().requires_grad_(True)
    ins_g = dict(ins, strain=e)
    _, ep = call(m, ins_g)
    w = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    (ep.data * w).sum().backward()
    h = 1e-7

    def loss(ys: float, de: torch.Tensor) -> float:
        with torch.no_grad():
            old = p.data.clone()
            p.data.fill_(ys)
            out = call(m, dict(ins, strain=eps + de))[1].data
            p.data.copy_(old)
        return float((out * w).sum())

    y0 = float(p.data)
    fd_p = (loss(y0 + h * y0, 0 * eps) - loss(y0 - h * y0, 0 * eps)) / (2 * h * y0)
    assert p.grad is not None and abs(float(p.grad) - fd_p) <= 1e-6 * abs(fd_p)
    g = torch.Generator().manual_seed(1)
    d = torch.randn(4, 6, generator=g, dtype=torch.float64)
    he = 1e-8
    fd_e = (loss(y0, he * d) - loss(y0, -he * d)) / (2 * he)
    assert abs(float((e.grad * d).sum()) - fd_e) <= 1e-6 * abs(fd_e)


def test_a_driver_steps_through_with_substeps() -> None:
    """Through a TransientDriver: the driver supplies strain~1, results match the bisection by hand."""
    eps = strain(AMP)
    driver = f"""
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 1.0], dtype=torch.float64).unsqueeze(-1).expand(2, 4))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.stack([torch.zeros(4, 6), torch.tensor({eps.tolist()})]).double())'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
  []
[]
"""
    text = FILE.read_text() + driver
    d = neml2.load_string(text).get_driver("driver")
    with torch.no_grad():
        d.run()
    res = d.result()
    close(res["output.1.equivalent_plastic_strain"], by_hand(eps)[:, 6], 1e-9)
    assert Scalar(res["output.1.equivalent_plastic_strain"]).data.shape == (4,)
