"""neml2-syntax: the registered types and their options (kind, type, default, required)."""

import json
import subprocess
import sys
from pathlib import Path

from neml2.cli.syntax import main
from neml2.factory import registered


def _json(tmp_path, *args) -> dict:
    out = tmp_path / "syntax.json"
    assert main(["--json", str(out), *args]) == 0
    return json.loads(out.read_text())


def test_json_lists_every_registered_type(tmp_path):
    cat = _json(tmp_path)
    assert set(cat) == set(registered())
    newton = cat["Newton"]
    assert newton["section"] == "Solvers"
    assert newton["options"]["abs_tol"] == {
        "kind": "option",
        "type": "float",
        "default": 1e-10,
        "required": False,
        "doc": "a point converges when |r| <= abs_tol",
    }
    assert newton["options"]["max_its"]["default"] == 25
    perzyna = cat["PerzynaPlasticFlowRate"]["options"]
    assert perzyna["reference_stress"] == {
        "kind": "parameter",
        "type": "Scalar",
        "default": None,
        "required": True,
        "doc": "eta",
    }
    assert perzyna["yield_function"]["kind"] == "input var" and perzyna["yield_function"]["default"] == "yield_function"
    assert perzyna["flow_rate"]["kind"] == "output var"


def test_hidden_fields_are_not_listed(tmp_path):
    opts = _json(tmp_path, "--type", "SR2BackwardEulerTimeIntegration")["SR2BackwardEulerTimeIntegration"]["options"]
    assert list(opts) == ["variable", "time", "rate", "variable_residual"]  # no old_variable / old_time
    assert opts["rate"]["default"] == "{variable}_rate"


def test_optional_variable(tmp_path):
    opts = _json(tmp_path, "--type", "YieldFunction")["YieldFunction"]["options"]
    assert opts["isotropic_hardening"] == {
        "kind": "input var",
        "type": "Scalar",
        "default": None,
        "required": False,
        "optional": True,
        "doc": "isotropic hardening k (none when unset)",
    }


def test_section_filter(tmp_path):
    cat = _json(tmp_path, "--section", "Drivers")
    assert {"TransientDriver", "TransientRegression"} <= set(cat)
    assert all(info["section"] == "Drivers" for info in cat.values())


def test_text(capsys):
    assert main(["--type", "LinearIsotropicHardening"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[Models]"
    assert lines[1].startswith("  LinearIsotropicHardening")
    assert lines[2:] == [
        "      equivalent_plastic_strain (input var, Scalar, = `equivalent_plastic_strain`): "
        "equivalent plastic strain ep",
        "      isotropic_hardening (output var, Scalar, = `isotropic_hardening`): k = H ep",
        "      hardening_modulus (parameter, Scalar, required): H",
    ]


def test_bad_filters(capsys):
    assert main(["--type", "Newtn"]) == 2
    assert "did you mean 'Newton'" in capsys.readouterr().err
    assert main(["--section", "Model"]) == 2
    assert "unknown section 'Model'" in capsys.readouterr().err


def test_console_script():
    script = Path(sys.executable).parent / "neml2-syntax"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "neml2.cli.syntax"]
    res = subprocess.run([*cmd, "--type", "DenseLU", "--json", "-"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["DenseLU"]["options"] == {}


def test_summary_json_one_entry_per_type(capsys):
    assert main(["--section", "Drivers", "--summary", "--json", "-"]) == 0
    cat = json.loads(capsys.readouterr().out)
    assert list(cat) == sorted(registered("Drivers"))
    for info in cat.values():
        assert set(info) == {"section", "module", "file", "doc"} and info["section"] == "Drivers"
    assert cat["TransientDriver"]["module"] == "neml2.drivers.transient_driver"
    assert cat["TransientDriver"]["file"] == "neml2/drivers/transient_driver.py"


def test_summary_all_sections_in_order(tmp_path):
    cat = _json(tmp_path, "--summary")
    assert set(cat) == set(registered())
    sections = [info["section"] for info in cat.values()]
    order = ["Tensors", "Models", "EquationSystems", "Solvers", "Drivers", "Data"]
    assert sections == sorted(sections, key=order.index)
    assert all("options" not in info for info in cat.values())


def test_summary_text(capsys):
    assert main(["--summary", "--type", "LinearIsotropicHardening"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "[Models]",
        "  LinearIsotropicHardening: Isotropic hardening linear in the equivalent plastic strain"
        "  [neml2/models/solid_mechanics/plasticity/linear_isotropic_hardening.py]",
    ]


def test_full_schema_of_one_type(capsys):
    assert main(["--type", "LinearIsotropicElasticity", "--json", "-"]) == 0
    cat = json.loads(capsys.readouterr().out)
    assert list(cat) == ["LinearIsotropicElasticity"]
    info = cat["LinearIsotropicElasticity"]
    assert info["section"] == "Models"
    assert {"coefficients", "coefficient_types", "strain", "stress"} <= set(info["options"])
    assert info["options"]["stress"]["kind"] == "output var"
