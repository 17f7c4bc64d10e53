"""ImplicitUpdate input_sensitivity_solver / param_sensitivity_solver: [Solvers] linear solvers for the
implicit-function-theorem solves (dx/dinput for v= JVPs and input gradients, dx/dparam for parameter
gradients); unset, a direct solve.  An iterative GMRES agrees with the direct solve within its
tolerance, through the substeps of tests/implicit/substepping.i too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2.types import SR2, TensorWrapper

FILE = Path(__file__).resolve().parent / "substepping.i"
GMRES = ("Solvers/gmres/type=GMRES", "Solvers/gmres/rel_tol=1e-13", "Solvers/gmres/abs_tol=1e-300")


def load(*overrides: str) -> Any:
    return neml2.load_input(FILE, additional_args=overrides).get_model("return_map")


def run(m: Any) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """JVP along a strain direction, d(sum ep)/d(strain) and d(sum ep)/d(yield stress)."""
    amp = torch.tensor([1e-5, 1e-3, 1e-2, 3e-2], dtype=torch.float64)
    eps = (amp[:, None] * torch.tensor([1.0, -0.5, -0.5, 0.2, 0.0, 0.1], dtype=torch.float64)).requires_grad_(True)
    vals = {"strain": eps, "t": torch.ones(4, dtype=torch.float64)}
    args = [t(vals.get(n, torch.zeros(4, *t.BASE_SHAPE, dtype=torch.float64))) for n, t in m.input_spec.items()]
    d = torch.linspace(1.0, 2.0, 24, dtype=torch.float64).reshape(4, 6)
    seed = object.__new__(SR2)
    TensorWrapper.__init__(seed, d[None], k_ndim=1)
    with torch.no_grad():
        *_, v_out = m(*args, v={"strain": {"d": seed}})
    (p,) = [p for n, p in m.named_parameters() if n.endswith("yield_stress")]
    p.grad = None
    _, ep = m(*args)
    ep.data.sum().backward()
    return v_out["plastic_strain"]["d"].data[0], eps.grad, p.grad.clone(), ep.data.detach()


def test_iterative_sensitivity_solvers_agree_with_the_direct_solve() -> None:
    ref = run(load())
    m = load(
        *GMRES, "Models/return_map/input_sensitivity_solver=gmres", "Models/return_map/param_sensitivity_solver=gmres"
    )
    got = run(m)
    assert torch.equal(got[3], ref[3])  # the value does not depend on the sensitivity solvers
    for a, b in zip(got[:3], ref[:3]):
        assert (a - b).abs().max() <= 1e-9 * b.abs().max() and b.abs().max() > 0
    assert m.input_sensitivity.last_iterations is not None  # GMRES did the solves
    assert m.param_sensitivity.last_iterations is not None


@pytest.mark.parametrize("which", ["input_sensitivity_solver", "param_sensitivity_solver"])
def test_one_sensitivity_solver_alone(which: str) -> None:
    ref = run(load())
    m = load(*GMRES, f"Models/return_map/{which}=gmres")
    got = run(m)
    for a, b in zip(got[:3], ref[:3]):
        assert (a - b).abs().max() <= 1e-9 * b.abs().max()
    used = m.input_sensitivity if which.startswith("input") else m.param_sensitivity
    assert used.last_iterations is not None


def test_a_loose_iterative_solver_changes_only_the_derivatives() -> None:
    ref = run(load())
    loose = ("Solvers/gmres/type=GMRES", "Solvers/gmres/rel_tol=1e-3", "Solvers/gmres/abs_tol=0")
    got = run(load(*loose, "Models/return_map/input_sensitivity_solver=gmres"))
    assert torch.equal(got[3], ref[3])
    err = (got[0] - ref[0]).abs().max() / ref[0].abs().max()
    assert err < 1e-2  # within the loose tolerance


@pytest.mark.parametrize(
    "value, match",
    [("nothing", "nothing"), ("newton", "'newton' is a Newton, not a linear solver")],
)
def test_bad_references_are_located_errors(value: str, match: str) -> None:
    with pytest.raises(neml2.InputError, match=match) as err:
        load(f"Models/return_map/input_sensitivity_solver={value}")
    assert "return_map" in str(err.value)


def test_compiling_an_iterative_sensitivity_solver_is_refused(tmp_path: Path) -> None:
    from neml2.aoti.export import compile_file

    overrides = (*GMRES, "Models/return_map/input_sensitivity_solver=gmres")
    with pytest.raises(
        neml2.InputError, match=r"\[Models/return_map\] option 'input_sensitivity_solver'.*cannot be compiled"
    ):
        compile_file(FILE, "return_map", tmp_path, overrides=overrides, jobs=1)
