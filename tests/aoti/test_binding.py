"""The pybind11 binding neml2.aoti._aoti (the C++ runtime libneml2 from Python): the documented
signatures and property types, storage shared with the C++ parameter slots, the exception
classes shared with the reference runtime, and agreement with PyModel bit for bit."""

from __future__ import annotations

import inspect
import threading
from pathlib import Path
from typing import Any

import pytest
import torch

import neml2.aoti
from neml2.aoti import ConvergenceError, FatalError, PyModel

_aoti = pytest.importorskip("neml2.aoti._aoti", reason="the C++ extension is not built")
Model = _aoti.Model


def j2_inputs(eps: list[float]) -> dict[str, torch.Tensor]:
    n = len(eps)
    d = torch.tensor([1.0, -0.5, -0.5, 0.0, 0.0, 0.0], dtype=torch.float64)
    return {
        "strain": torch.tensor(eps, dtype=torch.float64)[:, None] * d,
        "t": torch.full((n,), 0.02, dtype=torch.float64),
        "t~1": torch.zeros(n, dtype=torch.float64),
        "equivalent_plastic_strain~1": torch.zeros(n, dtype=torch.float64),
        "plastic_strain~1": torch.zeros(n, 6, dtype=torch.float64),
    }


def test_module_exports_the_shared_exception_classes() -> None:
    assert neml2.aoti.Model is Model
    assert _aoti.ConvergenceError is neml2.aoti.ConvergenceError
    assert _aoti.FatalError is neml2.aoti.FatalError
    assert issubclass(ConvergenceError, RuntimeError) and issubclass(FatalError, RuntimeError)
    assert not issubclass(ConvergenceError, FatalError) and ConvergenceError.recoverable


def test_documented_signatures() -> None:
    mapping = "collections.abc.Mapping[str, torch.Tensor]"
    first = {n: inspect.getdoc(getattr(Model, n)).splitlines()[0] for n in ("forward", "jvp", "jacobian")}
    assert first["forward"] == f"forward(self: neml2.aoti._aoti.Model, inputs: {mapping}) -> dict"
    assert first["jvp"] == (
        f"jvp(self: neml2.aoti._aoti.Model, inputs: {mapping}, tangents: {mapping}) -> "
        "tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]"
    )
    assert first["jacobian"].endswith("-> tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]")
    assert "atol: SupportsFloat, rtol: SupportsFloat, miters: SupportsInt, ls_type: str" in inspect.getdoc(
        Model.set_solver_config
    )
    assert "-> dict[str, torch.Tensor]" in inspect.getdoc(Model.named_parameters)
    assert "value: torch.Tensor) -> None" in inspect.getdoc(Model.set_parameter)
    for prop in ("device", "dtype", "input_names", "output_names", "input_base_shapes", "output_base_shapes"):
        assert isinstance(getattr(Model, prop), property), prop


@pytest.mark.slow
def test_properties_and_bitwise_agreement_with_pymodel(compiled: Any) -> None:
    c = compiled("j2")
    m, ref = Model(Path(c.folder), torch.device("cpu")), PyModel(c.folder)
    assert m.device == torch.device("cpu") and m.dtype is torch.float64
    assert m.input_names == ref.input_names and m.output_names == ref.output_names
    assert m.input_base_shapes == {
        "strain": [6],
        "t": [],
        "equivalent_plastic_strain~1": [],
        "t~1": [],
        "plastic_strain~1": [6],
    }
    assert m.output_base_shapes == ref.output_base_shapes
    assert "Model('model', device=cpu, dtype=float64" in repr(m)
    ins = j2_inputs([1e-5, 3e-4, 3e-3, 1e-2])
    out, J = m.jacobian(ins)
    out_ref, J_ref = ref.jacobian(ins)
    assert list(out) == m.output_names and list(J["stress"]) == m.input_names
    for o in out:
        assert torch.equal(out[o], out_ref[o])
        for i in J[o]:
            assert torch.equal(J[o][i], J_ref[o][i])
    assert J["stress"]["strain"].shape == (4, 6, 6) and J["equivalent_plastic_strain"]["strain"].shape == (4, 6)
    assert out["equivalent_plastic_strain"][0].item() == 0.0 and out["equivalent_plastic_strain"][3].item() > 1e-3


