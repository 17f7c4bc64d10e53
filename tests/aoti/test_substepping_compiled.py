"""Adaptive substepping in the compiled route: the artifact of tests/implicit/substepping.i carries the
substepping metadata, and both runtimes (the Python PyModel and the C++ Model through the binding)
bisect the failing points exactly as the eager ImplicitUpdate does: values and Jacobians (chained
through the substeps) agree to 1e-10, and a failure at full depth is the recoverable ConvergenceError."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
import torch
from test_aoti import python_forward, python_jacobian

import neml2
from neml2.aoti import ConvergenceError, Model, PyModel

pytestmark = pytest.mark.slow

FILE = Path(__file__).resolve().parents[1] / "implicit" / "substepping.i"
RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
TOL = 1e-10


@pytest.fixture(scope="module")
def artifact(aoti_root: Path) -> Path:
    from neml2.cli.compile import main

    out = aoti_root / "substepping"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([str(FILE), "--model", "model", "--output-dir", str(out), "-d", ":", "-q", "--no-stub"]) == 0
    return out / "model"


def inputs(names: list[str]) -> dict[str, torch.Tensor]:
    """Strains of growing amplitude from the virgin state in one step; the last two points need substeps."""
    amp = torch.tensor([1e-5, 1e-3, 1e-2, 3e-2], dtype=torch.float64)
    eps = amp[:, None] * torch.tensor([1.0, -0.5, -0.5, 0.2, 0.0, 0.1], dtype=torch.float64)
    model = neml2.load_input(FILE).get_model("model")
    ins = {n: torch.zeros(4, *model.input_spec[n].BASE_SHAPE, dtype=torch.float64) for n in names}
    ins.update({"strain": eps, "strain~1": 0.1 * eps, "t": torch.ones(4, dtype=torch.float64)})
    return ins


def close(a: torch.Tensor, b: torch.Tensor, what: str) -> None:
    err = (a - b).abs().max().item() if a.numel() else 0.0
    assert err <= TOL * max(1.0, b.abs().max().item()), f"{what}: max error {err:.3e}"


def test_metadata_records_the_substepping(artifact: Path) -> None:
    meta = json.loads((artifact / "metadata.json").read_text())
    (st,) = [s for s in meta["stages"] if s["kind"] == "implicit"]
    sub = st["substepping"]
    assert sub["max_level"] == 4 and sub["old_inputs"] == ["strain~1"] and sub["incremental"] == []
    ext = st["given"] + sub["old_inputs"]
    assert sorted((ext[i], ext[j]) for i, j in sub["ramped"]) == [("strain", "strain~1"), ("t", "t~1")]
    assert sorted(st["given"][i] for _, _, i in sub["history"]) == ["equivalent_plastic_strain~1", "plastic_strain~1"]


@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_runtime_substeps_as_the_eager_model(artifact: Path, runtime: type) -> None:
    m = runtime(str(artifact))
    ins = inputs(m.input_names)
    eager = neml2.load_input(FILE).get_model("model")
    level0 = neml2.load_input(FILE, additional_args=["Models/return_map/max_substepping_level=0"]).get_model("model")
    with pytest.raises(neml2.ConvergenceError):  # the step needs the substeps
        python_forward(level0, {n: ins[n] for n in level0.input_spec})
    ref_ins = {n: ins[n] for n in eager.input_spec}
    out, ref = m.forward(ins), python_forward(eager, ref_ins)
    for n in ref:
        close(out[n], ref[n], n)
    _, J = m.jacobian(ins)
    ref_J = python_jacobian(eager, ref_ins)
    for o in ref_J:
        for i in ref_J[o]:
            close(J[o][i], ref_J[o][i], f"d{o}/d{i}")
    assert ref_J["equivalent_plastic_strain"]["strain~1"].abs().max() > 1e-3  # the ramp's old end matters


@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_failure_at_full_depth_is_recoverable(artifact: Path, runtime: type) -> None:
    m = runtime(str(artifact))
    ins = inputs(m.input_names)
    m.set_solver_config(1e-10, 1e-8, 2, "NONE", 10, 2.0, 1e-3)
    with pytest.raises(ConvergenceError, match=r"after 4 bisection\(s\) \(max_substepping_level = 4\)") as err:
        m.forward(ins)
    assert isinstance(err.value, neml2.ConvergenceError) and err.value.recoverable
    m.set_solver_config(1e-10, 1e-8, 8, "NONE", 10, 2.0, 1e-3)
    close(m.forward(ins)["stress"], PyModel(str(artifact)).forward(ins)["stress"], "after recovery")
