"""Crystal-plasticity slip-system leaves (PowerLawSlipRule, SingleSlipStrengthMap, SumSlipRates,
DislocationObstacleStrengthMap, PerSlipForestDislocationEvolution): values against the equations
written here in plain torch, tangents against torch autograd (torch.func.jvp of those equations),
batch 3, nslip 12 (per-system variables carry the slip systems as a sub-batch axis)."""

from __future__ import annotations

import pytest
import torch

import neml2
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import CubicCrystal
from neml2.models.solid_mechanics.crystal_plasticity.dislocation_obstacle_strength_map import (
    DislocationObstacleStrengthMap,
)
from neml2.models.solid_mechanics.crystal_plasticity.per_slip_forest_dislocation_evolution import (
    PerSlipForestDislocationEvolution,
)
from neml2.models.solid_mechanics.crystal_plasticity.power_law_slip_rule import PowerLawSlipRule
from neml2.models.solid_mechanics.crystal_plasticity.single_slip_strength_map import SingleSlipStrengthMap
from neml2.models.solid_mechanics.crystal_plasticity.sum_slip_rates import SumSlipRates
from neml2.types import MillerIndex, Scalar


@pytest.fixture(autouse=True)
def _float64_default() -> object:
    """torch.tensor literals in this module are float64; the global default is restored after."""
    saved = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(saved)


B, N = 3, 12


def _crystal() -> CubicCrystal:
    return CubicCrystal(
        lattice_parameter=1.0,
        slip_directions=MillerIndex(torch.tensor([1, 1, 0])),
        slip_planes=MillerIndex(torch.tensor([1, 1, 1])),
    )


def _rand(seed: int, lo: float, hi: float, shape: tuple[int, ...] = (B, N)) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return lo + (hi - lo) * torch.rand(*shape, generator=g, dtype=torch.float64)


def _sb(x: torch.Tensor) -> Scalar:
    return Scalar(x, sub_batch_ndim=1)


def _check_jvp(model: object, names: list[str], xs: list[torch.Tensor], out: str, ref: object, sub: list[bool]) -> None:
    ts = [_rand(40 + i, -1.0, 1.0, x.shape) for i, x in enumerate(xs)]
    wrap = [(_sb if s else Scalar) for s in sub]
    _, t = model.jvp(
        {n: w(x) for n, w, x in zip(names, wrap, xs)},
        {n: w(x) for n, w, x in zip(names, wrap, ts)},
    )
    _, expect = torch.func.jvp(ref, tuple(xs), tuple(ts))
    torch.testing.assert_close(t[out].data, expect)


