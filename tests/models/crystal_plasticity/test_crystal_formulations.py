"""The documented crystal-plasticity formulations (docs/modules/solid_mechanics/crystal_plasticity):
``crystal_approximated.i`` (elastic strain, slip hardening and orientation integrated in rate form)
and ``crystal_exact.i`` (slip hardening and the plastic deformation gradient, F = Fe Fp) load from the
docs folder and run through the same rolling history with our implicit update; as the docs show,
the two agree at these small elastic strains. Plus the FCC closed forms: Schmid factors of uniaxial
tension and the rigid rotation of a crystal under pure spin."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch

import neml2
from neml2.models.common.implicit_update import ImplicitUpdate
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import CubicCrystal
from neml2.models.solid_mechanics.crystal_plasticity.resolved_shear import ResolvedShear
from neml2.solvers.newton import Newton
from neml2.types import MRP, R2, SR2, WR2, MillerIndex, Scalar

DOCS = Path(__file__).resolve().parents[3].parent / "shared/spec/docs/modules/solid_mechanics/crystal_plasticity"
F64 = torch.float64
pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="the spec's docs folder is not next to the checkout")


def _update(name: str) -> ImplicitUpdate:
    system = neml2.load_nonlinear_system(DOCS / name, "eq_sys")
    return ImplicitUpdate(equation_system=system, solver=Newton(rel_tol=1e-8, abs_tol=1e-10, max_its=20))


def _step(update: ImplicitUpdate, state: dict, forces: dict) -> dict:
    """One implicit step from ``state`` (also the initial guess) under ``forces``."""
    given = {f"{k}~1": v for k, v in state.items()} | state | forces
    out = update.call_by_name({k: given[k] for k in update.input_spec})
    return {k: out[k] for k in state}


def _rolling(n: int, nt: int, rate: float, strain: float) -> dict[str, torch.Tensor]:
    """Both formulations through the docs' rolling history (+rate along y, -rate along z, no spin)."""
    torch.manual_seed(0)
    times = torch.linspace(0, strain / rate, nt, dtype=F64)
    r0 = MRP.rand(n, dtype=F64)
    D = torch.zeros(n, 6, dtype=F64)
    D[:, 1], D[:, 2] = rate, -rate
    l = torch.diag(torch.tensor([0.0, rate, -rate], dtype=F64))
    approx, exact = _update("crystal_approximated.i"), _update("crystal_exact.i")
    sa = {
        "elastic_strain": SR2(torch.zeros(n, 6, dtype=F64)),
        "slip_hardening": Scalar(torch.zeros(n, dtype=F64)),
        "orientation": r0,
    }
    se = {"tauc": Scalar(torch.zeros(n, dtype=F64)), "Fp": R2(torch.eye(3, dtype=F64).expand(n, 3, 3).clone())}
    F = torch.eye(3, dtype=F64).expand(n, 3, 3)
    Ea, Ee = [], []
    with torch.no_grad():
        for i in range(1, nt):
            t, tn = Scalar(times[i].expand(n)), Scalar(times[i - 1].expand(n))
            F = torch.linalg.matrix_exp(l * (times[i] - times[i - 1])) @ F
            sa = _step(
                approx,
                sa,
                {"t": t, "t~1": tn, "deformation_rate": SR2(D), "vorticity": WR2(torch.zeros(n, 3, dtype=F64))},
            )
            se = _step(exact, se, {"t": t, "t~1": tn, "r": r0, "F": R2(F)})
            # the exact model's elastic strain: Green-Lagrange of the stretch of Fe = F Fp^-1
            _, S, Vh = torch.linalg.svd(F @ torch.linalg.inv(se["Fp"].data))
            Ue = Vh.transpose(-2, -1) @ torch.diag_embed(S) @ Vh
            Ee.append((0.5 * (Ue.transpose(-1, -2) @ Ue - torch.eye(3, dtype=F64))).diagonal(dim1=-2, dim2=-1))
            Ea.append(sa["elastic_strain"].data[:, :3].clone())
    return {
        "Ea": torch.stack(Ea),
        "Ee": torch.stack(Ee),
        "tauc_a": sa["slip_hardening"].data,
        "tauc_e": se["tauc"].data,
        "Fp": se["Fp"].data,
        "dr": (sa["orientation"].data - r0.data).norm(dim=-1),
    }


@pytest.fixture(scope="module")
def rolling() -> dict[str, torch.Tensor]:
    return _rolling(n=4, nt=21, rate=1e-4, strain=0.02)


def test_formulations_agree(rolling: dict[str, torch.Tensor]) -> None:
    """Mean elastic strains and slip hardening of the two formulations agree (docs: 'their averages agree')."""
    Ea, Ee = rolling["Ea"].mean(1), rolling["Ee"].mean(1)
    scale = Ee.abs().max()
    assert 3e-3 < scale < 6e-3  # elastic strains of a yielded crystal: tau_c / E ~ 1e-3 .. 1e-2
    assert (Ea - Ee).abs().max() < 0.02 * scale
    torch.testing.assert_close(rolling["tauc_a"], rolling["tauc_e"], rtol=1e-3, atol=0.0)
    assert (rolling["tauc_a"] > 50.0).all()  # it hardened (Voce, initial slope 2000)


def test_plastic_flow_is_isochoric(rolling: dict[str, torch.Tensor]) -> None:
    """tr(l^p) = 0 for slip: det Fp stays 1 up to the backward-Euler error,
    det (I - dt l^p)^-1 - 1 = O((dt |l^p|)^2) a step."""
    torch.testing.assert_close(torch.linalg.det(rolling["Fp"]), torch.ones(4, dtype=F64), rtol=0.0, atol=5e-5)


