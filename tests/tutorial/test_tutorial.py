"""The spec's parameter tutorial runs verbatim and prints the documented numbers."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import SR2, Scalar

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def printed() -> str:
    out = subprocess.run(
        [sys.executable, "tutorial_model_parameters.py"], cwd=HERE, capture_output=True, text=True, check=True
    )
    return out.stdout


def _floats(line: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+\.\d+(?:e[-+]?\d+)?", line)]


def test_parameter_listing(printed: str) -> None:
    lines = printed.splitlines()
    assert lines[0] == "E: 200000.0"
    assert lines[1] == "nu: 0.3"
    assert "E = Scalar(data=Parameter containing:" in printed
    assert "tensor(200000., dtype=torch.float64, requires_grad=True), sub_batch_ndim=0, sub_batch_state=()" in printed
    assert "k_ndim=0, k_state=(), k_pairing=())" in printed
    assert "E = 150000.0" in printed
    assert "nu = 0.25" in printed
    assert "E.requires_grad = False" in printed


def test_stress_numbers(printed: str) -> None:
    text = printed.replace("\n", " ")
    first = _floats(text.split("E = 200e3 ->")[1].split("E = 100e3")[0])
    second = _floats(text.split("E = 100e3 ->")[1].split("dL/dE")[0])
    assert first[:3] == pytest.approx([2692.3077, 1153.8462, 1153.8462], abs=1e-4)
    assert second[:3] == pytest.approx([1346.1538, 576.9231, 576.9231], abs=1e-4)
    assert second[:3] == pytest.approx([x / 2 for x in first[:3]], abs=1e-4)


def test_gradients(printed: str) -> None:
    dE = float(re.search(r"dL/dE = (\S+)", printed).group(1))
    dnu = float(re.search(r"dL/dnu = (\S+)", printed).group(1))
    assert dE == pytest.approx(0.025, rel=1e-8)
    assert dnu == pytest.approx(25000.0, rel=1e-8)


def test_parameter_is_typed_float64_parameter() -> None:
    model = neml2.load_model(HERE / "input.i", "elasticity")
    assert [n for n, _ in model.named_parameters()] == ["E", "nu"]
    assert isinstance(model.E, Scalar)
    assert isinstance(model.E.data, torch.nn.Parameter)
    assert model.E.data.dtype == torch.float64 and model.E.data.requires_grad


def test_batched_parameter_broadcasts_and_gets_gradients() -> None:
    model = neml2.load_model(HERE / "input.i", "elasticity")
    E = torch.linspace(100e3, 300e3, 5, dtype=torch.float64)
    model.E = torch.nn.Parameter(E.clone())
    strain = SR2(torch.rand(5, 6, dtype=torch.float64) * 1e-3)
    stress = model(strain)
    assert stress.data.shape == (5, 6)
    nu = 0.3
    lam = E * nu / ((1 + nu) * (1 - 2 * nu))
    mu = E / (2 * (1 + nu))
    tr = strain.data[:, :3].sum(-1, keepdim=True)
    expected = 2 * mu[:, None] * strain.data + lam[:, None] * tr * torch.tensor([1.0, 1, 1, 0, 0, 0])
    torch.testing.assert_close(stress.data, expected, rtol=1e-12, atol=1e-9)
    stress.data.sum().backward()
    # d(sum stress_i)/dE_i = sum(stress_i) / E_i (stress is linear in E)
    torch.testing.assert_close(model.E.data.grad, stress.data.detach().sum(-1) / E, rtol=1e-10, atol=0)
    # a strain batch against a scalar-batch parameter of another rank broadcasts
    strain2 = SR2(torch.rand(3, 1, 6, dtype=torch.float64))
    assert model(strain2).data.shape == (3, 5, 6)
