"""neml2.aoti.eager.EagerModel, the Python half of the eager C++ runtime (no compilation): the
boundary contract of the compiled runtime on the native model."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from aoti_cases import CASES, MODEL
from test_aoti import batch_inputs, python_forward, python_jacobian, python_model

import neml2.aoti.eager as eager
from neml2.aoti import FatalError
from neml2.aoti.eager import EagerModel


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


def test_sub_batch_models_are_rejected(monkeypatch: Any) -> None:
    real = eager.load_model

    def with_sub_batch(path: Any, name: str) -> Any:
        model = real(path, name)
        model.sub_batch_shapes = {"slip_rate": (12,)}  # as a crystal-plasticity model would declare
        return model

    monkeypatch.setattr(eager, "load_model", with_sub_batch)
    with pytest.raises(FatalError, match="sub-batch axes"):
        EagerModel(CASES["elasticity"][0], MODEL["elasticity"])
