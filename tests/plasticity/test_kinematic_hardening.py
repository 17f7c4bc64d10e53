"""Frederick-Armstrong / Chaboche back stress under monotonic uniaxial loading: saturation values.

The loading is the isochoric strain e diag(1, -1/2, -1/2): J2 plasticity is pressure insensitive, so the
deviatoric response is that of uniaxial stress.  The flow direction is then the constant unit tensor
n = diag(1, -1/2, -1/2) / sqrt(3/2) and every tensor stays along n.
"""

from __future__ import annotations

import math

import torch
from plasticity_helpers import SQRT23, deviatoric_uniaxial, load, run_history, von_mises

SY, C, G_RECOVERY = 100.0, 20000.0, 100.0
N_HAT = torch.tensor([1.0, -0.5, -0.5, 0, 0, 0], dtype=torch.float64) / math.sqrt(1.5)


def _monotonic(name: str, e_max: float, n: int, t_max: float, overrides: list[str] | None = None) -> list[dict]:
    m = load(name, overrides).get_model("model")
    t = torch.linspace(0, t_max, n, dtype=torch.float64)[:, None]
    strain = deviatoric_uniaxial(torch.linspace(0, e_max, n, dtype=torch.float64))[:, None]
    return run_history(m, t, {"strain": strain})


def test_frederick_armstrong_back_stress_saturates() -> None:
    """X -> 2/3 (C/g) n: von Mises norm sqrt(2/3) C/g = 163.299..., and the flow stress (von Mises) ->
    sigma_y + sqrt(2/3) C/g, which is the uniaxial saturated stress of this convention."""
    history = _monotonic("fredrick_armstrong.i", 0.5, 41, 1.0)
    X = history[-1]["back_stress"].data.detach()[0]
    torch.testing.assert_close(X, 2.0 / 3.0 * C / G_RECOVERY * N_HAT, rtol=1e-12, atol=1e-10)
    assert abs(von_mises(X).item() - SQRT23 * C / G_RECOVERY) < 1e-9
    stress = history[-1]["stress"].data.detach()[0]
    assert abs(von_mises(stress).item() - (SY + SQRT23 * C / G_RECOVERY)) < 1e-9
    # the early response is far from saturation (it really evolves)
    assert von_mises(history[0]["back_stress"].data.detach()[0]).item() < 0.75 * SQRT23 * C / G_RECOVERY


def test_frederick_armstrong_backward_euler_transient() -> None:
    """While plastic, X_{n+1} = (X_n + 2/3 C dgamma n) / (1 + g dgamma): the discrete transient in closed form."""
    history = _monotonic("fredrick_armstrong.i", 0.05, 51, 1.0)
    x_prev = torch.zeros(6, dtype=torch.float64)
    ep_prev = torch.zeros(6, dtype=torch.float64)
    checked = 0
    for h in history:
        dgamma = torch.linalg.vector_norm(h["plastic_strain"].data.detach()[0] - ep_prev).item()
        want = (x_prev + 2.0 / 3.0 * C * dgamma * N_HAT) / (1 + G_RECOVERY * dgamma)
        got = h["back_stress"].data.detach()[0]
        torch.testing.assert_close(got, want, rtol=1e-10, atol=1e-9)
        checked += dgamma > 0
        x_prev, ep_prev = got, h["plastic_strain"].data.detach()[0]
    assert checked > 40


def _steady_state(A: float, a: float, rate: float) -> float:
    """|X| solving rate (2/3 C - g x) = A x^(a-1) x (static recovery in the Mandel norm), by bisection."""
    lo, hi = 0.0, 2.0 / 3.0 * C / G_RECOVERY
    for _ in range(200):
        x = 0.5 * (lo + hi)
        if rate * (2.0 / 3.0 * C - G_RECOVERY * x) > A * x ** (a - 1) * x:
            lo = x
        else:
            hi = x
    return 0.5 * (lo + hi)


def test_chaboche_static_recovery_steady_state() -> None:
    """At a constant strain rate the stress saturates, so the plastic strain rate equals the total
    deviatoric strain rate: gamma_dot = |dev eps_dot| = sqrt(3/2) e_dot, and the back stress settles where
    hardening balances dynamic plus static recovery (below the Frederick-Armstrong value 2/3 C/g)."""
    A, a = 1e-4, 2.5
    e_max, t_max = 0.3, 30.0
    history = _monotonic("chaboche.i", e_max, 61, t_max)
    gamma_dot = math.sqrt(1.5) * e_max / t_max
    x = _steady_state(A, a, gamma_dot)
    assert x < 0.95 * 2.0 / 3.0 * C / G_RECOVERY
    X = history[-1]["back_stress"].data.detach()[0]
    torch.testing.assert_close(X, x * N_HAT, rtol=1e-9, atol=1e-9)
    torch.testing.assert_close(history[-1]["flow_rate"].data.detach()[0].item(), gamma_dot, rtol=1e-9, atol=0.0)
    # slower loading -> more static recovery -> a smaller back stress
    slow = _monotonic("chaboche.i", e_max, 61, 10 * t_max)
    x_slow = _steady_state(A, a, gamma_dot / 10)
    torch.testing.assert_close(slow[-1]["back_stress"].data.detach()[0], x_slow * N_HAT, rtol=1e-9, atol=1e-9)
    assert x_slow < x - 10
