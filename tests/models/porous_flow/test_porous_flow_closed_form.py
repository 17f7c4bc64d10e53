"""The porous-flow chain of docs/modules/porous_flow.md against its closed forms, written out here
independently (plain floats and ``math``), over ranges of inputs, to 1e-10:

- fluid fraction phi -> EffectiveSaturation -> BrooksCoreyCapillaryPressure / VanGenuchtenCapillaryPressure
  (composed as the page documents), with the log-linear extension below S_p: ln P_c continues as
  its tangent line at S_p, so P_c and dP_c/dS are continuous there;
- the three porosity-permeability laws over a range of porosities.
"""

from __future__ import annotations

import math

import pytest
import torch

import neml2
from neml2.errors import InputError
from neml2.types import Scalar

SR, PHI_MAX = 0.05, 0.45
PT, P = 2.3, 0.7  # Brooks-Corey
A, M = 1.5, 0.6  # van Genuchten
SP = 0.1


def _load(body: str, name: str = "m") -> neml2.Model:
    return neml2.load_string(f"[Models]\n{body}\n[]\n").get_model(name)


def _chain(capillary: str) -> neml2.Model:
    return _load(
        f"""
  [se]
    type = EffectiveSaturation
    residual_saturation = {SR}
    max_fraction = {PHI_MAX}
    fluid_fraction = 'phi'
    effective_saturation = 'S'
  []
  [pc]
    {capillary}
    log_extension = true
    transition_saturation = {SP}
    effective_saturation = 'S'
    capillary_pressure = 'Pc'
  []
  [m]
    type = ComposedModel
    models = 'se pc'
  []""",
    )


def _eval(model: neml2.Model, name: str, values: list[float]) -> list[float]:
    x = Scalar(torch.tensor(values, dtype=torch.float64))
    out = model.call_by_name({name: x})
    (y,) = out.values()
    return y.data.tolist()


def _effective(phi: float) -> float:
    return (phi / PHI_MAX - SR) / (1.0 - SR)


def _bc(s: float) -> float:
    """Brooks-Corey with the log-linear extension: ln P_c = ln P_c(S_p) - (S - S_p) / (p S_p) below S_p."""
    if s >= SP:
        return PT * s ** (-1.0 / P)
    return PT * SP ** (-1.0 / P) * math.exp(-(s - SP) / (P * SP))


def _vg_plain(s: float) -> float:
    return A * (s ** (-1.0 / M) - 1.0) ** (1.0 - M)


def _vg(s: float) -> float:
    """van Genuchten with the log-linear extension; d ln P_c / dS at S_p by the chain rule:
    ln P_c = ln a + (1 - m) ln(S^(-1/m) - 1)  ->  (1 - m) (-1/m) S^(-1/m - 1) / (S^(-1/m) - 1)."""
    if s >= SP:
        return _vg_plain(s)
    slope = (1.0 - M) * (-1.0 / M) * SP ** (-1.0 / M - 1.0) / (SP ** (-1.0 / M) - 1.0)
    return _vg_plain(SP) * math.exp(slope * (s - SP))


PHIS = [PHI_MAX * (SR + (1.0 - SR) * s) for s in [0.005 * k for k in range(1, 200)]]  # S_e in (0, 1)


@pytest.mark.parametrize(
    ("capillary", "closed_form"),
    [
        (f"type = BrooksCoreyCapillaryPressure\n    threshold_pressure = {PT}\n    exponent = {P}", _bc),
        (f"type = VanGenuchtenCapillaryPressure\n    a = {A}\n    m = {M}", _vg),
    ],
    ids=["BrooksCorey", "VanGenuchten"],
)
def test_fluid_fraction_to_capillary_pressure(capillary: str, closed_form) -> None:  # noqa: ANN001
    got = _eval(_chain(capillary), "phi", PHIS)
    for phi, pc in zip(PHIS, got, strict=True):
        want = closed_form(_effective(phi))
        assert pc == pytest.approx(want, rel=1e-10, abs=1e-12), f"phi = {phi}"


def test_effective_saturation_range() -> None:
    m = _load(
        f"  [m]\n    type = EffectiveSaturation\n    residual_saturation = {SR}\n    max_fraction = {PHI_MAX}\n  []"
    )
    phis = [PHI_MAX * SR, *PHIS, PHI_MAX]
    got = _eval(m, "fluid_fraction", phis)
    for phi, s in zip(phis, got, strict=True):
        assert s == pytest.approx(_effective(phi), rel=1e-10, abs=1e-12)
    assert got[0] == pytest.approx(0.0, abs=1e-12) and got[-1] == pytest.approx(1.0, rel=1e-12)


@pytest.mark.parametrize("capillary", ["BrooksCorey", "VanGenuchten"])
def test_log_extension_is_c1_at_transition(capillary: str) -> None:
    """Value and slope of P_c agree on both sides of S_p (autograd of the model)."""
    params = f"threshold_pressure = {PT}\n    exponent = {P}" if capillary == "BrooksCorey" else f"a = {A}\n    m = {M}"
    m = _load(
        f"  [m]\n    type = {capillary}CapillaryPressure\n    {params}\n"
        f"    log_extension = true\n    transition_saturation = {SP}\n  []"
    )
    h = 1e-9
    s = torch.tensor([SP - h, SP + h], dtype=torch.float64, requires_grad=True)
    (pc,) = m.call_by_name({"effective_saturation": Scalar(s)}).values()
    (g,) = torch.autograd.grad(pc.data.sum(), s)
    assert pc.data[0].item() == pytest.approx(pc.data[1].item(), rel=1e-7)
    assert g[0].item() == pytest.approx(g[1].item(), rel=1e-6)


K0, PHI0 = 3e-12, 0.25
POROSITIES = [0.02 * k for k in range(1, 49)]


@pytest.mark.parametrize(
    ("block", "closed_form"),
    [
        (
            "type = PowerLawPermeability\n    exponent = 3.5",
            lambda phi: K0 * (phi / PHI0) ** 3.5,
        ),
        (
            "type = ExponentialLawPermeability\n    scale = 7.0",
            lambda phi: K0 * math.exp(-7.0 * (phi - PHI0)),
        ),
        (
            "type = KozenyCarmanPermeability\n    n = 3\n    m = 2",
            lambda phi: K0 * (phi / (1.0 - phi)) ** 3 / (PHI0 / (1.0 - PHI0)) ** 2,
        ),
    ],
    ids=["PowerLaw", "ExponentialLaw", "KozenyCarman"],
)
def test_permeability_laws(block: str, closed_form) -> None:  # noqa: ANN001
    m = _load(f"  [m]\n    {block}\n    reference_permeability = {K0}\n    reference_porosity = {PHI0}\n  []")
    got = _eval(m, "porosity", POROSITIES)
    for phi, k in zip(POROSITIES, got, strict=True):
        assert k == pytest.approx(closed_form(phi), rel=1e-10, abs=0.0), f"phi = {phi}"


@pytest.mark.parametrize("sp", ["0", "1", "-0.2"])
def test_log_extension_needs_a_transition_in_the_unit_interval(sp: str) -> None:
    body = (
        "  [m]\n    type = BrooksCoreyCapillaryPressure\n    threshold_pressure = 1\n    exponent = 2\n"
        f"    log_extension = true\n    transition_saturation = {sp}\n  []"
    )
    with pytest.raises(InputError, match=r"transition_saturation must lie in \(0, 1\)"):
        _load(body)
