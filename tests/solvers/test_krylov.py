"""GMRES and BiCGStab: batched solves against torch.linalg.solve, per-point convergence, failure,
preconditioner caching."""

from __future__ import annotations

import pytest
import torch
from solver_systems import scaled, well_conditioned

import neml2
from neml2.solvers.bicgstab import BiCGStab
from neml2.solvers.block_jacobi_preconditioner import BlockJacobiPreconditioner
from neml2.solvers.full_preconditioner import FullPreconditioner
from neml2.solvers.gmres import GMRES
from neml2.solvers.jacobi_preconditioner import JacobiPreconditioner
from neml2.solvers.nonlinear_system import BlockStructure

SOLVERS = {"GMRES": GMRES, "BiCGStab": BiCGStab}
PRECONDITIONERS = {
    "none": lambda: None,
    "jacobi": JacobiPreconditioner,
    "block_jacobi": BlockJacobiPreconditioner,
    "full": FullPreconditioner,
}
TIGHT = dict(rel_tol=1e-13, abs_tol=0.0)


def _solver(name: str, pc: str = "none", side: str = "right", **kw: object):  # type: ignore[no-untyped-def]
    s = SOLVERS[name](preconditioner=PRECONDITIONERS[pc](), side=side, **{**TIGHT, **kw})
    s.reset(BlockStructure.from_sizes([3, 4]))
    return s


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("pc", PRECONDITIONERS, ids=list(PRECONDITIONERS))
@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_matches_dense_solve(name: str, pc: str, side: str) -> None:
    J, b = well_conditioned()
    s = _solver(name, pc, side)
    x = s.solve(J, b)
    torch.testing.assert_close(x, torch.linalg.solve(J, b), rtol=0, atol=1e-10)
    assert s.last_iterations.shape == (50,)
    assert int(s.last_iterations.max()) <= 30
    if pc == "full":  # M^{-1} = J^{-1}: one iteration
        assert s.last_iterations.tolist() == [1] * 50


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_several_right_hand_sides(name: str) -> None:
    J, _ = well_conditioned()
    B = torch.randn(50, 7, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(5))
    x = _solver(name, "jacobi").solve(J, B)
    torch.testing.assert_close(x, torch.linalg.solve(J, B), rtol=0, atol=1e-10)


def test_diagonal_preconditioner_pays_on_badly_scaled_rows() -> None:
    J, b = scaled()
    ref = torch.linalg.solve(J, b)
    plain, jacobi = _solver("BiCGStab", rel_tol=1e-10), _solver("BiCGStab", "jacobi", rel_tol=1e-10)
    torch.testing.assert_close(jacobi.solve(J, b), ref, rtol=0, atol=1e-8)
    torch.testing.assert_close(plain.solve(J, b), ref, rtol=0, atol=1e-8)
    assert jacobi.last_iterations.sum() < plain.last_iterations.sum()
    # GMRES(3) stagnates on the raw rows and converges on the rows scaled from the left (scaling the
    # columns, from the right, leaves the row scales in the residual it minimizes)
    with pytest.raises(neml2.ConvergenceError):
        _solver("GMRES", restart=3, max_its=300, rel_tol=1e-10).solve(J, b)
    gm = _solver("GMRES", "jacobi", "left", restart=3, max_its=300, rel_tol=1e-10)
    torch.testing.assert_close(gm.solve(J, b), ref, rtol=0, atol=1e-8)


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_per_point_convergence(name: str) -> None:
    J, b = well_conditioned()
    J[::2] = torch.eye(7, dtype=torch.float64)  # even points: x = b in one iteration
    b[1] = 0  # already solved: no iteration, x = 0 exactly
    s = _solver(name)
    x = s.solve(J, b)
    its = s.last_iterations
    assert its[::2].tolist() == [1] * 25
    assert int(its[1]) == 0 and bool((x[1] == 0).all())
    assert bool((its[3::2] > 1).all())
    torch.testing.assert_close(x, torch.linalg.solve(J, b), rtol=0, atol=1e-10)
    # each point's answer and iteration count do not depend on the others in the batch
    for i in (0, 3, 7):
        alone = _solver(name)
        torch.testing.assert_close(alone.solve(J[i : i + 1], b[i : i + 1]), x[i : i + 1], rtol=0, atol=1e-13)
        assert alone.last_iterations.tolist() == [int(its[i])]


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_absolute_tolerance(name: str) -> None:
    J, b = well_conditioned()
    s = _solver(name, rel_tol=0.0, abs_tol=1e-3)
    x = s.solve(J, b)
    res = torch.linalg.vector_norm(b - (J @ x.unsqueeze(-1)).squeeze(-1), dim=-1)
    assert bool((res <= 1e-3).all())
    assert float(res.max()) > 1e-6  # stopped early, not at the exact answer
    assert float(s.last_iterations.double().mean()) < 7


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_not_converged_names_the_points(name: str) -> None:
    J, b = scaled(N=10)
    hard = [1, 4, 5, 8]
    easy = [i for i in range(10) if i not in hard]
    J[easy] = torch.eye(7, dtype=torch.float64)
    s = _solver(name, max_its=1, rel_tol=1e-10)
    with pytest.raises(neml2.ConvergenceError) as info:
        s.solve(J, b)
    err = info.value
    assert err.failed.tolist() == hard
    assert err.reason == "max iterations"
    assert f"{name} did not converge in 1 iterations at 4 point(s) (first: [1, 4, 5, 8])" in str(err)
    # with several right-hand sides the points are still named once each
    with pytest.raises(neml2.ConvergenceError) as info:
        s.solve(J, torch.stack([b, 2 * b], dim=-1))
    assert info.value.failed.tolist() == hard


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_non_finite_fails_at_once(name: str) -> None:
    J, b = well_conditioned(N=4)
    J[2, 0, 0] = float("nan")
    s = _solver(name)
    with pytest.raises(neml2.ConvergenceError) as info:
        s.solve(J, b)
    assert info.value.failed.tolist() == [2]
    assert int(s.last_iterations.max()) <= 2


