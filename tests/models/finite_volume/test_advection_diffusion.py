"""1D advection-diffusion-reaction, u_t + (v u - D u_x)_x = -k u on [0, 1] with zero-flux ends, assembled
from the finite-volume types exactly as finite_volume.md composes them (edge lift of D and v, diffusive
and upwinded advective fluxes, their sum J, a zero flux appended at each end, the divergence, the
reaction, ScalarBackwardEulerTimeIntegration), advanced by backward Euler in a Python loop over steps:
each step solves the residual model for the cells with Newton, the Jacobian coming from the model's own
forward-mode tangents (one seed per cell). (ImplicitUpdate lays out its unknowns per batch point and has
no spatial sub-batch axis yet, so it cannot couple the cells; the loop does its job here.)

Checks:

- pure diffusion-reaction (v = 0) from u0 = a cos(pi x_i): on a uniform grid (h = 1 / N, centers
  x_i = (i + 1/2) h) this is an eigenvector of the discrete operator with zero-flux ends
  (u_{-1} = u_0, u_N = u_{N-1} by the cosine's symmetry), eigenvalue -mu,
  mu = k + 4 D / h^2 sin^2(pi h / 2); backward Euler gives u_n = (1 + dt mu)^-n u0 exactly. The run must
  match that to 1e-6, and the continuous solution a exp(-lambda t) cos(pi x), lambda = k + D pi^2, within
  the bound of the time and space discretization: with g = 1 / (1 + mu dt) >= exp(-mu dt),
  0 <= g - exp(-mu dt) <= (mu dt)^2 / 2 and a^n - b^n <= n (a - b) a^(n-1) (a >= b >= 0), so
  |u_n - u(t_n)| <= |a| n [(mu dt)^2 / 2 g^(n-1) + dt |mu - lambda| exp(-n dt min(mu, lambda))].
- the documented example (v = 0.4, D = 0.5, k = 0.05, Gaussian pulse at x = 0.25): with zero boundary
  fluxes the total mass sum_i u_i h obeys dM/dt = -k M exactly, so M_n = (1 + k dt)^-n M_0; and the
  solution equals the same scheme written out as a dense matrix here (independent assembly) to 1e-10.
"""

from __future__ import annotations

import math

import pytest
import torch

import neml2
from neml2.types import Scalar

AMPLITUDES = torch.tensor([1.0, -0.5], dtype=torch.float64)[:, None]  # a leading batch of two runs
TOL = 1e-6


def _input(n: int, D: float, v: float, k: float) -> str:
    return f"""
[Tensors]
  [edges]
    type = Python
    expr = 'linspace(Scalar(0.0).sub_batch, Scalar(1.0).sub_batch, {n + 1})'
  []
  [centers]
    type = Python
    expr = 'Scalar(0.5 * (edges.data[..., :-1] + edges.data[..., 1:]), sub_batch_ndim=1)'
  []
  [dx_centers]
    type = Python
    expr = 'Scalar(centers.data[..., 1:] - centers.data[..., :-1], sub_batch_ndim=1)'
  []
  [dx]
    type = Python
    expr = 'Scalar(edges.data[..., 1:] - edges.data[..., :-1], sub_batch_ndim=1)'
  []
  [D_cells]
    type = Python
    expr = 'Scalar(torch.full(({n},), {D}, dtype=torch.float64), sub_batch_ndim=1)'
  []
  [v_cells]
    type = Python
    expr = 'Scalar(torch.full(({n},), {v}, dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [diffusivity]
    type = LinearlyInterpolateToCellEdges
    cell_values = 'D_cells'
    cell_centers = 'centers'
    cell_edges = 'edges'
    edge_values = 'D'
  []
  [velocity]
    type = LinearlyInterpolateToCellEdges
    cell_values = 'v_cells'
    cell_centers = 'centers'
    cell_edges = 'edges'
    edge_values = 'v_edge'
  []
  [diffusive_flux]
    type = FiniteVolumeGradient
    u = 'concentration'
    prefactor = 'D'
    dx = 'dx_centers'
    grad_u = 'diffusive_flux'
  []
  [advective_flux]
    type = FiniteVolumeUpwindedAdvectiveFlux
    u = 'concentration'
    v_edge = 'v_edge'
    flux = 'advective_flux'
  []
  [total_flux]
    type = ScalarLinearCombination
    from = 'diffusive_flux advective_flux'
    to = 'J'
  []
  [left_bc]
    type = FiniteVolumeAppendBoundaryCondition
    input = 'J'
    bc_value = 0.0
    side = 'left'
  []
  [right_bc]
    type = FiniteVolumeAppendBoundaryCondition
    input = 'J_with_bc_left'
    bc_value = 0.0
    side = 'right'
  []
  [reaction]
    type = ScalarLinearCombination
    from = 'concentration'
    to = 'R'
    weights = '{-k}'
  []
  [flux_divergence]
    type = FiniteVolumeGradient
    u = 'J_with_bc_left_with_bc_right'
    dx = 'dx'
    grad_u = 'flux_div'
  []
  [rate_of_change]
    type = ScalarLinearCombination
    from = 'flux_div R'
    to = 'concentration_rate'
  []
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'concentration'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'diffusivity velocity diffusive_flux advective_flux total_flux left_bc right_bc reaction
              flux_divergence rate_of_change integrate'
  []
[]
"""


