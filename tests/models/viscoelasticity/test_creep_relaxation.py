"""Transient viscoelastic responses through the composition of viscoelasticity.md
(creep_relaxation.i: element closure + SR2BackwardEulerTimeIntegration + NonlinearSystem +
ImplicitUpdate/Newton, advanced by TransientDriver) against closed-form solutions.

Every component obeys the same scalar law (the elements act component-wise), and the loads are held
from t = 0, so each response is a decaying exponential exp(-k t). Backward Euler with a uniform step
dt replaces it by (1 + k dt)^-n exactly; the driver's result must match that discrete solution to
1e-6 (relative to the load scale), and it stays within the first-order bound of the continuous
solution: 0 <= 1/(1+x) - exp(-x) <= x^2/2 for 0 <= x <= 1, so |(1+x)^-n - exp(-n x)| <= n x^2/2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import neml2

INPUT = Path(__file__).with_name("creep_relaxation.i")
NSTEP = 100
T_END = 2.0
DT = T_END / NSTEP
SCALE = torch.tensor([1.0, -0.5, 2.0], dtype=torch.float64)[:, None]  # batch amplitudes
EPS0 = SCALE * torch.tensor([0.01, -0.004, 0.002, 0.003, 0.0, -0.001], dtype=torch.float64)
SIG0 = SCALE * torch.tensor([20.0, -8.0, 4.0, 6.0, 0.0, -2.0], dtype=torch.float64)
TOL = 1e-6


@pytest.fixture(scope="module")
def factory() -> neml2.factory.InputFile:
    return neml2.load_input(INPUT)


def _run(factory: neml2.factory.InputFile, name: str) -> dict[str, torch.Tensor]:
    driver = factory.get_driver(name)
    with torch.no_grad():
        assert driver.run()
    return driver.result()


def _history(result: dict[str, torch.Tensor], var: str) -> torch.Tensor:
    """(NSTEP, nbatch, 6): the output ``var`` at steps 1..NSTEP."""
    return torch.stack([result[f"output.{n}.{var}"] for n in range(1, NSTEP + 1)])


def _decay(k: float) -> torch.Tensor:
    """(1 + k dt)^-n, n = 1..NSTEP, shaped to broadcast against a history."""
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None, None]
    return (1 + k * DT) ** -n


def _exact(k: float) -> torch.Tensor:
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None, None]
    return torch.exp(-k * n * DT)


def _close(got: torch.Tensor, want: torch.Tensor, scale: torch.Tensor) -> None:
    torch.testing.assert_close(got, want.expand_as(got), rtol=TOL, atol=TOL * scale.abs().max().item())


def test_times_are_uniform(factory: neml2.factory.InputFile) -> None:
    r = _run(factory, "relaxation")
    t = torch.stack([r[f"input.{n}.t"] for n in range(NSTEP + 1)])
    torch.testing.assert_close(t[1:] - t[:-1], torch.full_like(t[1:], DT), rtol=0, atol=1e-14)


def test_zener_stress_relaxation(factory: neml2.factory.InputFile) -> None:
    """Strain eps0 held from t = 0 on the standard linear solid (E_inf = 1000, E_M = 2000,
    eta_M = 1000, k = E_M / eta_M = 2): eps_v = eps0 (1 - exp(-k t)),
    sigma = E_inf eps0 + E_M eps0 exp(-k t); backward Euler: exp(-k t_n) -> (1 + k dt)^-n."""
    E_inf, E_M, eta_M = 1000.0, 2000.0, 1000.0
    k = E_M / eta_M
    r = _run(factory, "relaxation")
    decay = _decay(k)
    stress = _history(r, "stress")
    _close(stress, E_inf * EPS0 + E_M * EPS0 * decay, E_M * EPS0)
    _close(_history(r, "viscous_strain"), EPS0 * (1 - decay), EPS0)
    _close(_history(r, "viscous_strain_rate"), k * EPS0 * decay, k * EPS0)
    # the continuous (analytic) relaxation, within the first-order bound of backward Euler
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None, None]
    bound = n * (k * DT) ** 2 / 2 * (E_M * EPS0).abs() + 1e-9
    assert ((stress - E_inf * EPS0 - E_M * EPS0 * _exact(k)).abs() <= bound).all()


def test_kelvin_voigt_creep(factory: neml2.factory.InputFile) -> None:
    """Stress sigma0 held from t = 0 on a Kelvin-Voigt element (E = 1000, eta = 500, k = E / eta = 2):
    eps = sigma0 / E (1 - exp(-k t)); backward Euler: E eps_n + eta (eps_n - eps_n-1) / dt = sigma0,
    i.e. eps_n = sigma0 / E (1 - (1 + k dt)^-n)."""
    E, eta = 1000.0, 500.0
    k = E / eta
    r = _run(factory, "creep")
    strain = _history(r, "strain")
    _close(strain, SIG0 / E * (1 - _decay(k)), SIG0 / E)
    _close(_history(r, "stress"), SIG0.expand(NSTEP, -1, -1), SIG0)  # the post-solve stress is the load
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None, None]
    bound = n * (k * DT) ** 2 / 2 * (SIG0 / E).abs() + 1e-12
    assert ((strain - SIG0 / E * (1 - _exact(k))).abs() <= bound).all()


def test_wiechert_stress_relaxation(factory: neml2.factory.InputFile) -> None:
    """Two independent Maxwell branches in parallel with a spring (E_inf = 500; E_1 = 1000,
    eta_1 = 100, k_1 = 10; E_2 = 3000, eta_2 = 6000, k_2 = 0.5): under a held strain each branch
    relaxes on its own, sigma_n = E_inf eps0 + sum_i E_i eps0 (1 + k_i dt)^-n."""
    E_inf, (E1, k1), (E2, k2) = 500.0, (1000.0, 10.0), (3000.0, 0.5)
    r = _run(factory, "wiechert_relaxation")
    d1, d2 = _decay(k1), _decay(k2)
    _close(_history(r, "stress"), E_inf * EPS0 + E1 * EPS0 * d1 + E2 * EPS0 * d2, (E_inf + E1 + E2) * EPS0)
    _close(_history(r, "viscous_strain_1"), EPS0 * (1 - d1), EPS0)
    _close(_history(r, "viscous_strain_2"), EPS0 * (1 - d2), EPS0)


def test_burgers_stress_relaxation(factory: neml2.factory.InputFile) -> None:
    """Burgers model (E_M = 2000, eta_M = 4000, E_K = 500, eta_K = 250) under a held strain: the
    backward-Euler recurrence, one 2x2 linear solve per step and component,
        a_n - a_n-1 = dt E_M (eps0 - a_n - b_n) / eta_M,
        b_n - b_n-1 = dt (E_M (eps0 - a_n - b_n) - E_K b_n) / eta_K,
    a the Maxwell dashpot strain, b the Kelvin-Voigt block strain."""
    E_M, eta_M, E_K, eta_K = 2000.0, 4000.0, 500.0, 250.0
    r = _run(factory, "burgers_relaxation")
    A = torch.tensor(
        [
            [1 + DT * E_M / eta_M, DT * E_M / eta_M],
            [DT * E_M / eta_K, 1 + DT * (E_M + E_K) / eta_K],
        ],
        dtype=torch.float64,
    )
    a = torch.zeros_like(EPS0)
    b = torch.zeros_like(EPS0)
    want_a, want_b, want_s = [], [], []
    for _ in range(NSTEP):
        rhs = torch.stack([a + DT * E_M / eta_M * EPS0, b + DT * E_M / eta_K * EPS0], dim=-1)
        ab = torch.linalg.solve(A, rhs.unsqueeze(-1)).squeeze(-1)
        a, b = ab[..., 0], ab[..., 1]
        want_a.append(a)
        want_b.append(b)
        want_s.append(E_M * (EPS0 - a - b))
    _close(_history(r, "maxwell_viscous_strain"), torch.stack(want_a), EPS0)
    _close(_history(r, "kelvin_voigt_strain"), torch.stack(want_b), EPS0)
    _close(_history(r, "stress"), torch.stack(want_s), E_M * EPS0)
