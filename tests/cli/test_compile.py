"""neml2-compile: boundary renames (metadata, both runtimes, the stub), HIT overrides, -q, --no-stub,
-i / --interactive, and one-line errors for bad arguments."""

import argparse
import contextlib
import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2.aoti import AOTIModel, Model, PyModel
from neml2.aoti.export import relabel
from neml2.cli.aoti_compile import main
from neml2.cli.inspect import main as inspect_main

HERE = Path(__file__).parent
ELASTIC = HERE / "elastic.i"
RUNTIMES = list(dict.fromkeys([Model, PyModel]))
RENAMES = ["--rename-input", "strain:eps", "--rename-output", "stress:sigma", "--rename-parameter", "E:youngs"]
# elastic.i with E overridden to 100e3 (nu = 0.3): the Mandel stiffness is lambda 1x1 + 2 mu I
E, NU = 100e3, 0.3
LAM, MU = E * NU / ((1 + NU) * (1 - 2 * NU)), E / (2 * (1 + NU))
C = LAM * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64).outer(
    torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64)
) + 2 * MU * torch.eye(6, dtype=torch.float64)


def _compile(argv: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(argv)
    return rc, buf.getvalue()


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """elastic.i's model compiled once, -p E -d :, renamed, with E overridden on the command line."""
    out = tmp_path_factory.mktemp("renamed")
    argv = [str(ELASTIC), "--model", "elasticity", "--output-dir", str(out), "-p", "E", "-d", ":", *RENAMES]
    rc, stdout = _compile([*argv, "-q", "--no-stub", "Models/elasticity/coefficients:='100e3 0.3'"])
    assert rc == 0
    assert stdout.splitlines() == [stdout.strip()] and stdout.startswith(f"{out / 'elasticity' / 'metadata.json'} (")
    assert not (out / "elasticity_aoti.i").exists()
    rc, stdout = _compile([*argv, "Models/elasticity/coefficients:='100e3 0.3'"])  # same hash: reused
    assert rc == 0 and "(reused); stub " in stdout and "up to date" in stdout
    return out


@pytest.mark.slow
def test_metadata_records_the_renames(renamed: Path) -> None:
    meta = json.loads((renamed / "elasticity" / "metadata.json").read_text())
    assert [v["name"] for v in meta["inputs"]] == ["eps"] and [v["name"] for v in meta["outputs"]] == ["sigma"]
    assert meta["parameters"] == [{"name": "youngs", "path": "elasticity.E", "shape": [], "value": [E]}]
    assert meta["boundary_aliases"] == {
        "inputs": {"strain": "eps"},
        "outputs": {"stress": "sigma"},
        "parameters": {"E": "youngs"},
    }
    assert meta["stages"][0]["inputs"] == ["eps"] and meta["stages"][0]["outputs"] == ["sigma"]


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_runtimes_expose_the_new_names(renamed: Path, runtime: type) -> None:
    m = runtime(str(renamed / "elasticity"))
    assert m.input_names == ["eps"] and m.output_names == ["sigma"] and list(m.named_parameters()) == ["youngs"]
    x = torch.tensor([[0.01, 0, 0, 0, 0, 0], [0.0, 0.002, 0, 0.001, 0, 0]], dtype=torch.float64)
    out = m.forward({"eps": x})
    assert list(out) == ["sigma"]
    torch.testing.assert_close(out["sigma"], x @ C)
    out, J = m.jacobian({"eps": x})
    assert list(J) == ["sigma"] and list(J["sigma"]) == ["eps"]
    torch.testing.assert_close(J["sigma"]["eps"], C.expand(2, 6, 6))
    out, t = m.jvp({"eps": x}, {"eps": 2 * x})
    assert list(t) == ["sigma"]
    torch.testing.assert_close(t["sigma"], 2 * x @ C)
    with pytest.raises(neml2.aoti.FatalError, match="missing input 'eps'; inputs: eps"):
        m.forward({"strain": x})
    m.set_parameter("youngs", torch.tensor(2 * E, dtype=torch.float64))
    torch.testing.assert_close(m.forward({"eps": x})["sigma"], 2 * x @ C)


@pytest.mark.slow
def test_stub_exposes_the_new_names(renamed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stub = renamed / "elasticity_aoti.i"
    model = neml2.load_input(stub).get_model("elasticity")
    assert isinstance(model, AOTIModel)
    assert list(model.input_spec) == ["eps"] and list(model.output_spec) == ["sigma"]
    from neml2.types import SR2

    (sigma,) = model(SR2(torch.tensor([0.01, 0, 0, 0, 0, 0], dtype=torch.float64)))
    torch.testing.assert_close(sigma.data, 0.01 * C[0])
    assert inspect_main(["--json", str(stub), "elasticity"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["type"] == "AOTIModel"
    assert [v["name"] for v in doc["inputs"]] == ["eps"] and [v["name"] for v in doc["outputs"]] == ["sigma"]
    assert [(p["name"], p["value"]) for p in doc["parameters"]] == [("youngs", E)]


# ----------------------------------------------------------------------- errors (no compile)
@pytest.mark.parametrize(
    "extra, message",
    [
        (["--rename-input", "strain"], "--rename-input 'strain' must be ORIG:NEW"),
        (["--rename-input", "strian:eps"], "'strian' is not an input of the model (strain)"),
        (["--rename-output", "stress:strain"], "the variable name 'strain' appear twice"),
        (["--rename-parameter", "E:youngs"], "'E' is not a promoted parameter (none: promote one with -p NAME)"),
        (["-p", "E", "-p", "nu", "--rename-parameter", "E:nu"], "the parameter name 'nu' appear twice"),
        (["--rename-input", "strain:a", "--rename-input", "strain:b"], "'strain' is renamed twice"),
        (["--load", "no_such_ext_mod"], "--load no_such_ext_mod: no such file"),
        (["Models/elasticity/coefficents:=1"], "coefficents"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(ELASTIC), "--model", "elasticity", "--output-dir", str(tmp_path), *extra]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("neml2-compile: error: ") and err.count("\n") == 1
    assert message in err
    assert not (tmp_path / "elasticity").exists()


def test_renames_need_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [str(ELASTIC), "--driver", "driver", "--output-dir", str(tmp_path), "--rename-input", "strain:eps"]
    assert main(argv) == 2
    assert "need --model: the bundled driver is wired to the original names" in capsys.readouterr().err


def test_relabel_moves_internal_names_aside() -> None:
    """A new boundary name taken by an internal variable: the internal one gets a fresh label."""
    meta: dict[str, Any] = {
        "inputs": [{"name": "a"}],
        "outputs": [{"name": "c"}],
        "parameters": [{"name": "p", "path": "m.p"}],
        "variables": {"a": {}, "b": {}, "c": {}},
        "stages": [
            {"kind": "explicit", "inputs": ["a"], "outputs": ["b"]},
            {
                "kind": "implicit",
                "given": ["a", "b"],
                "unknowns": ["c"],
                "predictor_inputs": ["b"],
                "substepping": {"old_inputs": ["a", "c"], "ramped": [[0, 2]]},
            },
        ],
    }
    relabel(meta, {"inputs": {"a": "b"}, "outputs": {}, "parameters": {"p": "q"}})
    assert meta["stages"][1]["substepping"] == {"old_inputs": ["b", "c"], "ramped": [[0, 2]]}
    assert meta["inputs"] == [{"name": "b"}] and meta["outputs"] == [{"name": "c"}]
    assert set(meta["variables"]) == {"b", "b#1", "c"}
    assert meta["stages"][0]["inputs"] == ["b"] and meta["stages"][0]["outputs"] == ["b#1"]
    assert meta["stages"][1]["given"] == ["b", "b#1"] and meta["stages"][1]["predictor_inputs"] == ["b#1"]
    assert meta["parameters"] == [{"name": "q", "path": "m.p"}]
    assert meta["boundary_aliases"]["inputs"] == {"a": "b"}


# ------------------------------------------------------------------------------ interactive
class Script(list):
    """Successive answers to a question asked several times."""


class _Q:
    """A question whose answer is scripted."""

    def __init__(self, log: list[tuple[str, Any]], kind: str, message: str, answers: dict[str, Any], **kw: Any):
        default = kw.get("default")
        if kind == "checkbox":  # what questionary returns: the checked choices
            default = [c.title for c in kw["choices"] if c.checked]
        answer = answers.get(message, default)
        self.answer = answer
        if isinstance(answer, Script):  # one answer per time the question is asked
            self.answer = answer.pop(0)
        log.append((kind, message, kw))

    def ask(self) -> Any:
        return self.answer


def _fake_questionary(answers: dict[str, Any], log: list) -> types.ModuleType:
    q = types.ModuleType("questionary")
    q.Choice = lambda title, checked=False: argparse.Namespace(title=title, checked=checked)  # type: ignore[attr-defined]
    for kind in ("select", "checkbox", "text", "confirm"):
        setattr(q, kind, lambda message, _k=kind, **kw: _Q(log, _k, message, answers, **kw))
    return q


def test_interactive_copy_prints_the_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    log: list = []
    answers = {
        "Compile": "model",
        "Parameters to keep as runtime inputs (-p; the others are baked):": ["elasticity.E"],
        "Derivatives to compile (-d; none: forward only):": ["stress:strain"],
        "Rename inputs, outputs or parameters at the boundary?": True,
        "input 'strain' at the boundary (Enter keeps it):": "eps",
        "output 'stress' at the boundary (Enter keeps it):": "stress",
        "parameter 'elasticity.E' at the boundary (Enter keeps it):": "youngs",
        "Output folder:": "out dir",
        "Review:": "copy: print the command and exit",
    }
    monkeypatch.setitem(sys.modules, "questionary", _fake_questionary(answers, log))
    assert main(["-i", str(ELASTIC), "Models/elasticity/coefficients:='1e5 0.3'"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    cmd = (
        f"neml2-compile {ELASTIC} --model elasticity --output-dir 'out dir' -p elasticity.E -d stress:strain "
        "--rename-input strain:eps --rename-parameter elasticity.E:youngs "
        "'Models/elasticity/coefficients:='\"'\"'1e5 0.3'\"'\"''"
    )
    assert out[-1] == cmd
    # the prompts were built from the model
    choices = {m: kw.get("choices") for _, m, kw in log}
    assert choices["Model:"] == ["elasticity"] and choices["Compile"] == ["model", "driver"]
    params = choices["Parameters to keep as runtime inputs (-p; the others are baked):"]
    assert [c.title for c in params] == ["elasticity.E", "elasticity.nu"]
    pairs = choices["Derivatives to compile (-d; none: forward only):"]
    assert [c.title for c in pairs] == [":", "stress:strain"]


def test_interactive_cancel(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setitem(sys.modules, "questionary", _fake_questionary({"Review:": "cancel"}, []))
    assert main(["--interactive", str(ELASTIC)]) == 0
    out = capsys.readouterr().out
    assert f"neml2-compile {ELASTIC} --model elasticity\n" in out and "cancelled" not in out


def test_interactive_needs_questionary(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setitem(sys.modules, "questionary", None)  # import fails
    assert main(["-i", str(ELASTIC)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install questionary" in err


def test_model_or_driver_required_without_interactive(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as e:
        main([str(ELASTIC)])
    assert e.value.code == 2 and "--model --driver is required" in capsys.readouterr().err


def test_overrides_after_list_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An override after -d / -p is still an override (here a misspelled option, so nothing compiles)."""
    argv = [str(ELASTIC), "--model", "elasticity", "--output-dir", str(tmp_path), "-p", "E", "-d", ":"]
    assert main([*argv, "Models/elasticity/coefficents:=1"]) == 2
    err = capsys.readouterr().err
    assert "[Models/elasticity]" in err and "coefficents" in err and "OUT:IN" not in err


def test_interactive_edit_asks_again(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    answers = {
        "Output folder:": Script(["first", "second"]),
        "Review:": Script(["edit the answers", "copy: print the command and exit"]),
    }
    monkeypatch.setitem(sys.modules, "questionary", _fake_questionary(answers, []))
    assert main(["-i", str(ELASTIC), "-d", "stress:strain"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == f"neml2-compile {ELASTIC} --model elasticity --output-dir second -d stress:strain"
    assert any("--output-dir first" in line for line in out[:-1])