def _run(n: int, D: float, v: float, k: float, u0: torch.Tensor, dt: float, nstep: int) -> tuple[list, torch.Tensor]:
    """Backward Euler from ``u0`` (batch, n): the cell values after each step, and the cell centers."""
    factory = neml2.load_string(_input(n, D, v, k))
    model = factory.get_model("implicit_rate")
    assert list(model.output_spec) == ["concentration_residual"]
    seeds = Scalar(torch.eye(n, dtype=torch.float64), k_ndim=1, sub_batch_ndim=1)  # one per cell
    nb = u0.shape[0]
    u_old = u0
    history = []
    for step in range(1, nstep + 1):
        state = {
            "concentration~1": Scalar(u_old, sub_batch_ndim=1),
            "t": Scalar(torch.full((nb,), step * dt, dtype=torch.float64)),
            "t~1": Scalar(torch.full((nb,), (step - 1) * dt, dtype=torch.float64)),
        }
        u = u_old.clone()
        for _ in range(5):
            state["concentration"] = Scalar(u, sub_batch_ndim=1)
            with torch.no_grad():
                r, tangents = model(*[state[x] for x in model.input_spec], v={"concentration": {"u": seeds}})
            res = r.data.expand(nb, n)
            if res.abs().max() < 1e-12:
                break
            # J[b, i, j] = d r_i / d u_j: the tangent along seed j
            J = tangents["concentration_residual"]["u"].data.expand(n, nb, n).permute(1, 2, 0)
            u = u - torch.linalg.solve(J, res.unsqueeze(-1)).squeeze(-1)
        else:
            pytest.fail(f"step {step}: Newton did not converge (|r| = {res.abs().max().item():.3e})")
        history.append(u)
        u_old = u
    centers = factory.get_tensor("centers").data
    return history, centers


def test_cosine_mode_decays_as_the_discrete_and_continuous_solutions() -> None:
    n, D, k, dt, nstep = 20, 0.5, 0.05, 0.01, 50
    h = 1.0 / n
    x = (torch.arange(n, dtype=torch.float64) + 0.5) * h
    u0 = AMPLITUDES * torch.cos(math.pi * x)
    history, centers = _run(n, D, 0.0, k, u0, dt, nstep)
    torch.testing.assert_close(centers, x, rtol=0, atol=1e-14)
    mu = k + 4 * D / h**2 * math.sin(math.pi * h / 2) ** 2
    lam = k + D * math.pi**2
    g = 1 / (1 + mu * dt)

    def _bound(m: int) -> float:
        return m * ((mu * dt) ** 2 / 2 * g ** (m - 1) + dt * abs(mu - lam) * math.exp(-m * dt * min(mu, lam)))

    for step, u in enumerate(history, start=1):
        discrete = (1 + dt * mu) ** -step * u0
        torch.testing.assert_close(u, discrete, rtol=0, atol=TOL * AMPLITUDES.abs().max().item())
        continuous = math.exp(-lam * step * dt) * u0
        assert ((u - continuous).abs() <= _bound(step) * AMPLITUDES.abs() + 1e-12).all(), f"step {step}"
    # not vacuous: after 50 steps the mode is down to about 8 % and the bound is under a tenth of that
    assert 0.05 < math.exp(-lam * nstep * dt) < 0.1
    assert _bound(nstep) < 0.1 * math.exp(-lam * nstep * dt)


def _dense_operator(n: int, D: float, v: float, k: float) -> torch.Tensor:
    """The rate operator A (du/dt = A u) of the same scheme on a uniform grid, written out directly:
    interior edge e (between cells e and e+1) carries J_e = -D (u_{e+1} - u_e) / h + v+ u_e + v- u_{e+1},
    the two end edges J = 0, and (A u)_i = -(J_i - J_{i-1}) / h - k u_i."""
    h = 1.0 / n
    vp, vm = max(v, 0.0), min(v, 0.0)
    F = torch.zeros(n - 1, n, dtype=torch.float64)  # interior edge fluxes as a matrix on u
    for e in range(n - 1):
        F[e, e] += D / h + vp
        F[e, e + 1] += -D / h + vm
    Jfull = torch.cat([torch.zeros(1, n, dtype=torch.float64), F, torch.zeros(1, n, dtype=torch.float64)])
    return -(Jfull[1:] - Jfull[:-1]) / h - k * torch.eye(n, dtype=torch.float64)


def test_documented_example_conserves_mass_and_matches_the_dense_scheme() -> None:
    n, D, v, k, dt, nstep = 50, 0.5, 0.4, 0.05, 2e-3, 40
    h = 1.0 / n
    x = (torch.arange(n, dtype=torch.float64) + 0.5) * h
    u0 = AMPLITUDES * torch.exp(-((x - 0.25) ** 2) / (2 * 0.05**2))
    history, _ = _run(n, D, v, k, u0, dt, nstep)
    M0 = u0.sum(-1) * h
    step_matrix = torch.eye(n, dtype=torch.float64) - dt * _dense_operator(n, D, v, k)
    u_ref = u0
    for step, u in enumerate(history, start=1):
        torch.testing.assert_close(u.sum(-1) * h, (1 + k * dt) ** -step * M0, rtol=TOL, atol=0)
        u_ref = torch.linalg.solve(step_matrix, u_ref.unsqueeze(-1)).squeeze(-1)
        torch.testing.assert_close(u, u_ref, rtol=0, atol=1e-10)
    # the pulse moved: it diffused (lower peak) and drifted right with v > 0
    last = history[-1][0]
    assert last.max() < 0.8 * u0[0].max()
    mean_x = (last * x).sum() / last.sum()
    assert mean_x > 0.25 + 0.5 * v * nstep * dt
