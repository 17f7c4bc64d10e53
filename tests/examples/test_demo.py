"""The demo (examples/demo) on a small batch: uniaxial stress, Hooke's law while elastic, rate dependence."""

import importlib.util
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo():
    spec = importlib.util.spec_from_file_location("run_demo", ROOT / "examples" / "demo" / "run_demo.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def data(demo):
    _, data = demo.run(["nstep=81", "namp=3"])
    return data


def test_shapes(data):
    assert data["stress"].shape == (81, 12, 6) and data["time"].shape == (81, 12)
    torch.testing.assert_close(
        data["strain_rate"], torch.tensor([1e-4] * 3 + [1e-3] * 3 + [1e-2] * 3 + [1e-1] * 3, dtype=torch.float64)
    )
    torch.testing.assert_close(data["strain_amplitude"][:3], torch.tensor([0.004, 0.008, 0.012], dtype=torch.float64))
    # every point ends its two cycles at eps_11 = 0 after 8 amplitudes of travel at its own rate
    torch.testing.assert_close(data["time"][-1], 8 * data["strain_amplitude"] / data["strain_rate"])


def test_uniaxial_stress(data):
    assert data["stress"][..., 1:].abs().max() < 1e-6
    # peaks of eps_11 reach the amplitude at the quarter-cycle steps
    torch.testing.assert_close(data["strain"][10, :, 0], data["strain_amplitude"])
    torch.testing.assert_close(data["strain"][30, :, 0], -data["strain_amplitude"])


def test_first_step_is_elastic(data):
    # amplitude 0.4 %: eps_11 = 0.04 % at step 1, 80 MPa, below the 150 MPa yield stress
    eps, sig = data["strain"][1, ::3], data["stress"][1, ::3]
    torch.testing.assert_close(eps[:, 0], torch.full((4,), 4e-4, dtype=torch.float64))
    torch.testing.assert_close(sig[:, 0], 200e3 * eps[:, 0])  # E eps in uniaxial stress
    torch.testing.assert_close(eps[:, 1], -0.3 * eps[:, 0])  # lateral contraction -nu eps
    assert (data["equivalent_plastic_strain"][1, ::3] == 0).all()
    # amplitude 1.2 %: 240 MPa elastic trial, so it flows already
    assert (data["equivalent_plastic_strain"][1, 2::3] > 0).all()


def test_rate_and_amplitude_dependence(data):
    peak = data["stress"][:, :, 0].abs().amax(0).reshape(4, 3)  # (rate, amplitude)
    assert (peak[1:] > peak[:-1]).all()  # faster is stronger (Perzyna overstress)
    assert (peak[:, 1:] > peak[:, :-1]).all()  # larger amplitude, more hardening
    assert (peak > 250).all() and (peak < 450).all()
    ep = data["equivalent_plastic_strain"]
    assert (ep[-1] > ep[20]).all() and (ep[20] > 0).all()


def test_bauschinger_effect(data):
    # unloading from +a (step 10) to -a (step 30): with kinematic hardening, plastic flow in compression
    # starts at well under the tensile peak (isotropic hardening alone would need about -peak)
    sig, ep = data["stress"][10:31, :, 0], data["equivalent_plastic_strain"][10:31]
    flowing = (ep[1:] - ep[:-1] > 1e-6) & (sig[1:] < 0)
    first = flowing.float().argmax(0) + 1
    at_yield = sig[first, torch.arange(12)]
    assert flowing.any(0).all()
    assert (at_yield.abs() < 0.6 * sig[0]).all()


def test_plot(demo, data, tmp_path):
    path = tmp_path / "plot.png"
    demo.plot(data, path)
    assert path.stat().st_size > 10_000
