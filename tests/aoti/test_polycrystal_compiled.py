"""A Taylor polycrystal across the runtime boundary: tests/aoti/polycrystal.i (the single crystal of
crystal.i per grain, 4 grains declared in [Settings] as a sub-batch axis of the per-grain state, the
per-grain unknowns one 'block' group, the grain-averaged stress an output) compiled by neml2-compile
(values), and evaluated by the eager runtime's Python half (values and jvp): both match the eager
model over a rolling plastic history, per-grain tensors crossing the boundary as ``(N, 4, *base)``."""

from __future__ import annotations

import json
from typing import Any

import pytest
import torch
from aoti_cases import CASES, MODEL

import neml2
from neml2.aoti import Model, PyModel
from neml2.aoti.eager import EagerModel
from neml2.aoti.errors import FatalError

RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
F64 = torch.float64
N, G, STEPS, DT = 5, 4, 4, 2.0
PER_GRAIN = ("elastic_strain", "slip_hardening", "orientation")


def _inputs(i: int, state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(1)
    D = torch.tensor([0.0, 1e-3, -1e-3, 0.0, 0.0, 0.0], dtype=F64) + 2e-4 * torch.randn(N, 6, generator=g, dtype=F64)
    return {
        "t": torch.full((N,), DT * i, dtype=F64),
        "t~1": torch.full((N,), DT * (i - 1), dtype=F64),
        "deformation_rate": D,
        "vorticity": 1e-4 * torch.randn(N, 3, generator=g, dtype=F64),
        **{f"{k}~1": v for k, v in state.items()},
    }


def _initial() -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(2)
    return {
        "elastic_strain": torch.zeros(N, G, 6, dtype=F64),
        "slip_hardening": torch.zeros(N, G, dtype=F64),
        "orientation": 0.4 * torch.randn(N, G, 3, generator=g, dtype=F64),
    }


def _eager(model: Any, raw: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    typed = {n: t(raw[n], sub_batch_ndim=1 if n.split("~")[0] in PER_GRAIN else 0) for n, t in model.input_spec.items()}
    with torch.no_grad():
        return {n: w.data for n, w in model.call_by_name(typed).items()}


@pytest.fixture(scope="module")
def history() -> list[tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]]:
    """(inputs, outputs) of the eager model at every step, its own state fed back."""
    model = neml2.load_input(CASES["polycrystal"][0]).get_model(MODEL["polycrystal"])
    state, out = _initial(), []
    for i in range(1, STEPS + 1):
        ins = _inputs(i, state)
        res = _eager(model, ins)
        out.append((ins, res))
        state = {k: res[k] for k in PER_GRAIN}
    last = out[-1][1]
    assert (last["slip_hardening"] > 1.0).all()  # plastic: every grain hardened
    assert last["mean_cauchy_stress"].abs().amax(-1).min() > 100.0
    return out


def _close(got: torch.Tensor, ref: torch.Tensor) -> None:
    torch.testing.assert_close(got, ref, rtol=1e-10, atol=1e-10 * float(ref.abs().max()))


@pytest.mark.slow
def test_metadata_declares_the_grains(compiled: Any) -> None:
    meta = json.loads((compiled("polycrystal").folder / "metadata.json").read_text())
    by_name = {v["name"]: v for v in meta["inputs"] + meta["outputs"]}
    assert by_name["elastic_strain~1"]["base_shape"] == [G, 6] and by_name["elastic_strain~1"]["sub_batch_shape"] == [G]
    assert by_name["orientation"]["base_shape"] == [G, 3] and by_name["slip_hardening"]["base_shape"] == [G]
    assert by_name["mean_cauchy_stress"]["base_shape"] == [6] and "sub_batch_shape" not in by_name["deformation_rate"]
    assert [s["kind"] for s in meta["stages"]] == ["implicit", "explicit"]


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_compiled_rolling_history_matches_eager(compiled: Any, runtime: type, history: list) -> None:
    m = runtime(str(compiled("polycrystal").folder))
    state = _initial()
    for i, (_, ref) in enumerate(history, start=1):
        out = m.forward(_inputs(i, state))
        assert set(out) == set(ref)
        for name, x in ref.items():
            assert out[name].shape == x.shape
            _close(out[name], x)
        state = {k: out[k] for k in PER_GRAIN}


@pytest.mark.slow
def test_residual_graph_keeps_the_grains_apart(compiled: Any, history: list) -> None:
    """The Newton Jacobian crosses the boundary per grain: the metadata places each grain's 10
    unknowns, the residual graph returns ``A (N, G, 10, 10)`` (never ``(N, 40, 40)``), equal to the
    eager route's blocks and to the grain-diagonal of the dense Jacobian."""
    from neml2.models.common.system_evaluation import evaluate_blocks, evaluate_system

    meta = json.loads((compiled("polycrystal").folder / "metadata.json").read_text())
    blocks = meta["stages"][0]["site_blocks"]
    assert blocks["sites"] == [G] and len(blocks["cols_A"]) == G and len(blocks["cols_A"][0]) == 10
    assert blocks["cols_D"] == [] and sorted(sum(blocks["cols_A"], [])) == list(range(10 * G))
    st = PyModel(str(compiled("polycrystal").folder))._stages[0]
    ins, out = history[1]
    given = [ins[n].contiguous() for n in st.inputs]  # the graphs take contiguous tensors (as the runtimes pass them)
    x = torch.cat([out[u].reshape(N, -1) for u in st.outputs], 1)
    x = x * (
        1 + 1e-3 * torch.randn(x.shape, generator=torch.Generator().manual_seed(4), dtype=F64)
    )
    res = st.graphs["residual"](*given, x)
    assert [tuple(t.shape) for t in res] == [(N, 10 * G), (N, G, 10, 10)]
    sys = neml2.load_input(CASES["polycrystal"][0]).get_equation_system("eq_sys")
    sys.set_sub_batch_shapes({u: (G,) for u in sys.unknowns})
    spec = sys.model.input_spec
    typed = {n: spec[n](ins[n], sub_batch_ndim=1 if n.split("~")[0] in PER_GRAIN else 0) for n in st.inputs}
    with torch.no_grad():
        r, J = evaluate_blocks(sys, dict(typed), x, (N,), who="test")
        _, Jd, _ = evaluate_system(sys, dict(typed), {}, (("", x),), (N,))
    _close(res[0], r)
    _close(res[1], J.A)
    _close(J.dense(), Jd)
    assert float(J.A.abs().amax()) > 1.0


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_per_grain_newton_with_line_search(compiled: Any, runtime: type, history: list) -> None:
    """The per-grain Newton through the line searches: backtracking converges to the eager values;
    with the strong Wolfe condition (its slope applies the blocks to the step) the first step stalls
    at the same point with the same residual as the eager NewtonWithLineSearch of the same system."""
    m = runtime(str(compiled("polycrystal").folder))
    m.set_solver_config(1e-12, 1e-12, 30, "BACKTRACKING", 10, 2.0, 1e-3)
    ins, ref = history[2]
    out = m.forward(ins)
    for name, x in ref.items():
        _close(out[name], x)
    m.set_solver_config(1e-12, 1e-12, 30, "STRONG_WOLFE", 10, 2.0, 1e-3)
    wolfe = ["Solvers/newton/type=NewtonWithLineSearch", "Solvers/newton/linesearch_type=STRONG_WOLFE"]
    eager = neml2.load_input(CASES["polycrystal"][0], wolfe).get_model(MODEL["polycrystal"])
    stall = r"did not converge in 30 iterations at 1 point\(s\) \(first: \[1\]\); residual norms \[9.496e-01\]"
    with pytest.raises(neml2.errors.ConvergenceError, match=stall):
        _eager(eager, history[0][0])
    with pytest.raises(neml2.errors.ConvergenceError, match=stall):
        m.forward(history[0][0])


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_compiled_derivatives_over_the_grains(compiled: Any, runtime: type, history: list) -> None:
    """Compiled with -d: the jacobian's blocks couple every grain of the outputs to every grain of
    the inputs and match the eager runtime's; the jvp along one grain's old state is its contraction."""
    m = runtime(str(compiled("polycrystal").folder))
    ins, _ = history[2]
    _, J = m.jacobian(ins)
    _, ref = EagerModel(CASES["polycrystal"][0], MODEL["polycrystal"]).jacobian(ins)
    assert J["elastic_strain"]["elastic_strain~1"].shape == (N, G, 6, G, 6)
    assert J["mean_cauchy_stress"]["orientation~1"].shape == (N, 6, G, 3)
    for o in ref:
        for n in ref[o]:
            _close(J[o][n], ref[o][n])
    d = torch.zeros(N, G, 3, dtype=F64)
    d[:, 2, 0] = 1.0
    _, jv = m.jvp(ins, {"orientation~1": d})
    for o, x in jv.items():
        base = J[o]["orientation~1"]
        _close(x, (base * d.reshape(N, *(1,) * (base.dim() - 3), G, 3)).sum((-1, -2)))


def test_eager_runtime_values_and_jvp(history: list) -> None:
    """EagerModel (the eager C++ runtime's Python half): the declared grains in its base shapes, the
    values, a jvp against central differences, and the dense jacobian over every grain pair: its
    contraction with the tangent is the jvp, and a grain's state does not move another grain's."""
    em = EagerModel(CASES["polycrystal"][0], MODEL["polycrystal"])
    shapes = dict(zip(em._inputs, em.input_base_shapes, strict=True))
    assert shapes["elastic_strain~1"] == [G, 6] and shapes["orientation~1"] == [G, 3] and shapes["t"] == []
    ins, ref = history[2]
    out = em.forward(ins)
    for name, x in ref.items():
        _close(out[name], x)
    d = torch.zeros(N, G, 6, dtype=F64)
    d[:, 1, 2] = 1e-3  # one grain's old elastic strain
    _, jv = em.jvp(ins, {"elastic_strain~1": d})
    h = 1e-4
    up = em.forward({**ins, "elastic_strain~1": ins["elastic_strain~1"] + h * d})
    down = em.forward({**ins, "elastic_strain~1": ins["elastic_strain~1"] - h * d})
    for name, x in jv.items():
        fd = (up[name] - down[name]) / (2 * h)
        torch.testing.assert_close(x, fd, rtol=1e-5, atol=1e-7 * float(fd.abs().max()))
    assert float(jv["elastic_strain"][:, 1].abs().max()) > 10 * float(jv["elastic_strain"][:, 0].abs().max())
    _, J = em.jacobian(ins)
    Je = J["elastic_strain"]["elastic_strain~1"]
    assert Je.shape == (N, G, 6, G, 6)
    torch.testing.assert_close(torch.einsum("nabcd,ncd->nab", Je, d), jv["elastic_strain"], rtol=1e-10, atol=1e-14)
    cross = Je * (1 - torch.eye(G, dtype=F64)).reshape(1, G, 1, G, 1)
    assert float(cross.abs().max()) <= 1e-12 * float(Je.abs().max())
    assert J["elastic_strain"]["t"].shape == (N, G, 6)
    with pytest.raises(FatalError, match="elastic_strain~1"):  # the grains are part of the base shape
        em.forward({**ins, "elastic_strain~1": ins["elastic_strain~1"][:, :3]})