def test_power_law_slip_rule() -> None:
    gamma0, n = 2e-1, 8.0
    m = PowerLawSlipRule(gamma0=gamma0, n=n)
    tau = _rand(1, -80.0, 80.0)
    tau_bar = _rand(2, 40.0, 60.0)

    def ref(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return gamma0 * torch.sign(a) * torch.abs(a / b) ** n

    y = m(_sb(tau), _sb(tau_bar))
    assert y.data.shape == (B, N) and y.sub_batch_ndim == 1
    torch.testing.assert_close(y.data, ref(tau, tau_bar))
    # one entry by hand: tau = 50, tau_bar = 50 gives gamma0; tau = -100, tau_bar = 50 gives -gamma0 2^8
    y1 = m(_sb(torch.tensor([[50.0, -100.0]])), _sb(torch.tensor([[50.0, 50.0]])))
    torch.testing.assert_close(y1.data, torch.tensor([[0.2, -0.2 * 256.0]]))
    _check_jvp(m, ["resolved_shears", "slip_strengths"], [tau, tau_bar], "slip_rates", ref, [True, True])


def test_single_slip_strength_map() -> None:
    m = SingleSlipStrengthMap(constant_strength=180.0, crystal_geometry=_crystal())
    tau_hat = _rand(3, 0.0, 100.0, (B,))

    def ref(a: torch.Tensor) -> torch.Tensor:
        return (a + 180.0)[:, None].expand(B, N)

    y = m(Scalar(tau_hat))
    assert y.data.shape == (B, N) and y.sub_batch_ndim == 1
    torch.testing.assert_close(y.data, ref(tau_hat))
    _check_jvp(m, ["slip_hardening"], [tau_hat], "slip_strengths", ref, [False])


def test_single_slip_strength_map_from_input() -> None:
    f = neml2.load_string(
        "[Data]\n  [crystal_geometry]\n    type = CubicCrystal\n    lattice_parameter = 1.0\n"
        "    slip_directions = '1 1 0'\n    slip_planes = '1 1 1'\n  []\n[]\n"
        "[Models]\n  [m]\n    type = SingleSlipStrengthMap\n    constant_strength = 50.0\n  []\n[]\n"
    )
    m = f.get_model("m")
    y = m(Scalar(torch.tensor([1.0, 2.0, 3.0])))
    torch.testing.assert_close(y.data, torch.tensor([51.0, 52.0, 53.0])[:, None].expand(B, N))


def test_sum_slip_rates() -> None:
    m = SumSlipRates()
    g = _rand(4, -0.5, 0.5)

    def ref(a: torch.Tensor) -> torch.Tensor:
        return torch.abs(a).sum(-1)

    y = m(_sb(g))
    assert y.data.shape == (B,) and y.sub_batch_ndim == 0
    torch.testing.assert_close(y.data, ref(g))
    y1 = m(_sb(torch.tensor([[0.1, -0.2, 0.3]])))
    torch.testing.assert_close(y1.data, torch.tensor([0.6]))
    _check_jvp(m, ["slip_rates"], [g], "sum_slip_rates", ref, [True])


def test_dislocation_obstacle_strength_map() -> None:
    m = DislocationObstacleStrengthMap(constant_strength=50.0, alpha=0.3, mu=1000.0, b=0.25)
    rho = _rand(5, 1.0, 10.0)

    def ref(a: torch.Tensor) -> torch.Tensor:
        return 50.0 + 0.3 * 1000.0 * 0.25 * torch.sqrt(a)

    y = m(_sb(rho))
    assert y.data.shape == (B, N) and y.sub_batch_ndim == 1
    torch.testing.assert_close(y.data, ref(rho))
    # by hand: rho = 4 gives 50 + 75 * 2 = 200
    torch.testing.assert_close(m(_sb(torch.tensor([[4.0]]))).data, torch.tensor([[200.0]]))
    _check_jvp(m, ["dislocation_density"], [rho], "slip_strengths", ref, [True])


def test_per_slip_forest_dislocation_evolution() -> None:
    m = PerSlipForestDislocationEvolution(k1=3.0, k2=0.5)
    rho = _rand(6, 1.0, 10.0)
    g = _rand(7, -0.5, 0.5)

    def ref(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return (3.0 * torch.sqrt(a) - 0.5 * a) * torch.abs(b)

    assert list(m.output_spec) == ["dislocation_density_rate"]
    assert list(PerSlipForestDislocationEvolution(k1=3.0, k2=0.5, dislocation_density="rho").output_spec) == [
        "rho_rate"
    ]
    y = m(_sb(rho), _sb(g))
    assert y.data.shape == (B, N) and y.sub_batch_ndim == 1
    torch.testing.assert_close(y.data, ref(rho, g))
    # by hand: rho = 4, gamma_dot = -0.1 gives (3 * 2 - 0.5 * 4) * 0.1 = 0.4
    torch.testing.assert_close(m(_sb(torch.tensor([[4.0]])), _sb(torch.tensor([[-0.1]]))).data, torch.tensor([[0.4]]))
    _check_jvp(m, ["dislocation_density", "slip_rates"], [rho, g], "dislocation_density_rate", ref, [True, True])