@pytest.mark.slow
def test_named_parameters_share_storage_with_the_slots(compiled: Any) -> None:
    c = compiled("elasticity")
    m = Model(c.folder)
    strain = torch.tensor([[1e-3, 0, 0, 0, 0, 0]], dtype=torch.float64)
    s0 = m.forward({"strain": strain})["stress"]
    params = m.named_parameters()
    assert list(params) == ["E", "elasticity.nu"]
    params["E"].mul_(2)  # in place: the C++ slot
    assert torch.allclose(m.forward({"strain": strain})["stress"], 2 * s0, rtol=1e-14, atol=0)
    assert m.named_parameters()["E"].data_ptr() == params["E"].data_ptr()
    params["E"] = torch.tensor(1.0, dtype=torch.float64)  # rebinding the dict entry: not the slot
    assert torch.allclose(m.forward({"strain": strain})["stress"], 2 * s0, rtol=1e-14, atol=0)
    slot = torch.tensor(4.0e5 / 2, dtype=torch.float64)
    m.set_parameter("E", slot)
    assert m.named_parameters()["E"].data_ptr() == slot.data_ptr()
    assert torch.allclose(m.forward({"strain": strain})["stress"], s0, rtol=1e-14, atol=0)
    with pytest.raises(FatalError, match="no promoted parameter 'G'"):
        m.set_parameter("G", slot)
    with pytest.raises(FatalError, match="must be a torch.Tensor"):
        m.set_parameter("E", 2.0)
    with pytest.raises(FatalError, match="shape"):
        m.set_parameter("E", torch.ones(2, dtype=torch.float64))


@pytest.mark.slow
def test_errors_are_the_shared_classes(compiled: Any) -> None:
    c = compiled("j2")
    m = Model(c.folder)
    ins = j2_inputs([1e-5, 1e-2])
    with pytest.raises(FatalError, match="inputs must be a dict of tensors, got list"):
        m.forward([ins["strain"]])
    with pytest.raises(FatalError, match="input 'strain' must be a torch.Tensor, got float"):
        m.forward({**ins, "strain": 1.0})
    with pytest.raises(FatalError, match="missing input 'strain'"):
        m.forward({k: v for k, v in ins.items() if k != "strain"})
    with pytest.raises(FatalError, match=r"input 'strain' has shape \(2, 1\)"):
        m.forward({**ins, "strain": ins["strain"][:, :1]})
    with pytest.raises(FatalError, match="input 'strain' has dtype torch.float32"):
        m.forward({**ins, "strain": ins["strain"].float()})
    with pytest.raises(FatalError, match="invalid ls_type 'FOO'"):
        m.set_solver_config(1e-10, 1e-8, 25, "FOO", 10, 2.0, 1e-3)
    with pytest.raises(FatalError, match="not compiled for device 'cuda'"):
        Model(c.folder, "cuda")
    m.set_solver_config(1e-10, 1e-8, 2, "NONE", 10, 2.0, 1e-3)
    with pytest.raises(ConvergenceError, match="Newton did not converge in 2 iterations at 1 point"):
        m.forward(ins)
    with pytest.raises(RuntimeError):  # both are RuntimeErrors
        m.forward(ins)


@pytest.mark.slow
def test_calls_release_the_gil(compiled: Any) -> None:
    """Two Python threads evaluate concurrently without deadlock and agree with a serial call."""
    c = compiled("j2")
    m = Model(c.folder)
    ins = j2_inputs([1e-5, 3e-4, 3e-3, 1e-2] * 50)
    ref = m.forward(ins)["stress"]
    res: list[torch.Tensor] = []
    threads = [threading.Thread(target=lambda: res.append(m.forward(ins)["stress"])) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(res) == 4 and all(torch.equal(r, ref) for r in res)
