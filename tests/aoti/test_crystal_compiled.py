"""A single crystal on the compiled route: an ImplicitUpdate whose unknowns (elastic strain, slip
hardening, orientation) are per crystal while the 12 FCC slip systems are a sub-batch axis inside
the leaves (resolved shears, slip rates), compiled by neml2-compile with -d.  The compiled runtimes
reproduce the eager model through a rolling history of plastic steps, and its Jacobian."""

from __future__ import annotations

import json
from typing import Any

import pytest
import torch
from aoti_cases import CASES, MODEL

import neml2
from neml2.aoti import AOTIModel, Model, PyModel
from neml2.aoti.eager import EagerModel
from neml2.types import MRP

RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
F64 = torch.float64
N, STEPS, DT = 5, 5, 2.0
STATE = ("elastic_strain", "slip_hardening", "orientation")


def _close(got: torch.Tensor, ref: torch.Tensor) -> None:
    """rtol 1e-10, with an absolute floor at 1e-10 of the block's scale (entries that vanish)."""
    torch.testing.assert_close(got, ref, rtol=1e-10, atol=1e-10 * float(ref.abs().max()))


def _forces() -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(0)
    D = torch.zeros(N, 6, dtype=F64)
    D[:, 1], D[:, 2] = 1e-3, -1e-3  # rolling: stretch along y, squeeze along z
    D = D + 2e-4 * torch.randn(N, 6, generator=g, dtype=F64)
    return {"deformation_rate": D, "vorticity": 1e-4 * torch.randn(N, 3, generator=g, dtype=F64)}


def _initial() -> dict[str, torch.Tensor]:
    torch.manual_seed(0)
    return {
        "elastic_strain": torch.zeros(N, 6, dtype=F64),
        "slip_hardening": torch.zeros(N, dtype=F64),
        "orientation": MRP.rand(N, dtype=F64).data,
    }


def _inputs(i: int, state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    t = {"t": torch.full((N,), DT * i, dtype=F64), "t~1": torch.full((N,), DT * (i - 1), dtype=F64)}
    return {**t, **_forces(), **{f"{k}~1": v for k, v in state.items()}}


@pytest.fixture(scope="module")
def eager_history() -> list[dict[str, torch.Tensor]]:
    """The eager model's outputs at every step, its own state fed back."""
    model = neml2.load_input(CASES["crystal"][0]).get_model(MODEL["crystal"])
    state, history = _initial(), []
    with torch.no_grad():
        for i in range(1, STEPS + 1):
            ins = _inputs(i, state)
            out = model.call_by_name({n: t(ins[n]) for n, t in model.input_spec.items()})
            history.append({n: w.data for n, w in out.items()})
            state = {k: history[-1][k] for k in STATE}
    return history


@pytest.mark.slow
def test_metadata_has_no_boundary_sub_batch(compiled: Any) -> None:
    """The slip systems stay inside the graphs: the boundary variables are per crystal."""
    meta = json.loads((compiled("crystal").folder / "metadata.json").read_text())
    assert [s["kind"] for s in meta["stages"]] == ["implicit", "explicit"]
    assert meta["stages"][0]["unknowns"] == list(STATE)
    shapes = {v["name"]: v["base_shape"] for v in meta["inputs"] + meta["outputs"]}
    assert shapes["cauchy_stress"] == [6] and shapes["orientation~1"] == [3] and shapes["slip_hardening"] == []
    assert not any("sub_batch_shape" in v for v in meta["variables"].values())


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_rolling_history_matches_eager(compiled: Any, runtime: type, eager_history: list[dict]) -> None:
    """Step by step, the compiled state fed back: every output within rtol 1e-10 of the eager one."""
    m = runtime(str(compiled("crystal").folder))
    state = _initial()
    for i, ref in enumerate(eager_history, start=1):
        out = m.forward(_inputs(i, state))
        assert set(out) == set(ref)
        for name, x in ref.items():
            assert out[name].shape == x.shape
            _close(out[name], x)
        state = {k: out[k] for k in STATE}
    # the history is plastic: the crystals hardened (Voce, initial slope 2000) and the lattice rotated
    last = eager_history[-1]
    assert (last["slip_hardening"] > 10.0).all() and (last["slip_hardening"] < 500.0).all()
    assert (last["cauchy_stress"].abs().amax(-1) > 300.0).all()  # past the 180 MPa slip strength
    assert ((last["orientation"] - _initial()["orientation"]).norm(dim=-1) > 1e-6).all()


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_jacobian_matches_eager(compiled: Any, runtime: type, eager_history: list[dict]) -> None:
    """Every block of the compiled Jacobian (IFT through the per-crystal Newton solve, the slip
    systems internal) matches the eager runtime's within rtol 1e-10, at a plastic step."""
    state = {k: eager_history[1][k] for k in STATE}
    ins = _inputs(3, state)
    ref_out, ref_J = EagerModel(CASES["crystal"][0], MODEL["crystal"]).jacobian(ins)
    out, J = runtime(str(compiled("crystal").folder)).jacobian(ins)
    for name, x in ref_out.items():
        _close(out[name], x)
    assert set(J) == set(ref_J)
    for o, row in ref_J.items():
        assert set(J[o]) == set(row)
        for i, block in row.items():
            assert J[o][i].shape == block.shape, (o, i)
            _close(J[o][i], block)
    # stiff, as an elastic-plastic tangent is: d sigma / d D ~ C dt with C ~ 2e5
    assert float(ref_J["cauchy_stress"]["deformation_rate"].abs().max()) > 1e5


@pytest.mark.slow
def test_through_the_stub(compiled: Any, eager_history: list[dict]) -> None:
    """The stub's AOTIModel (typed wrappers in, typed wrappers out) reproduces the first step."""
    art = compiled("crystal")
    model = neml2.load_model(str(art.stub), MODEL["crystal"])
    assert isinstance(model, AOTIModel)
    ins = _inputs(1, _initial())
    outs = model(*[t(ins[n]) for n, t in model.input_spec.items()])
    for name, w in zip(model.output_spec, outs, strict=True):
        _close(w.data, eager_history[0][name])
