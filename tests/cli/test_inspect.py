"""neml2-inspect: a model's inputs, outputs, parameters and buffers (type, dtype, device, shape), as
text or --json."""

import json
import subprocess
import sys
from pathlib import Path

from neml2.cli.inspect import main

HERE = Path(__file__).parent
CASE = HERE / "inspect_case.i"
J2 = HERE.parent / "regression" / "j2_viscoplasticity.i"
VAR_HEADER = ["name", "type", "dtype", "device", "base_shape"]
PARAM_HEADER = ["name", "type", "dtype", "device", "shape", "value"]


def _rows(text: str, header: str) -> list[list[str]]:
    block = text.split(header + ":\n", 1)[1].split("\n\n", 1)[0]
    return [line.split() for line in block.splitlines()]


def test_inputs_outputs_parameters(capsys):
    assert main([str(CASE), "model"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Model 'model' (ComposedModel)\n\nInputs:\n")
    assert _rows(text, "Inputs") == [
        VAR_HEADER,
        ["strain", "SR2", "float64", "cpu", "(6,)"],
        ["equivalent_plastic_strain", "Scalar", "float64", "cpu", "()"],
        ["H", "Scalar", "float64", "cpu", "()"],
    ]
    assert _rows(text, "Outputs") == [
        VAR_HEADER,
        ["stress", "SR2", "float64", "cpu", "(6,)"],
        ["isotropic_hardening", "Scalar", "float64", "cpu", "()"],
    ]
    assert _rows(text, "Parameters") == [
        PARAM_HEADER,
        ["elasticity.E", "Scalar", "float64", "cpu", "(3,)", "[100000,", "150000,", "200000]"],
        ["elasticity.nu", "Scalar", "float64", "cpu", "()", "0.3"],
    ]
    assert _rows(text, "Buffers") == [["(none)"]]
    assert _rows(text, "Parameters promoted to inputs") == [["name", "input"], ["hardening.hardening_modulus", "H"]]


def test_columns_are_aligned(capsys):
    assert main([str(CASE), "model"]) == 0
    lines = capsys.readouterr().out.split("Inputs:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    starts = {line.index("float64") for line in lines[1:]}
    assert starts == {lines[0].index("dtype")}


def test_json_document(capsys):
    assert main(["--json", str(CASE), "model"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["name", "type", "inputs", "outputs", "parameters", "buffers", "promoted"]
    assert doc["name"] == "model" and doc["type"] == "ComposedModel"
    assert doc["inputs"][0] == {"name": "strain", "type": "SR2", "dtype": "float64", "device": "cpu", "base_shape": [6]}
    assert [v["name"] for v in doc["outputs"]] == ["stress", "isotropic_hardening"]
    E = doc["parameters"][0]
    assert E == {
        "name": "elasticity.E",
        "type": "Scalar",
        "dtype": "float64",
        "device": "cpu",
        "shape": [3],
        "batch_shape": [3],
        "base_shape": [],
        "requires_grad": True,
        "value": [100000.0, 150000.0, 200000.0],
        "summary": "[100000, 150000, 200000]",
    }
    assert doc["buffers"] == []
    assert doc["promoted"] == [{"name": "hardening.hardening_modulus", "input": "H"}]


def test_nested_parameters_and_override(capsys):
    assert main([str(J2), "model", "Models/elasticity/coefficients:='2e5 0.25'"]) == 0
    rows = {r[0]: r[1:] for r in _rows(capsys.readouterr().out, "Parameters")[1:]}
    assert rows["return_map.implicit_rate.elasticity.E"] == ["Scalar", "float64", "cpu", "()", "200000"]
    assert rows["return_map.implicit_rate.elasticity.nu"] == ["Scalar", "float64", "cpu", "()", "0.25"]
    assert rows["return_map.implicit_rate.flow_rate.exponent"] == ["Scalar", "float64", "cpu", "()", "2"]
    assert len(rows) == 9


def test_unknown_model(capsys):
    assert main([str(J2), "modle"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("neml2-inspect: error:") and "did you mean 'model'" in err and err.count("\n") == 1


def test_console_script():
    script = Path(sys.executable).parent / "neml2-inspect"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "neml2.cli.inspect"]
    res = subprocess.run([*cmd, str(CASE), "elasticity"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "elasticity.E" not in res.stdout and "E     Scalar  float64  cpu     (3,)   [100000" in res.stdout
    res = subprocess.run(
        [*cmd, "--json", str(CASE), "elasticity", "Models/elasticity/coefficients:='1 0.25'"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    assert [p["value"] for p in json.loads(res.stdout)["parameters"]] == [1.0, 0.25]
