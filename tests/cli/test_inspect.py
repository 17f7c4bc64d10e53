"""neml2-inspect: a model's inputs, outputs and parameters."""

import subprocess
import sys
from pathlib import Path

from neml2.cli.inspect import main

HERE = Path(__file__).parent
CASE = HERE / "inspect_case.i"
J2 = HERE.parent / "regression" / "j2_viscoplasticity.i"


def _rows(text: str, header: str) -> list[list[str]]:
    block = text.split(header + ":\n", 1)[1].split("\n\n", 1)[0]
    return [line.split() for line in block.splitlines()]


def test_inputs_outputs_parameters(capsys):
    assert main([str(CASE), "model"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Model 'model' (ComposedModel)")
    assert _rows(text, "Inputs") == [["strain", "SR2"], ["equivalent_plastic_strain", "Scalar"], ["H", "Scalar"]]
    assert _rows(text, "Outputs") == [["stress", "SR2"], ["isotropic_hardening", "Scalar"]]
    assert _rows(text, "Parameters") == [
        ["elasticity.E", "Scalar", "batch", "(3,)", "[100000,", "150000,", "200000]"],
        ["elasticity.nu", "Scalar", "batch", "()", "0.3"],
    ]
    assert _rows(text, "Parameters promoted to inputs") == [["hardening.hardening_modulus", "<-", "H"]]


def test_nested_parameters_and_override(capsys):
    assert main([str(J2), "model", "Models/elasticity/coefficients='2e5 0.25'"]) == 0
    rows = {r[0]: r[1:] for r in _rows(capsys.readouterr().out, "Parameters")}
    assert rows["return_map.implicit_rate.elasticity.E"] == ["Scalar", "batch", "()", "200000"]
    assert rows["return_map.implicit_rate.elasticity.nu"] == ["Scalar", "batch", "()", "0.25"]
    assert rows["return_map.implicit_rate.flow_rate.exponent"] == ["Scalar", "batch", "()", "2"]
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
    assert "elasticity.E" not in res.stdout and "E   Scalar  batch (3,)" in res.stdout