class _Counting(FullPreconditioner):
    setups = 0

    def setup(self, J: torch.Tensor) -> None:
        type(self).setups += 1
        super().setup(J)


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_reuse_cache(name: str) -> None:
    J0, b = well_conditioned()
    _Counting.setups = 0
    s = SOLVERS[name](preconditioner=_Counting(), cache_strategy="REUSE", cache_max_its=3, **TIGHT)
    s.reset(None)
    its = []
    for k in range(5):  # like Newton iterations: J drifts
        J = J0 + 0.05 * k * torch.eye(7, dtype=torch.float64)
        x = s.solve(J, b)
        torch.testing.assert_close(x, torch.linalg.solve(J, b), rtol=0, atol=1e-10)
        its.append(int(s.last_iterations.max()))
    assert _Counting.setups == 2  # solves 1 and 4 set up; 2, 3 and 5 reuse
    assert its[0] == its[3] == 1 and its[1] > 1 and its[2] > 1 and its[4] > 1
    # Newton drops converged points: the cached set-up follows, and stays exact for the same J
    s.reset(None)
    s.solve(J0, b)
    keep = torch.arange(50) % 4 != 0
    s.restrict(keep)
    x = s.solve(J0[keep], b[keep])
    assert _Counting.setups == 3
    assert s.last_iterations.tolist() == [1] * int(keep.sum())
    torch.testing.assert_close(x, torch.linalg.solve(J0[keep], b[keep]), rtol=0, atol=1e-10)
    # a new nonlinear solve starts afresh
    s.reset(None)
    s.solve(J0, b)
    assert _Counting.setups == 4


def test_no_cache_sets_up_every_solve() -> None:
    J, b = well_conditioned()
    _Counting.setups = 0
    s = GMRES(preconditioner=_Counting(), **TIGHT)
    for _ in range(3):
        s.solve(J, b)
    assert _Counting.setups == 3


def test_restart_shorter_than_the_system() -> None:
    J, b = well_conditioned()
    s = _solver("GMRES", restart=2)
    x = s.solve(J, b)
    torch.testing.assert_close(x, torch.linalg.solve(J, b), rtol=0, atol=1e-10)
    assert int(s.last_iterations.max()) > 7  # several cycles


def test_catalog_options_and_defaults() -> None:
    o = GMRES().options
    assert o == dict(
        restart=40,
        max_its=1000,
        abs_tol=0.0,
        rel_tol=1e-4,
        preconditioner=None,
        cache_strategy="none",
        cache_max_its=10,
    )
    assert list(BiCGStab().options) == [
        "max_its",
        "abs_tol",
        "rel_tol",
        "preconditioner",
        "cache_strategy",
        "cache_max_its",
    ]
    with pytest.raises(ValueError, match="valid choices: right, left"):
        GMRES(side="middle")


def test_newton_names_failed_points_of_the_whole_batch() -> None:
    """A linear-solver failure inside Newton names points of the whole batch, not of the active set."""
    from neml2.solvers.newton import Newton

    J, b = scaled(N=4)
    b[0] = b[2] = 0  # solved by the initial guess: not in Newton's active set

    def fn(x: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return (J[idx] @ x.unsqueeze(-1)).squeeze(-1) - b[idx], J[idx]

    newton = Newton()
    newton._linear = GMRES(max_its=1, rel_tol=1e-12)
    with pytest.raises(neml2.ConvergenceError) as info:
        newton.solve(fn, torch.zeros(4, 7, dtype=torch.float64))
    assert info.value.failed.tolist() == [1, 3]
    assert str(info.value).startswith("Newton iteration 1: GMRES did not converge in 1 iterations at 2 point(s)")
    # and with enough iterations Newton on a linear system converges in one step
    newton._linear = GMRES(rel_tol=1e-13)
    x, its = newton.solve(fn, torch.zeros(4, 7, dtype=torch.float64))
    assert its == 1
    torch.testing.assert_close(x, torch.linalg.solve(J, b), rtol=0, atol=1e-10)


@pytest.mark.parametrize("name", SOLVERS, ids=list(SOLVERS))
def test_empty_batch(name: str) -> None:
    x = _solver(name, "jacobi").solve(torch.zeros(0, 7, 7, dtype=torch.float64), torch.zeros(0, 7, dtype=torch.float64))
    assert x.shape == (0, 7)
