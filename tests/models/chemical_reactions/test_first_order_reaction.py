"""First-order reaction kinetics through the composition of chemical_reactions.md
(first_order_reaction.i: ArrheniusParameter -> ContractingGeometry with n = 1 ->
ScalarBackwardEulerTimeIntegration, NonlinearSystem + ImplicitUpdate/Newton, TransientDriver) against
the closed form.

At a constant temperature k = k0 exp(-Q / (R T)) is constant and alpha_dot = k (1 - alpha) gives
1 - alpha(t) = (1 - alpha0) exp(-k t). Backward Euler with a uniform step dt,
alpha_n - alpha_n-1 = dt k (1 - alpha_n), is the recurrence 1 - alpha_n = (1 - alpha_n-1) / (1 + k dt),
i.e. 1 - alpha_n = (1 - alpha0) (1 + k dt)^-n exactly: the driver's result must match it to 1e-6,
and it stays within the first-order bound of the exponential,
0 <= 1/(1+x) - exp(-x) <= x^2/2 for 0 <= x <= 1, so |(1+x)^-n - exp(-n x)| <= n x^2/2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import neml2

INPUT = Path(__file__).with_name("first_order_reaction.i")
NSTEP = 100
T_END = 2.0
DT = T_END / NSTEP
K0, Q, R = 10.0, 5000.0, 8.314
TEMPERATURES = torch.tensor([500.0, 600.0, 700.0], dtype=torch.float64)
ALPHA0 = torch.tensor([0.0, 0.1, 0.3], dtype=torch.float64)
TOL = 1e-6


@pytest.fixture(scope="module")
def result() -> dict[str, torch.Tensor]:
    driver = neml2.load_input(INPUT).get_driver("reaction_history")
    with torch.no_grad():
        assert driver.run()
    return driver.result()


def _history(result: dict[str, torch.Tensor], var: str) -> torch.Tensor:
    """(NSTEP, nbatch): the output ``var`` at steps 1..NSTEP."""
    return torch.stack([result[f"output.{n}.{var}"].reshape(-1) for n in range(1, NSTEP + 1)])


def _k() -> torch.Tensor:
    return K0 * torch.exp(-Q / (R * TEMPERATURES))


def test_backward_euler_recurrence(result: dict[str, torch.Tensor]) -> None:
    """The exact backward-Euler solution, stepped one recurrence at a time and in closed form."""
    k = _k()
    alpha = _history(result, "alpha")
    u, want = 1 - ALPHA0, []
    for _ in range(NSTEP):
        u = u / (1 + k * DT)  # alpha_n - alpha_n-1 = dt k (1 - alpha_n)
        want.append(1 - u)
    want_t = torch.stack(want)
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None]
    torch.testing.assert_close(want_t, 1 - (1 - ALPHA0) * (1 + k * DT) ** -n, rtol=1e-13, atol=1e-13)
    torch.testing.assert_close(alpha, want_t, rtol=TOL, atol=TOL)
    # the post-solve rate is k (1 - alpha_n), and the update is alpha_n = alpha_n-1 + dt alpha_dot_n
    rate = _history(result, "alpha_rate")
    torch.testing.assert_close(rate, k * (1 - want_t), rtol=TOL, atol=TOL)
    previous = torch.cat([ALPHA0[None], alpha[:-1]])
    torch.testing.assert_close(alpha, previous + DT * rate, rtol=TOL, atol=TOL)


def test_within_the_error_bound_of_the_exponential(result: dict[str, torch.Tensor]) -> None:
    """|alpha_n - (1 - (1 - alpha0) exp(-k t_n))| <= (1 - alpha0) n (k dt)^2 / 2 (k dt <= 1 here)."""
    k = _k()
    assert (k * DT <= 1).all()
    alpha = _history(result, "alpha")
    n = torch.arange(1, NSTEP + 1, dtype=torch.float64)[:, None]
    exact = 1 - (1 - ALPHA0) * torch.exp(-k * n * DT)
    bound = (1 - ALPHA0) * n * (k * DT) ** 2 / 2 + TOL
    err = (alpha - exact).abs()
    assert (err <= bound).all(), f"max error {err.max().item():.3e}"
    # the scheme converges: backward Euler lags the exponential (1/(1+x) >= exp(-x))
    assert (alpha - exact <= TOL).all()


def test_initial_conditions_and_times(result: dict[str, torch.Tensor]) -> None:
    torch.testing.assert_close(result["input.1.alpha~1"].reshape(-1), ALPHA0)
    t = torch.stack([result[f"input.{n}.t"].reshape(-1) for n in range(NSTEP + 1)])
    torch.testing.assert_close(t[1:] - t[:-1], torch.full_like(t[1:], DT), rtol=0, atol=1e-14)
