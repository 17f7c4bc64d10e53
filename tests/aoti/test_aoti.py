"""The compiled route: neml2-compile artifacts run by the reference runtime (and the C++ one when built)
reproduce the Python models: forward, jvp and jacobian on batches mixing elastic and plastic points,
promoted parameters, Newton failures, input validation, AOTIModel in a TransientDriver."""

from __future__ import annotations

import contextlib
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
import torch
from aoti_cases import CASES, MODEL

import neml2
from neml2.aoti import AOTIModel, ConvergenceError, FatalError, Model, PyModel
from neml2.aoti.export import content_hash, inductor_options, resolve_parameters, split_stages
from neml2.cli.compile import main as compile_main
from neml2.errors import InputError
from neml2.models.chain_rule import seeds
from neml2.types import SR2, TensorWrapper

RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
TOL = 1e-10
GOLD = Path(__file__).resolve().parents[1] / "regression" / "j2_viscoplasticity.gold.pt"

# strain amplitudes per point: elastic and plastic points mixed (yield strain ~5e-5 for j2, ~1e-3 for chaboche)
AMPLITUDES = {
    "elasticity": [1e-4, 1e-3, 1e-2, 2e-3],
    "j2": [1e-5, 3e-5, 3e-4, 3e-3, 1e-2, 2e-5],
    "chaboche": [1e-4, 5e-4, 2e-3, 5e-3, 1e-2, 3e-4],
}
PLASTIC = {"j2": [False, False, True, True, True, False], "chaboche": [False, False, True, True, True, False]}


def python_model(case: str) -> Any:
    return neml2.load_input(CASES[case][0]).get_model(MODEL[case])


def batch_inputs(model: Any, case: str) -> dict[str, torch.Tensor]:
    """Inputs of a batch of points: strains of the case's amplitudes along fixed unit directions."""
    g = torch.Generator().manual_seed(3)
    amp = torch.tensor(AMPLITUDES[case], dtype=torch.float64)
    n = amp.numel()
    dirs = torch.randn(n, 6, generator=g, dtype=torch.float64)
    dirs = dirs / dirs.norm(dim=-1, keepdim=True)
    out = {}
    for name, t in model.input_spec.items():
        if name == "strain":
            out[name] = amp[:, None] * dirs
        elif name == "t":
            out[name] = torch.full((n,), 1.0, dtype=torch.float64)
        elif name == "t~1":
            out[name] = torch.full((n,), 0.9, dtype=torch.float64)
        else:
            out[name] = torch.zeros(n, *t.BASE_SHAPE, dtype=torch.float64)
    return out


def _k(t: type[TensorWrapper], data: torch.Tensor) -> TensorWrapper:
    w = object.__new__(t)
    TensorWrapper.__init__(w, data, k_ndim=1)
    return w


