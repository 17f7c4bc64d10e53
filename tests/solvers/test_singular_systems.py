"""A singular Newton system is a recoverable ConvergenceError naming its points, never a raw
torch LinAlgError: r(x) = (x - a)^2 has J = 0 at x = a, hit exactly at the points where x0 = a."""

from __future__ import annotations

import pytest
import torch

import neml2
from neml2.solvers.dense_lu import DenseLU, lu_factor
from neml2.solvers.newton import Newton


def _fn(a: torch.Tensor):
    def fn(x: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        d = x - a[idx]
        return d**2 + 1.0, (2 * d).unsqueeze(-1)  # no root: the solve must stop at J = 0

    return fn


def test_newton_names_the_singular_points() -> None:
    a = torch.tensor([[0.5], [0.0], [2.0], [0.0]], dtype=torch.float64)
    x0 = torch.tensor([[1.0], [0.0], [3.0], [0.0]], dtype=torch.float64)  # points 1 and 3 start at J = 0
    with pytest.raises(neml2.ConvergenceError) as e:
        Newton().solve(_fn(a), x0)
    assert e.value.reason == "singular"
    assert e.value.failed.tolist() == [1, 3]
    assert "singular Jacobian at 2 point(s) (first: [1, 3])" in str(e.value)


def test_dense_lu_factor_and_solve_raise_convergence_errors() -> None:
    J = torch.eye(3, dtype=torch.float64).repeat(4, 1, 1)
    J[2] = 0.0
    b = torch.ones(4, 3, dtype=torch.float64)
    for call in (lambda: DenseLU().solve(J, b), lambda: lu_factor(J)):
        with pytest.raises(neml2.ConvergenceError) as e:
            call()
        assert e.value.failed.tolist() == [2] and e.value.recoverable
    J[2] = 2 * torch.eye(3)
    torch.testing.assert_close(DenseLU().solve(J, b)[2], torch.full((3,), 0.5, dtype=torch.float64))
