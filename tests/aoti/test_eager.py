"""neml2.aoti.eager.EagerModel, the Python half of the eager C++ runtime (no compilation): the
boundary contract of the compiled runtime on the native model."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from aoti_cases import CASES, MODEL
from test_aoti import batch_inputs, python_forward, python_jacobian, python_model

from neml2.aoti import FatalError
from neml2.aoti.eager import EagerModel
from neml2.types import SR2

TESTS = Path(__file__).resolve().parents[1]


def test_metadata_matches_the_compiled_contract() -> None:
    m = EagerModel(CASES["j2"][0], MODEL["j2"])
    assert m.input_names == ["strain", "equivalent_plastic_strain~1", "t", "t~1", "plastic_strain~1"]
    assert m.input_base_shapes == [[6], [], [], [], [6]]
    assert m.output_names == ["equivalent_plastic_strain", "stress", "plastic_strain"]
    assert m.device == "cpu" and m.dtype is torch.float64


def test_forward_and_jacobian_match_the_python_model() -> None:
    m = EagerModel(CASES["j2"][0], MODEL["j2"])
    ref = python_model("j2")
    ins = batch_inputs(ref, "j2")
    out = m.forward(ins)
    for n, x in python_forward(ref, ins).items():
        assert torch.allclose(out[n], x, rtol=1e-12, atol=1e-14)
    _, J = m.jacobian({n: x.reshape(2, 3, *x.shape[1:]) for n, x in ins.items()})
    for o, row in python_jacobian(ref, ins).items():
        for i, b in row.items():
            assert torch.allclose(J[o][i].reshape(b.shape), b, rtol=1e-10, atol=1e-12), (o, i)
    assert J["stress"]["strain"].shape == (2, 3, 6, 6)


def test_input_errors_are_fatal() -> None:
    m = EagerModel(CASES["elasticity"][0], MODEL["elasticity"])
    with pytest.raises(FatalError, match=r"input 'strain' has shape \(4, 1\)"):
        m.forward({"strain": torch.zeros(4, 1, dtype=torch.float64)})
    with pytest.raises(FatalError, match="missing input 'strain'"):
        m.forward({})


def test_declared_sites_cross_the_boundary() -> None:
    """[Settings] strain = '(2; 4)': the strain's 4 sites are part of its base shape, (N, 4, 6) in and out."""
    m = EagerModel(CASES["batch_settings"][0], MODEL["batch_settings"])
    assert m.input_base_shapes == [[4, 6]] and m.output_base_shapes == [[4, 6]]
    strain = torch.linspace(-1e-3, 1e-3, 3 * 4 * 6, dtype=torch.float64).reshape(3, 4, 6)
    model = python_model("batch_settings")
    with torch.no_grad():
        ref = model(SR2(strain, sub_batch_ndim=1)).data
    torch.testing.assert_close(m.forward({"strain": strain})["stress"], ref, rtol=1e-14, atol=0.0)
    assert float(ref.abs().max()) > 100.0
    with pytest.raises(FatalError, match="input 'strain'"):
        m.forward({"strain": strain[:, :3]})


def test_undeclared_output_sites_are_refused() -> None:
    """Sites an output grows inside the model (6 slip systems) with none declared: a FatalError naming it."""
    m = EagerModel(TESTS / "models" / "crystal_plasticity" / "resolved_shear.i", "model")
    ins = {"stress": torch.ones(2, 6, dtype=torch.float64), "orientation_matrix": torch.eye(3).expand(2, 3, 3)}
    with pytest.raises(FatalError, match=r"output 'resolved_shears' has sub-batch shape \(6,\).*example_batch_shape"):
        m.forward({k: v.to(torch.float64) for k, v in ins.items()})
