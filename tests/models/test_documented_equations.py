"""Leaves against the equations of the documented theory pages (docs/modules/solid_mechanics/
elasticity.md, plasticity.md), each computed here independently on Mandel 6-vectors.

Where the page and the documented package's results disagree, the results win and the test says so:
YieldFunction carries the factor sqrt(2/3) that the page's ``f = s - sigma_y - k`` leaves out (the
spec's j2_viscoplasticity.gold.pt, a Perzyna case, is off by 20% without it).
"""

from __future__ import annotations

import math

import pytest
import torch

import neml2
from neml2.types import Scalar

N = 7
EYE = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0, 0.0], dtype=torch.float64)


def _tr(x: torch.Tensor) -> torch.Tensor:
    return x[..., :3].sum(-1, keepdim=True)


def _dev(x: torch.Tensor) -> torch.Tensor:
    return x - _tr(x) / 3 * EYE


def _vonmises(x: torch.Tensor) -> torch.Tensor:
    """sqrt(3 J2), J2 = dev x : dev x / 2 (the Mandel inner product is the full contraction)."""
    d = _dev(x)
    return (1.5 * (d * d).sum(-1, keepdim=True)).sqrt()


@pytest.fixture()
def rng() -> torch.Generator:
    return torch.Generator().manual_seed(3)


def _sr2(rng: torch.Generator, scale: float = 1.0) -> torch.Tensor:
    return scale * (2 * torch.rand(N, 6, generator=rng, dtype=torch.float64) - 1)


def _scalar(rng: torch.Generator, lo: float, hi: float) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(N, 1, generator=rng, dtype=torch.float64)


def _model(body: str, name: str = "m") -> neml2.Model:
    return neml2.load_string(f"[Models]\n{body}\n[]\n").get_model(name)


def _run(model: neml2.Model, **inputs: torch.Tensor) -> dict[str, torch.Tensor]:
    wrap = {n: Scalar(inputs[n][..., 0]) if t is Scalar else t(inputs[n]) for n, t in model.input_spec.items()}
    out = model.call_by_name(wrap)
    return {k: (v.data[..., None] if isinstance(v, Scalar) else v.data) for k, v in out.items()}


# ------------------------------------------------------------------ elasticity.md
E, NU = 2.1e5, 0.27
K, G = E / (3 * (1 - 2 * NU)), E / (2 * (1 + NU))
_ELASTIC = f"coefficients = '{E} {NU}'\n    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'"


def test_isotropic_elasticity_volumetric_deviatoric_split(rng: torch.Generator) -> None:
    """sigma = 3K vol(eps) + 2G dev(eps), K = E / (3 (1 - 2 nu)), G = E / (2 (1 + nu))."""
    eps = _sr2(rng, 1e-3)
    m = _model(f"  [m]\n    type = LinearIsotropicElasticity\n    {_ELASTIC}\n  []")
    expected = 3 * K * _tr(eps) / 3 * EYE + 2 * G * _dev(eps)
    torch.testing.assert_close(_run(m, strain=eps)["stress"], expected, rtol=1e-12, atol=1e-9)


def test_isotropic_elasticity_compliance_and_rate_form(rng: torch.Generator) -> None:
    """compliance = true inverts the map; rate_form = true relates strain_rate and stress_rate."""
    sig = _sr2(rng, 100.0)
    m = _model(f"  [m]\n    type = LinearIsotropicElasticity\n    compliance = true\n    {_ELASTIC}\n  []")
    expected = _tr(sig) / 3 * EYE / (3 * K) + _dev(sig) / (2 * G)
    torch.testing.assert_close(_run(m, stress=sig)["strain"], expected, rtol=1e-12, atol=1e-15)
    m = _model(f"  [m]\n    type = LinearIsotropicElasticity\n    rate_form = true\n    {_ELASTIC}\n  []")
    assert (list(m.input_spec), list(m.output_spec)) == (["strain_rate"], ["stress_rate"])
    rate = _run(m, strain_rate=sig * 1e-5)["stress_rate"]
    torch.testing.assert_close(rate, 3 * K * _tr(sig * 1e-5) / 3 * EYE + 2 * G * _dev(sig * 1e-5))


# ------------------------------------------------------------------ plasticity.md
def test_von_mises_effective_stress(rng: torch.Generator) -> None:
    """sigma_bar = sqrt(3 J2), J2 = dev(Xi) : dev(Xi) / 2."""
    x = _sr2(rng, 100.0)
    m = _model("  [m]\n    type = SR2Invariant\n    invariant_type = VONMISES\n  []")
    torch.testing.assert_close(_run(m, tensor=x)["invariant"], _vonmises(x))


def test_yield_function(rng: torch.Generator) -> None:
    """f = sqrt(2/3) (sigma_bar - sigma_y - k): the page's form times the package's constant factor."""
    s, k = _scalar(rng, 0.0, 300.0), _scalar(rng, 0.0, 50.0)
    m = _model("  [m]\n    type = YieldFunction\n    yield_stress = 100\n    isotropic_hardening = k\n  []")
    torch.testing.assert_close(_run(m, effective_stress=s, k=k)["yield_function"], math.sqrt(2 / 3) * (s - 100 - k))


