"""Phase-field fracture (phase_field_fracture.md) against closed forms.

- The degradation functions g(d) = (1 - d)^p (1 - eta) + eta and
  g(d) = (1 - d)^p / ((1 - d)^p + b1 d (1 + b2 d + b2 b3 d^2)) (1 - eta) + eta on a grid of d
  (g(0) = 1, g(1) = eta), and the crack geometric functions alpha = d (AT1), d^2 (AT2).
- The strain energy density split on random strains, from the full 3x3 strain:
  NONE: psi_active = lambda/2 tr^2 + mu E : E, psi_inactive = 0; VOLDEV: psi_active =
  K/2 <tr>_+^2 + mu dev : dev, psi_inactive = K/2 <tr>_-^2 (the two parts add up to the NONE energy).
- A homogeneous bar in uniaxial strain E = eps diag(1, 0, 0) (homogeneous_bar.i: the documented
  AT-2 / p = 2 / VOLDEV composition). With G = G_c / (c_0 l) and psi_a(eps) the active energy
  (tension: (lambda/2 + mu) eps^2; compression: mu (2/3) eps^2), the KKT functional is
  f = eta d_dot + 2 G d - 2 (1 - d) psi_a. Under monotonic loading d grows (d_dot > 0, f = 0):
    eta = 0:  d = psi_a / (psi_a + G), exact at every step (no time-discretization error);
    eta > 0:  backward Euler, eta (d_n - d_n-1) / dt + 2 G d_n - 2 (1 - d_n) psi_a,n = 0,
              d_n = (eta d_n-1 / dt + 2 psi_a,n) / (eta / dt + 2 G + 2 psi_a,n) (kept >= d_n-1);
  the stress S = (1 - d)^2 dpsi_a/dE + dpsi_i/dE: tension S11 = (1 - d)^2 (lambda + 2 mu) eps,
  S22 = S33 = (1 - d)^2 lambda eps; compression S11 = (1 - d)^2 (4/3) mu eps + K eps,
  S22 = S33 = -(1 - d)^2 (2/3) mu eps + K eps. All to 1e-6.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import SR2, Scalar

BAR = Path(__file__).with_name("homogeneous_bar.i")
TOL = 1e-6
NSTEP = 100
DT = 1.0 / NSTEP
LAM, MU = 0.4, 0.4  # E = 1, nu = 0.25
K = LAM + 2 * MU / 3
G = 0.01  # GcbylbyCo
ETA = 0.01
EPS_MAX = torch.tensor([0.3, 0.5, -0.4], dtype=torch.float64)


def _model(body: str) -> neml2.models.model.Model:
    return neml2.load_string(f"[Models]\n [m]\n {body}\n []\n[]\n").get_model("m")


def _grid() -> torch.Tensor:
    return torch.linspace(0.0, 1.0, 21, dtype=torch.float64)


def test_power_degradation_function() -> None:
    m = _model("type = PowerDegradationFunction\n power = 2.5\n eta = 1e-3")
    d = _grid()
    with torch.no_grad():
        g = m(Scalar(d)).data
    torch.testing.assert_close(g, (1 - d) ** 2.5 * (1 - 1e-3) + 1e-3, rtol=TOL, atol=TOL)
    assert abs(g[0].item() - 1) < 1e-14 and abs(g[-1].item() - 1e-3) < 1e-14


def test_rational_degradation_function() -> None:
    m = _model("type = RationalDegradationFunction\n power = 2\n b1 = 1.5\n b2 = -0.5\n b3 = 0.2\n eta = 1e-4")
    d = _grid()
    with torch.no_grad():
        g = m(Scalar(d)).data
    Q = 1.5 * d * (1 - 0.5 * d - 0.5 * 0.2 * d * d)
    want = (1 - d) ** 2 / ((1 - d) ** 2 + Q) * (1 - 1e-4) + 1e-4
    torch.testing.assert_close(g, want, rtol=TOL, atol=TOL)
    assert abs(g[0].item() - 1) < 1e-14 and abs(g[-1].item() - 1e-4) < 1e-14


def test_crack_geometric_functions() -> None:
    d = _grid()
    with torch.no_grad():
        a1 = _model("type = CrackGeometricFunctionAT1")(Scalar(d)).data
        a2 = _model("type = CrackGeometricFunctionAT2")(Scalar(d)).data
    torch.testing.assert_close(a1, d, rtol=0, atol=1e-15)
    torch.testing.assert_close(a2, d * d, rtol=0, atol=1e-15)


@pytest.mark.parametrize("decomposition", ["NONE", "VOLDEV"])
def test_strain_energy_split(decomposition: str) -> None:
    """Random strains (half of them with tr E < 0) against the full-matrix energies."""
    torch.manual_seed(7)
    full = torch.randn(40, 3, 3, dtype=torch.float64) * 0.01
    full = 0.5 * (full + full.transpose(-1, -2))
    m = _model(
        "type = LinearIsotropicStrainEnergyDensity\n coefficients = '1 0.25'\n"
        f" coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n decomposition = {decomposition}"
    )
    with torch.no_grad():
        act, inact = m(SR2.from_full(full))
    tr = full.diagonal(dim1=-2, dim2=-1).sum(-1)
    dev = full - tr[:, None, None] / 3 * torch.eye(3, dtype=torch.float64)
    total = LAM / 2 * tr**2 + MU * (full * full).sum((-2, -1))
    assert (tr < 0).any() and (tr > 0).any()
    if decomposition == "NONE":
        want_a, want_i = total, torch.zeros_like(total)
    else:
        want_a = K / 2 * tr.clamp(min=0) ** 2 + MU * (dev * dev).sum((-2, -1))
        want_i = K / 2 * tr.clamp(max=0) ** 2
    torch.testing.assert_close(act.data, want_a, rtol=TOL, atol=1e-12)
    torch.testing.assert_close(inact.data, want_i, rtol=TOL, atol=1e-12)
    torch.testing.assert_close(act.data + inact.data, total, rtol=TOL, atol=1e-12)


# ---------------------------------------------------------------- the homogeneous bar
@pytest.fixture(scope="module")
def bar() -> neml2.factory.InputFile:
    return neml2.load_input(BAR)


def _run(bar: neml2.factory.InputFile, name: str) -> dict[str, torch.Tensor]:
    driver = bar.get_driver(name)
    with torch.no_grad():
        assert driver.run()
    return driver.result()


def _history(result: dict[str, torch.Tensor], var: str) -> torch.Tensor:
    return torch.stack([result[f"output.{n}.{var}"] for n in range(1, NSTEP + 1)])


def _strain() -> torch.Tensor:
    """(NSTEP, nbatch): eps at steps 1..NSTEP."""
    t = torch.linspace(0, 1, NSTEP + 1, dtype=torch.float64)[1:, None]
    return t * EPS_MAX


def _active(eps: torch.Tensor) -> torch.Tensor:
    return torch.where(eps > 0, (LAM / 2 + MU) * eps**2, MU * 2 / 3 * eps**2)


def _stress(eps: torch.Tensor, d: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    g = (1 - d) ** 2
    s11 = torch.where(eps > 0, g * (LAM + 2 * MU) * eps, g * 4 / 3 * MU * eps + K * eps)
    s22 = torch.where(eps > 0, g * LAM * eps, -g * 2 / 3 * MU * eps + K * eps)
    return s11, s22


def _check_stress(r: dict[str, torch.Tensor], eps: torch.Tensor, d: torch.Tensor) -> None:
    S = _history(r, "S")  # Mandel components; the shear ones vanish
    s11, s22 = _stress(eps, d)
    torch.testing.assert_close(S[..., 0], s11, rtol=TOL, atol=TOL)
    torch.testing.assert_close(S[..., 1], s22, rtol=TOL, atol=TOL)
    torch.testing.assert_close(S[..., 2], s22, rtol=TOL, atol=TOL)
    torch.testing.assert_close(S[..., 3:], torch.zeros_like(S[..., 3:]), rtol=0, atol=1e-12)


def test_bar_rate_independent(bar: neml2.factory.InputFile) -> None:
    """eta = 0: d = psi_a / (psi_a + G) at every step (tension and compression)."""
    r = _run(bar, "rate_independent")
    eps = _strain()
    psi_a = _active(eps)
    d = _history(r, "d")
    want = psi_a / (psi_a + G)
    torch.testing.assert_close(d, want, rtol=TOL, atol=TOL)
    assert (d[1:] >= d[:-1]).all()  # monotonic loading: irreversibility is not active
    _check_stress(r, eps, want)


def test_bar_viscous(bar: neml2.factory.InputFile) -> None:
    """eta > 0: the backward-Euler recurrence; it lags the rate-independent solution."""
    r = _run(bar, "viscous")
    eps = _strain()
    psi_a = _active(eps)
    d_prev, want = torch.zeros(3, dtype=torch.float64), []
    for n in range(NSTEP):
        d_n = (ETA * d_prev / DT + 2 * psi_a[n]) / (ETA / DT + 2 * G + 2 * psi_a[n])
        d_prev = torch.maximum(d_prev, d_n)
        want.append(d_prev)
    want_t = torch.stack(want)
    d = _history(r, "d")
    torch.testing.assert_close(d, want_t, rtol=TOL, atol=TOL)
    assert (d <= psi_a / (psi_a + G) + TOL).all()
    _check_stress(r, eps, want_t)
