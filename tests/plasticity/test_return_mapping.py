"""Rate-independent J2 with linear isotropic hardening (FB consistency conditions) against closed forms."""

from __future__ import annotations

import math

import torch
from plasticity_helpers import NU, SQRT23, E, G, K, initial_state, load, run_history, von_mises

from neml2.types import SR2, Scalar

SY, H = 100.0, 2000.0


def _dev_trial_strains() -> torch.Tensor:
    """Purely deviatoric strains: elastic, barely plastic, plastic, strongly plastic, shear-dominated."""
    comps = torch.tensor(
        [
            [4e-4, -2e-4, -2e-4, 0.0, 0.0, 0.0],
            [1.4e-3, -7e-4, -7e-4, 0.0, 0.0, 0.0],
            [3e-3, -1e-3, -2e-3, 5e-4, 0.0, 1e-3],
            [2e-2, -1.5e-2, -5e-3, -3e-3, 4e-3, 2e-3],
            [0.0, 0.0, 0.0, 6e-3, -2e-3, 1e-3],
        ],
        dtype=torch.float64,
    )
    return SR2.fill(*comps.unbind(-1)).data


def _one_step(name: str, strain: torch.Tensor, dt: float) -> dict:
    f = load(name)
    m = f.get_model("model")
    n = strain.shape[0]
    inputs = initial_state(m, (n,))
    inputs.update(
        strain=SR2(strain),
        t=Scalar(torch.full((n,), dt, dtype=torch.float64)),
        **{"t~1": Scalar(torch.zeros(n, dtype=torch.float64))},
    )
    return {k: v.data.detach() for k, v in m.call_by_name(inputs).items()}


def test_single_step_radial_return_matches_closed_form() -> None:
    """From a zero state, one step to a deviatoric trial stress s_tr = 2 G e:
    dgamma = sqrt(3/2) <vm_tr - sigma_y> / (3 G + H), sigma = s_tr - 2 G dgamma n, ep = sqrt(2/3) dgamma."""
    strain = _dev_trial_strains()
    dt = 0.25
    out = _one_step("j2_linear.i", strain, dt)
    s_tr = 2 * G * strain
    vm_tr = von_mises(s_tr)
    dgamma = math.sqrt(1.5) * (vm_tr - SY).clamp(min=0) / (3 * G + H)
    n = s_tr / torch.linalg.vector_norm(s_tr, dim=-1, keepdim=True)
    sigma = s_tr - 2 * G * dgamma[:, None] * n
    assert (dgamma[0] == 0) and bool((dgamma[1:] > 0).all())  # one elastic point, four plastic ones
    torch.testing.assert_close(out["stress"], sigma, rtol=1e-10, atol=1e-9)
    torch.testing.assert_close(out["flow_rate"], dgamma / dt, rtol=1e-10, atol=1e-14)
    torch.testing.assert_close(out["equivalent_plastic_strain"], SQRT23 * dgamma, rtol=1e-10, atol=1e-14)
    torch.testing.assert_close(out["plastic_strain"], dgamma[:, None] * n, rtol=1e-10, atol=1e-14)
    # on the yield surface: vm(sigma) = sigma_y + H ep at every plastic point
    vm = von_mises(out["stress"])
    torch.testing.assert_close(vm[1:], SY + H * out["equivalent_plastic_strain"][1:], rtol=1e-12, atol=0.0)
    # the hand-computed value of the second point: vm_tr = 3 G * 1.4e-3 = 161.538..., ep = 61.538.../(3G + H)
    assert abs(out["equivalent_plastic_strain"][1].item() - (3 * G * 1.4e-3 - SY) / (3 * G + H)) < 1e-15


def test_pressure_does_not_change_the_return() -> None:
    """Adding a volumetric strain shifts the stress by 3 K vol and leaves the plastic solution unchanged."""
    strain = _dev_trial_strains()
    vol = torch.tensor([1e-3, -2e-3, 5e-4, 3e-3, -1e-3], dtype=torch.float64)
    shifted = strain + vol[:, None] * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64)
    a, b = _one_step("j2_linear.i", strain, 1.0), _one_step("j2_linear.i", shifted, 1.0)
    torch.testing.assert_close(b["plastic_strain"], a["plastic_strain"], rtol=1e-10, atol=1e-15)
    p = 3 * K * vol[:, None] * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64)
    torch.testing.assert_close(b["stress"], a["stress"] + p, rtol=1e-10, atol=1e-9)


def test_uniaxial_stress_curve() -> None:
    """Strain control with the lateral strains of uniaxial stress: load past yield, unload, reload in
    compression short of reverse yield.  The stress must be (sigma, 0, ..., 0) with the analytic
    sigma(t) and ep = <sigma_max - sigma_y> / H."""
    n = 41
    t = torch.linspace(0, 1, n, dtype=torch.float64)
    sigma = torch.cat([torch.linspace(0, 260, 21), torch.linspace(260, -150, 21)[1:]]).to(torch.float64)
    ep = torch.cummax((sigma - SY).clamp(min=0) / H, dim=0).values
    e11 = sigma / E + ep
    e22 = -NU * sigma / E - ep / 2
    strain = torch.stack([e11, e22, e22, 0 * e11, 0 * e11, 0 * e11], dim=-1)[:, None]
    m = load("j2_linear.i").get_model("model")
    history = run_history(m, t[:, None], {"strain": strain})
    got = torch.stack([h["stress"].data.detach()[0] for h in history])
    want = torch.zeros_like(got)
    want[:, 0] = sigma[1:]
    # to Newton's tolerance (rel_tol 1e-8 of the first residual: ~1e-8 of the stress scale)
    torch.testing.assert_close(got, want, rtol=1e-10, atol=1e-7)
    got_ep = torch.stack([h["equivalent_plastic_strain"].data.detach()[0] for h in history])
    torch.testing.assert_close(got_ep, ep[1:], rtol=1e-10, atol=1e-10)
    assert abs(got_ep[-1].item() - 0.08) < 1e-10  # (260 - 100) / 2000


def test_j2_flow_direction_gives_the_same_solution() -> None:
    """AssociativeJ2FlowDirection (|N| = sqrt(3/2)) in place of the normality of the yield function:
    identical stress and plastic strains; the flow rate becomes the equivalent plastic strain rate."""
    strain = _dev_trial_strains()
    a, b = _one_step("j2_linear.i", strain, 0.5), _one_step("j2_flow_direction.i", strain, 0.5)
    for k in ("stress", "plastic_strain", "equivalent_plastic_strain"):
        torch.testing.assert_close(b[k], a[k], rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(b["flow_rate"], SQRT23 * a["flow_rate"], rtol=1e-10, atol=1e-15)