def test_perzyna(rng: torch.Generator) -> None:
    """gamma_dot = (<f> / eta)^n, zero inside the yield surface."""
    f = _scalar(rng, -50.0, 50.0)
    m = _model("  [m]\n    type = PerzynaPlasticFlowRate\n    reference_stress = 150\n    exponent = 3.5\n  []")
    torch.testing.assert_close(_run(m, yield_function=f)["flow_rate"], (f.clamp(min=0) / 150) ** 3.5)


def test_min_map_and_fischer_burmeister(rng: torch.Generator) -> None:
    """r = min(gamma_dot, -f) and r = gamma_dot - f - sqrt(gamma_dot^2 + f^2), a_inequality = LE on f."""
    f, g = _scalar(rng, -1.0, 1.0), _scalar(rng, 0.0, 1.0)
    wiring = "    a = yield_function\n    a_inequality = LE\n    b = flow_rate\n  []"
    m = _model(f"  [m]\n    type = MinMapComplementarity\n{wiring}")
    torch.testing.assert_close(_run(m, yield_function=f, flow_rate=g)["complementarity"], torch.minimum(g, -f))
    m = _model(f"  [m]\n    type = FBComplementarity\n{wiring}")
    expected = g - f - (g * g + f * f).sqrt()
    torch.testing.assert_close(_run(m, yield_function=f, flow_rate=g)["complementarity"], expected)


_ASSOCIATIVE = """  [overstress]
    type = SR2LinearCombination
    from = 'mandel_stress back_stress'
    to = 'O'
    weights = '1 -1'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = VONMISES
    tensor = 'O'
    invariant = 'effective_stress'
  []
  [yield_surface]
    type = YieldFunction
    yield_stress = 10
    isotropic_hardening = 'isotropic_hardening'
  []
  [surface]
    type = ComposedModel
    models = 'overstress vonmises yield_surface'
  []
  [normality]
    type = Normality
    model = 'surface'
    function = 'yield_function'
    from = 'mandel_stress back_stress isotropic_hardening'
    to = 'flow_direction kinematic_hardening_direction isotropic_hardening_direction'
  []
  [Ep]
    type = AssociativePlasticFlow
  []
  [Kp]
    type = AssociativeKinematicPlasticHardening
  []
  [ep]
    type = AssociativeIsotropicPlasticHardening
  []
  [m]
    type = ComposedModel
    models = 'normality Ep Kp ep'
  []"""


def test_associative_flow(rng: torch.Generator) -> None:
    """Ep_dot = gamma_dot df/dM, ep_dot = -gamma_dot df/dk and Kp_dot = -gamma_dot df/dX.

    The page writes ``Kp_dot = +gamma_dot df/dX``; with Xi = M - X that would drive the kinematic
    plastic strain against the plastic strain (X = H Kp softening); ours, like its isotropic twin,
    carries the minus sign, so Kp_dot = Ep_dot here."""
    M, X, k, g = _sr2(rng, 100.0), _sr2(rng, 10.0), _scalar(rng, 0.0, 5.0), _scalar(rng, 0.0, 1.0)
    out = _run(_model(_ASSOCIATIVE), mandel_stress=M, back_stress=X, isotropic_hardening=k, flow_rate=g)
    O = M - X
    n = math.sqrt(2 / 3) * 1.5 * _dev(O) / _vonmises(O)  # df/dM, a unit tensor
    torch.testing.assert_close(out["plastic_strain_rate"], g * n)
    torch.testing.assert_close(out["kinematic_plastic_strain_rate"], g * n)
    torch.testing.assert_close(out["equivalent_plastic_strain_rate"], g * math.sqrt(2 / 3))
    torch.testing.assert_close((n * n).sum(-1), torch.ones(N, dtype=torch.float64))


def test_gurson_cavitation(rng: torch.Generator) -> None:
    """phi_dot = (1 - phi) tr(Ep_dot)."""
    Ep, phi = _sr2(rng, 1e-3), _scalar(rng, 0.0, 0.3)
    out = _run(_model("  [m]\n    type = GursonCavitation\n  []"), plastic_strain_rate=Ep, void_fraction=phi)
    torch.testing.assert_close(out["void_fraction_rate"], (1 - phi) * _tr(Ep))


def test_chaboche(rng: torch.Generator) -> None:
    """X_dot = (2/3 C N - g X) gamma_dot - A s^(a-1) X, s = sqrt(X:X + eps) the Mandel norm."""
    N_, X, gam = _sr2(rng, 1.0), _sr2(rng, 50.0), _scalar(rng, 0.0, 1e-3)
    m = _model("  [m]\n    type = ChabochePlasticHardening\n    C = 1e4\n    g = 50\n    A = 1e-6\n    a = 3.2\n  []")
    s = ((X * X).sum(-1, keepdim=True) + torch.finfo(torch.float64).eps).sqrt()
    expected = (2 / 3 * 1e4 * N_ - 50 * X) * gam - 1e-6 * s**2.2 * X
    out = _run(m, flow_rate=gam, flow_direction=N_, back_stress=X)
    torch.testing.assert_close(out["back_stress_rate"], expected, rtol=1e-12, atol=1e-12)