def test_lattice_rotates_under_slip(rolling: dict[str, torch.Tensor]) -> None:
    """Without spin the lattice still rotates, by the plastic spin (w - w^p with w = 0)."""
    assert ((rolling["dr"] > 1e-4) & (rolling["dr"] < 0.05)).all()


def _fcc() -> CubicCrystal:
    return CubicCrystal(
        lattice_parameter=1.0,
        slip_directions=MillerIndex(torch.tensor([1, 1, 0])),
        slip_planes=MillerIndex(torch.tensor([1, 1, 1])),
    )


@pytest.mark.parametrize(
    ("axis", "factors"),
    [
        # tension along [001]: m = cos(phi) cos(lambda) = (1/sqrt 3)(1/sqrt 2) on 8 systems, 0 on the 4 with d _|_ z
        ((0.0, 0.0, 1.0), [1 / math.sqrt(6)] * 8 + [0.0] * 4),
        # tension along [111]: 6 systems at m = 2 / (3 sqrt 6) = 0.272, 6 at 0 (plane (111) or d _|_ [111])
        ((1.0, 1.0, 1.0), [2 / (3 * math.sqrt(6))] * 6 + [0.0] * 6),
    ],
)
def test_fcc_schmid_factors(axis: tuple[float, ...], factors: list[float]) -> None:
    """Resolved shear of uniaxial stress sigma e (x) e on the 12 FCC systems = Schmid factor x sigma,
    for the crystal in the lab frame and, rotated, with the load rotated along."""
    sigma = 250.0
    e = torch.tensor(axis, dtype=F64) / torch.linalg.norm(torch.tensor(axis, dtype=F64))
    model = ResolvedShear(crystal_geometry=_fcc())
    Q = MRP.fill(0.1, -0.2, 0.3).to_R2().data
    for rot in (torch.eye(3, dtype=F64), Q):
        stress = SR2.from_full(R2(sigma * torch.outer(rot @ e, rot @ e)))
        tau = model(stress, R2(rot)).data
        got = sorted(tau.abs().tolist(), reverse=True)
        torch.testing.assert_close(
            torch.tensor(got, dtype=F64), sigma * torch.tensor(factors, dtype=F64), rtol=0, atol=1e-10
        )


def test_pure_spin_rotates_rigidly() -> None:
    """Zero deformation rate and a constant spin w: no stress, no slip, and the orientation of the
    approximated model follows R(t) = exp(t W) R0 exactly (the implicit exponential update of a constant spin)."""
    n, nt, w = 3, 6, torch.tensor([0.02, -0.01, 0.03], dtype=F64)
    torch.manual_seed(1)
    r0 = MRP.rand(n, dtype=F64)
    update = _update("crystal_approximated.i")
    state = {
        "elastic_strain": SR2(torch.zeros(n, 6, dtype=F64)),
        "slip_hardening": Scalar(torch.zeros(n, dtype=F64)),
        "orientation": r0,
    }
    times = torch.linspace(0, 10.0, nt, dtype=F64)
    with torch.no_grad():
        for i in range(1, nt):
            forces = {
                "t": Scalar(times[i].expand(n)),
                "t~1": Scalar(times[i - 1].expand(n)),
                "deformation_rate": SR2(torch.zeros(n, 6, dtype=F64)),
                "vorticity": WR2(w.expand(n, 3)),
            }
            state = _step(update, state, forces)
    W = torch.tensor([[0.0, -w[2], w[1]], [w[2], 0.0, -w[0]], [-w[1], w[0], 0.0]], dtype=F64)
    expected = torch.linalg.matrix_exp(times[-1] * W) @ r0.to_R2().data
    torch.testing.assert_close(state["orientation"].to_R2().data, expected, rtol=0, atol=1e-8)
    torch.testing.assert_close(state["elastic_strain"].data, torch.zeros(n, 6, dtype=F64), rtol=0, atol=1e-12)
    torch.testing.assert_close(state["slip_hardening"].data, torch.zeros(n, dtype=F64), rtol=0, atol=1e-12)


def test_fix_orientation_keeps_the_rotation() -> None:
    """FixOrientation bounds |r| (<= 1 after it) and leaves the rotation matrix unchanged."""
    from neml2.models.solid_mechanics.crystal_plasticity.fix_orientation import FixOrientation

    torch.manual_seed(2)
    r = MRP(3.0 * torch.randn(50, 3, dtype=F64))
    fixed = FixOrientation()(r)
    assert (fixed.norm_sq().data <= 1.0 + 1e-12).all()
    assert (fixed.norm_sq().data != r.norm_sq().data).any()  # some were flipped
    torch.testing.assert_close(fixed.to_R2().data, r.to_R2().data, rtol=0, atol=1e-12)


def test_float32_inputs_are_promoted() -> None:
    """A float32 input to a float64 model is promoted at the call (as torch promotes elementwise
    ops), so the model's products see one dtype and the result is the float64 one."""
    model = ResolvedShear(crystal_geometry=_fcc())
    Q = MRP.fill(0.1, -0.2, 0.3).to_R2()
    stress = torch.tensor([100.0, -50.0, 30.0, 20.0, -10.0, 40.0])
    tau32 = model(SR2(stress.to(torch.float32)), Q).data
    tau64 = model(SR2(stress.to(F64)), Q).data
    assert tau32.dtype == F64
    torch.testing.assert_close(tau32, tau64, rtol=1e-6, atol=0)