def python_forward(model: Any, ins: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    with torch.no_grad():
        out = model(*[t(ins[n]) for n, t in model.input_spec.items()])
    out = out if isinstance(out, tuple) else (out,)
    return {n: w.data for n, w in zip(model.output_spec, out, strict=True)}


def python_jvp(model: Any, ins: dict[str, torch.Tensor], tangents: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    v = {n: {"d": _k(t, tangents[n][None])} for n, t in model.input_spec.items() if n in tangents}
    with torch.no_grad():
        *_, v_out = model(*[t(ins[n]) for n, t in model.input_spec.items()], v=v)
    N = next(iter(ins.values())).shape[0]
    out = {}
    for n, t in model.output_spec.items():
        d = v_out.get(n, {}).get("d")
        out[n] = torch.zeros(N, *t.BASE_SHAPE, dtype=torch.float64) if d is None else d.data[0].expand(N, *t.BASE_SHAPE)
    return out


def python_jacobian(model: Any, ins: dict[str, torch.Tensor]) -> dict[str, dict[str, torch.Tensor]]:
    sizes = {n: t.BASE_SHAPE[0] if t.BASE_SHAPE else 1 for n, t in model.input_spec.items()}
    total, off, v = sum(sizes.values()), 0, {}
    for n, t in model.input_spec.items():
        v[n] = {"x": seeds(t, total=total, offset=off, dtype=torch.float64)}
        off += sizes[n]
    with torch.no_grad():
        *_, v_out = model(*[t(ins[n]) for n, t in model.input_spec.items()], v=v)
    N = next(iter(ins.values())).shape[0]
    J: dict[str, dict[str, torch.Tensor]] = {}
    for o, to in model.output_spec.items():
        J[o], off = {}, 0
        d = v_out[o]["x"].data  # (total, [N], *out_base)
        d = d.reshape(total, -1, *to.BASE_SHAPE).expand(total, N, *to.BASE_SHAPE)
        for n, t in model.input_spec.items():
            block = d[off : off + sizes[n]].movedim(0, -1)  # (N, *out_base, size)
            J[o][n] = block.reshape(N, *to.BASE_SHAPE, *t.BASE_SHAPE)
            off += sizes[n]
    return J


def assert_equal(a: torch.Tensor, b: torch.Tensor, what: str) -> None:
    """``a == b`` to TOL relative to the block's magnitude (absolute below magnitude 1)."""
    assert a.shape == b.shape, f"{what}: shape {tuple(a.shape)} != {tuple(b.shape)}"
    err = (a - b).abs().max().item() if a.numel() else 0.0
    scale = max(1.0, b.abs().max().item() if b.numel() else 0.0)
    assert err <= TOL * scale, f"{what}: max error {err:.3e} (scale {scale:.3e})"


def set_python_parameter(model: Any, name: str, value: float) -> None:
    (p,) = resolve_parameters(model, [name])
    for mod, pname in p.slots:
        mod._parameters[pname].data.fill_(value)


# ------------------------------------------------------------------------------- no compilation
def test_split_stages_of_the_implicit_j2_model() -> None:
    stages = split_stages(python_model("j2"))
    assert [s.kind for s in stages] == ["implicit", "explicit"]
    assert stages[0].outputs == ["plastic_strain", "equivalent_plastic_strain"]
    assert stages[0].inputs == ["strain", "equivalent_plastic_strain~1", "t", "t~1", "plastic_strain~1"]
    assert stages[1].inputs == ["strain", "plastic_strain"] and stages[1].outputs == ["stress"]


def test_parameter_names_short_dotted_and_ambiguous() -> None:
    f = neml2.load_string(
        """
[Models]
  [e1]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [e2]
    type = LinearIsotropicElasticity
    coefficients = '2e5 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'stress'
    stress = 's2'
  []
  [model]
    type = ComposedModel
    models = 'e1 e2'
  []
[]
"""
    )
    m = f.get_model("model")
    (p,) = resolve_parameters(m, ["e2.E"])
    assert p.path == "e2.E" and p.value.item() == 2e5
    with pytest.raises(InputError, match="ambiguous"):
        resolve_parameters(m, ["E"])
    with pytest.raises(InputError, match="no parameter named 'G'"):
        resolve_parameters(m, ["G"])
    (q,) = resolve_parameters(python_model("j2"), ["E"])
    assert q.path == "elasticity.E" and q.value.item() == 1e5


def test_portable_options_and_content_hash() -> None:
    opts = inductor_options()
    assert opts["cpp.march"] == "" and opts["cpp.vec_isa_ok"] is False
    assert opts["aot_inductor.enable_line_tables"] is False  # no -g1: a faster wrapper compile
    h = content_hash("a", "m", ["cpu"], "float64", ["E"], True)
    assert h == content_hash("a", "m", ["cpu"], "float64", ["E"], True)
    assert h != content_hash("b", "m", ["cpu"], "float64", ["E"], True)
    assert h != content_hash("a", "m", ["cpu"], "float64", [], True)
    assert h != content_hash("a", "m", ["cpu"], "float64", ["E"], False)


@pytest.mark.parametrize("n", [1, 2, 7, 12])
def test_pointwise_lu_solves_with_partial_pivoting(n: int) -> None:
    """The runtimes' Newton solve: equal to LAPACK to rounding, also where the first pivot is zero;
    a singular point is a ConvergenceError naming it."""
    from neml2.aoti.runtime import PointwiseLU

    g = torch.Generator().manual_seed(n)
    J = torch.randn(40, n, n, generator=g, dtype=torch.float64)
    if n > 1:
        J[::4, 0, 0] = 0.0  # elimination without pivoting would divide by zero here
    b = torch.randn(40, n, generator=g, dtype=torch.float64)
    ref = torch.linalg.solve(J, b)
    x = PointwiseLU.vectorized(J, b)
    assert (x - ref).abs().max().item() <= 1e-11 * ref.abs().max().item()
    # the C++ loop (libneml2 solve_points, bound as neml2.aoti._aoti.solve_points) is the same
    # elimination: bitwise equal
    assert torch.equal(PointwiseLU().solve(J, b), x)
    if Model is not PyModel:  # the extension is built
        from neml2.aoti._aoti import solve_points

        assert torch.equal(solve_points(J, b), x)
        with pytest.raises(FatalError, match="solve_points: J"):
            solve_points(J, b.unsqueeze(-1))
    J[3] = 0.0
    with pytest.raises(ConvergenceError, match="singular") as e:
        PointwiseLU().solve(J, b)
    assert e.value.failed.tolist() == [3]


def test_parallel_compile_keeps_order_and_reports_the_first_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """compile_segments forks one child per job (two at a time): timings come back in job order, and a
    failing child's error is raised in the parent, naming its segment."""
    from neml2.aoti import inductor

    def fake(seg: Any, example: Any, path: Path, meta: Any) -> tuple[float, float]:
        if path.name.startswith("bad"):
            raise InputError(f"cannot lower {path.name}")
        time.sleep(0.05 * (3 - int(path.stem[-1])))  # later jobs finish first
        return (float(path.stem[-1]), 2.0 * float(path.stem[-1]))

    monkeypatch.setattr(inductor, "_compile_segment", fake)
    jobs = [(None, [], Path(f"seg{i}.pt2"), {}) for i in range(3)]
    assert inductor.compile_segments(jobs, 2) == [(0.0, 0.0), (1.0, 2.0), (2.0, 4.0)]
    assert inductor.compile_segments(jobs, 1) == [(0.0, 0.0), (1.0, 2.0), (2.0, 4.0)]
    bad = [*jobs, (None, [], Path("bad1.pt2"), {}), (None, [], Path("bad2.pt2"), {})]
    with pytest.raises(InputError, match="compiling bad1.pt2: cannot lower bad1.pt2"):
        inductor.compile_segments(bad, 2)


# ------------------------------------------------------------------------------ compiled models
@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("case", ["elasticity", "j2", "chaboche"])
def test_forward_jvp_jacobian_match_python(compiled: Any, case: str, runtime: type) -> None:
    art = compiled(case)
    m = runtime(str(art.folder))
    py = python_model(case)
    ins = batch_inputs(py, case)
    assert m.input_names == list(py.input_spec) and m.output_names == list(py.output_spec)
    out = m.forward(ins)
    ref = python_forward(py, ins)
    for n in ref:
        assert_equal(out[n], ref[n], f"forward {n}")
    if case in PLASTIC:
        plastic = ref["plastic_strain"].abs().amax(-1) > 0
        assert plastic.tolist() == PLASTIC[case]
    g = torch.Generator().manual_seed(5)
    tangents = {
        n: torch.randn(x.shape, generator=g, dtype=torch.float64) * x.abs().amax().clamp(min=1e-3)
        for n, x in ins.items()
    }
    out2, jv = m.jvp(ins, tangents)
    ref_jv = python_jvp(py, ins, tangents)
    for n in ref:
        assert_equal(out2[n], ref[n], f"jvp value {n}")
        assert_equal(jv[n], ref_jv[n], f"jvp {n}")
    out3, J = m.jacobian(ins)
    ref_J = python_jacobian(py, ins)
    for o in ref_J:
        assert_equal(out3[o], ref[o], f"jacobian value {o}")
        for n in ref_J[o]:
            assert_equal(J[o][n], ref_J[o][n], f"J[{o}][{n}]")
    # a missing tangent is zero; batch shapes broadcast
    first = next(iter(ins))
    _, jv1 = m.jvp(ins, {first: tangents[first]})
    ref1 = python_jvp(py, ins, {first: tangents[first]})
    for n in ref:
        assert_equal(jv1[n], ref1[n], f"jvp (one tangent) {n}")


@pytest.mark.slow
def test_elasticity_numbers_and_promoted_parameters(compiled: Any) -> None:
    m = PyModel(compiled("elasticity").folder)
    assert list(m.named_parameters()) == ["E", "elasticity.nu"]
    assert m.input_base_shapes == {"strain": [6]} and m.output_base_shapes == {"stress": [6]}
    assert m.dtype == torch.float64 and m.device == torch.device("cpu")
    strain = SR2.fill(0.01, 0, 0, 0, 0, 0).data.unsqueeze(0)
    expect = torch.tensor([[2692.3077, 1153.8462, 1153.8462, 0, 0, 0]], dtype=torch.float64)
    torch.testing.assert_close(m.forward({"strain": strain})["stress"], expect, atol=1e-4, rtol=0)
    m.named_parameters()["E"].fill_(100e3)  # in place: the next call sees it
    torch.testing.assert_close(m.forward({"strain": strain})["stress"], expect / 2, atol=1e-4, rtol=0)
    m.set_parameter("E", torch.tensor(200e3, dtype=torch.float64))
    torch.testing.assert_close(m.forward({"strain": strain})["stress"], expect, atol=1e-4, rtol=0)
    # batch shapes (2, 3) broadcast with a (1,) input; jacobian blocks (*B, 6, 6)
    _, J = m.jacobian({"strain": strain.expand(2, 3, 6)})
    assert J["stress"]["strain"].shape == (2, 3, 6, 6)
    assert J["stress"]["strain"][1, 2, 3, 3].item() == pytest.approx(200e3 / (1 + 0.3))


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_j2_parameter_mutation_matches_python(compiled: Any, runtime: type) -> None:
    m = runtime(str(compiled("j2").folder))
    py = python_model("j2")
    ins = batch_inputs(py, "j2")
    before = m.forward(ins)
    m.named_parameters()["E"].fill_(2e5)
    set_python_parameter(py, "E", 2e5)
    after, ref = m.forward(ins), python_forward(py, ins)
    for n in ref:
        assert_equal(after[n], ref[n], f"E = 2e5: {n}")
    assert (after["stress"] - before["stress"]).abs().max() > 1.0
    # a parameter of the implicit stage only (an unused input of the explicit stage graphs)
    m.set_parameter("yield_fn.yield_stress", torch.tensor(20.0, dtype=torch.float64))
    set_python_parameter(py, "yield_fn.yield_stress", 20.0)
    after, ref = m.forward(ins), python_forward(py, ins)
    for n in ref:
        assert_equal(after[n], ref[n], f"yield stress 20: {n}")
    _, J = m.jacobian(ins)
    ref_J = python_jacobian(py, ins)
    assert_equal(J["stress"]["strain"], ref_J["stress"]["strain"], "J after mutation")


@pytest.mark.slow
def test_j2_line_search_and_convergence_error(compiled: Any) -> None:
    m = PyModel(compiled("j2").folder)
    py = python_model("j2")
    ins = batch_inputs(py, "j2")
    m.set_solver_config(1e-10, 1e-8, 1, "NONE", 10, 2.0, 1e-3)
    with pytest.raises(ConvergenceError, match="did not converge") as err:
        m.forward(ins)
    assert isinstance(err.value, neml2.ConvergenceError) and err.value.failed is not None
    assert set(err.value.failed.tolist()) <= {2, 3, 4}  # the plastic points
    # recoverable: back to a working configuration, now with line search (as NewtonWithLineSearch)
    m.set_solver_config(1e-10, 1e-8, 25, "BACKTRACKING", 10, 2.0, 1e-3)
    ls = neml2.load_input(CASES["j2"][0], overrides=["Solvers/newton/type=NewtonWithLineSearch"]).get_model("model")
    out, ref = m.forward(ins), python_forward(ls, ins)
    for n in ref:
        assert_equal(out[n], ref[n], f"line search {n}")
    m.set_solver_config(1e-10, 1e-8, 25, "STRONG_WOLFE", 10, 2.0, 1e-3)
    wolfe = neml2.load_input(
        CASES["j2"][0],
        overrides=["Solvers/newton/type=NewtonWithLineSearch", "Solvers/newton/linesearch_type=STRONG_WOLFE"],
    ).get_model("model")
    out, ref = m.forward(ins), python_forward(wolfe, ins)
    for n in ref:
        assert_equal(out[n], ref[n], f"strong Wolfe {n}")
    with pytest.raises(FatalError, match="ls_type"):
        m.set_solver_config(1e-10, 1e-8, 25, "MORE_THUENTE", 10, 2.0, 1e-3)


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_input_validation(compiled: Any, runtime: type) -> None:
    m = runtime(str(compiled("elasticity").folder))
    good = torch.zeros(3, 6, dtype=torch.float64)
    with pytest.raises(FatalError, match="missing input 'strain'"):
        m.forward({})
    with pytest.raises(FatalError, match="unknown input 'strian'"):
        m.forward({"strain": good, "strian": good})
    with pytest.raises(FatalError, match="input 'strain' has dtype torch.float32"):
        m.forward({"strain": good.float()})
    with pytest.raises(FatalError, match="input 'strain' is on meta"):
        m.forward({"strain": good.to("meta")})
    with pytest.raises(FatalError, match=r"input 'strain' has shape \(3, 1\)"):
        m.forward({"strain": good[:, :1]})
    with pytest.raises(FatalError, match=r"input 'strain' has shape \(6,\).*at least one batch"):
        m.forward({"strain": good[0]})
    with pytest.raises(FatalError, match="must be a torch.Tensor"):
        m.forward({"strain": SR2(good)})
    with pytest.raises(FatalError, match=r"tangent 'strain' has batch shape \(2,\)"):
        m.jvp({"strain": good}, {"strain": torch.zeros(2, 6, dtype=torch.float64)})
    with pytest.raises(FatalError, match="no promoted parameter 'G'"):
        m.set_parameter("G", torch.tensor(1.0, dtype=torch.float64))
    with pytest.raises(FatalError, match="parameter 'E' has shape"):
        m.set_parameter("E", torch.ones(2, dtype=torch.float64))
    assert m.forward({"strain": good})["stress"].shape == (3, 6)


def test_missing_artifact_is_fatal(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="no compiled model"):
        PyModel(tmp_path / "nothing")


@pytest.mark.slow
def test_device_not_compiled_is_fatal(compiled: Any) -> None:
    with pytest.raises(FatalError, match="not compiled for device 'cuda'"):
        PyModel(compiled("elasticity").folder, "cuda")


# ------------------------------------------------------------------------------------ AOTIModel
@pytest.mark.slow
def test_aoti_model_in_transient_driver_reproduces_gold(compiled: Any) -> None:
    art = compiled("j2")
    f = neml2.load_input(art.stub)
    model = f.get_model("model")
    assert isinstance(model, AOTIModel)
    assert {n: t.__name__ for n, t in model.output_spec.items()} == {
        "equivalent_plastic_strain": "Scalar",
        "stress": "SR2",
        "plastic_strain": "SR2",
    }
    driver = f.get_driver("driver")
    assert driver.run()
    res = driver.result()
    ref = torch.load(GOLD, weights_only=True)
    assert set(res) == set(ref)
    for key, value in ref.items():
        torch.testing.assert_close(res[key], value, rtol=1e-5, atol=1e-8, msg=key)
    assert ref["output.50.equivalent_plastic_strain"].abs().max() > 1e-3  # plastic by the end


@pytest.mark.slow
def test_neml2_run_runs_the_stub(compiled: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from neml2.cli.run import main as run_main

    assert run_main([str(compiled("j2").stub), "driver"]) == 0
    assert capsys.readouterr().out == ""  # neml2-run is silent on success


@pytest.mark.slow
def test_aoti_model_call_contract(compiled: Any) -> None:
    art = compiled("elasticity")
    m = AOTIModel(art.folder)
    (stress,) = m(SR2.fill(0.01, 0, 0, 0, 0, 0))  # no batch axis: broadcast like a native model
    assert isinstance(stress, SR2) and stress.data.shape == (6,)
    assert stress.data[0].item() == pytest.approx(2692.3077, abs=1e-4)
    with pytest.raises(FatalError, match="v/v2/vh"):
        m(SR2.fill(0.01, 0, 0, 0, 0, 0), v={})
    assert list(m._inner.named_parameters()) == ["E", "elasticity.nu"]
    bad = neml2.load_string("[Models]\n  [m]\n    type = AOTIModel\n    artifact_path = '/nonexistent/x'\n  []\n[]\n")
    with pytest.raises(InputError, match="artifact_path"):
        bad.get_model("m")


# ------------------------------------------------------------------------------------------ CLI
@pytest.mark.slow
def test_compile_twice_reuses_artifacts(compiled: Any) -> None:
    art = compiled("j2")
    stamp = {p: p.stat().st_mtime_ns for p in art.folder.rglob("*.pt2")}
    assert len(stamp) == 4
    buf = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(buf):
        assert compile_main(art.argv) == 0
    assert time.perf_counter() - start < 30
    assert "up to date" in buf.getvalue() and "reused" in buf.getvalue()
    assert stamp == {p: p.stat().st_mtime_ns for p in art.folder.rglob("*.pt2")}
    text = art.stub.read_text()
    assert "type = AOTIModel" in text and "artifact_path = 'model'" in text and "max_its = 25" in text


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_forward_only_by_default(compiled: Any, runtime: type) -> None:
    """Without -d only the forward graph is compiled: forward matches Python, jvp / jacobian are a
    FatalError that says how to get them."""
    art = compiled("elasticity_forward")
    meta = json.loads((art.folder / "metadata.json").read_text())
    assert [st["segments"] for st in meta["stages"]] == [{"forward": "elasticity.pt2"}]
    assert sorted(p.name for p in art.folder.rglob("*.pt2")) == ["elasticity.pt2"]
    m = runtime(str(art.folder))
    assert m.has_derivatives is False and runtime(str(compiled("elasticity").folder)).has_derivatives is True
    py = python_model("elasticity")
    ins = batch_inputs(py, "elasticity")
    assert_equal(m.forward(ins)["stress"], python_forward(py, ins)["stress"], "forward")
    with pytest.raises(FatalError, match=r"compiled without derivatives, so jvp .*-d OUT:IN"):
        m.jvp(ins, {})
    with pytest.raises(FatalError, match=r"compiled without derivatives, so jacobian"):
        m.jacobian(ins)


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_predictor_is_compiled_and_starts_newton(compiled: Any, runtime: type) -> None:
    """The ImplicitUpdate's predictor becomes a 'predictor' segment: the compiled Newton starts from
    the same guess as the Python model.  With a loose Newton tolerance the answer depends on the
    start, so agreement to rounding shows the guess is the same (from x0 = 0 it is not)."""
    art = compiled("j2_predictor")
    meta = json.loads((art.folder / "metadata.json").read_text())
    implicit = meta["stages"][0]
    assert implicit["segments"]["predictor"] == "model_seg0_predictor.pt2"
    assert set(implicit["predictor_inputs"]) >= {"plastic_strain~1", "plastic_strain~2", "t~2"}
    loose = ["Solvers/newton/abs_tol=1e-3", "Solvers/newton/rel_tol=1e-3"]
    py = neml2.load_input(CASES["j2_predictor"][0], overrides=loose).get_model("model")
    n = 5
    g = torch.Generator().manual_seed(7)
    ins = {}
    for name, t in py.input_spec.items():  # a history: small old plastic state, strains past yield
        ins[name] = 1e-3 * torch.rand(n, *t.BASE_SHAPE, generator=g, dtype=torch.float64)
    axial = torch.tensor([4e-3, -2e-3, -2e-3, 0, 0, 0], dtype=torch.float64)
    ins["strain"] = axial * torch.linspace(0.5, 3, n, dtype=torch.float64)[:, None]
    ins["t"], ins["t~1"], ins["t~2"] = (torch.full((n,), v, dtype=torch.float64) for v in (0.3, 0.2, 0.1))
    ref = python_forward(py, ins)
    m = runtime(str(art.folder))
    m.set_solver_config(1e-3, 1e-3, 25, "NONE", 10, 2.0, 1e-3)
    out = m.forward(ins)
    for k in ref:
        assert_equal(out[k], ref[k], f"forward {k}")
    assert (ref["equivalent_plastic_strain"] > ins["equivalent_plastic_strain~1"]).all()  # plastic steps
    cold = neml2.load_input(CASES["j2"][0], overrides=loose).get_model("model")  # the same model, x0 = 0
    from_zero = python_forward(cold, {k: ins[k] for k in cold.input_spec})
    assert (from_zero["plastic_strain"] - ref["plastic_strain"]).abs().max() > 1e-9


def test_compile_rejects_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(CASES["elasticity"][0])
    assert compile_main([path, "--model", "nope", "--output-dir", str(tmp_path)]) == 2
    assert "no block named 'nope'" in capsys.readouterr().err
    assert compile_main([path, "--model", "elasticity", "--output-dir", str(tmp_path), "-d", "stress:bogus"]) == 2
    assert "'bogus' is not an input" in capsys.readouterr().err
    assert compile_main([path, "--model", "elasticity", "--output-dir", str(tmp_path), "-p", "G"]) == 2
    assert "no parameter named 'G'" in capsys.readouterr().err
    assert compile_main([path, "--model", "elasticity", "--output-dir", str(tmp_path), "-j", "0"]) == 2
    assert "--jobs must be >= 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        compile_main([path, "--output-dir", str(tmp_path)])  # neither --model nor --driver
