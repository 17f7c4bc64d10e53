"""--load PATH on every tool: a .py file, a package directory or a dotted module, in the order given."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from neml2.cli import load_extension
from neml2.cli.inspect import main as inspect_main
from neml2.cli.syntax import main as syntax_main
from neml2.errors import InputError
from neml2.factory import REGISTRY

EXT = Path(__file__).parent / "ext"
FILE, PKG, CASE = EXT / "tripled_scalar.py", EXT / "shifted_pkg", EXT / "ext.i"


def _cli(tool: str, *args: str) -> subprocess.CompletedProcess:
    """A tool in a fresh interpreter (nothing registered by earlier tests)."""
    code = f"import sys; from neml2.cli.{tool} import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_file_then_package_in_order():
    """The package derives from the type the file registers: both load, in order, and evaluate."""
    ok = _cli("inspect", "--load", str(FILE), "--load", str(PKG), "--json", str(CASE), "shifted")
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert doc["type"] == "ShiftedTriple" and [p["value"] for p in doc["parameters"]] == [2.0]
    bad = _cli("inspect", "--load", str(PKG), "--load", str(FILE), str(CASE), "shifted")
    assert bad.returncode == 2
    assert bad.stderr == f"neml2-inspect: error: --load {PKG}: import failed: KeyError: 'TripledScalar'\n"


def test_loaded_model_evaluates():
    import torch

    import neml2
    from neml2.types import Scalar

    load_extension(str(FILE))
    load_extension(str(PKG))
    f = neml2.load_input(CASE)
    x = Scalar(torch.tensor([0.5, 1.0], dtype=torch.float64))
    torch.testing.assert_close(f.get_model("tripled")(x).data, torch.tensor([3.0, 6.0], dtype=torch.float64))
    torch.testing.assert_close(f.get_model("shifted")(x).data, torch.tensor([4.0, 7.0], dtype=torch.float64))


def test_dotted_module_name(monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(EXT))
    mod = load_extension("tripled_scalar")
    assert mod.__name__ == "tripled_scalar" and REGISTRY["TripledScalar"] is mod.TripledScalar
    assert syntax_main(["--load", "tripled_scalar", "--type", "TripledScalar", "--json", "-"]) == 0
    opts = json.loads(capsys.readouterr().out)["TripledScalar"]["options"]
    assert opts["c"] == {"kind": "parameter", "type": "Scalar", "default": 1.0, "required": False}


def test_not_registered_without_load():
    res = _cli("syntax", "--type", "TripledScalar")
    assert res.returncode == 2 and "no registered type 'TripledScalar'" in res.stderr
    res = _cli("syntax", "--load", str(FILE), "--summary", "--section", "Models", "--json", "-")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["TripledScalar"]["doc"] == "y = 3 c x, a test-only extension type."


@pytest.mark.parametrize(
    "target, message",
    [
        ("no_such_module_xyz", "no such file, package directory or module on sys.path"),
        (str(EXT / "nope.py"), "no such file or package directory"),
        (str(EXT / "ext.i"), "not a .py file"),
        (str(EXT), "a directory without __init__.py is not a package"),
    ],
)
def test_bad_targets(target, message, capsys):
    with pytest.raises(InputError, match="^--load "):
        load_extension(target)
    assert inspect_main(["--load", target, str(CASE), "tripled"]) == 2
    err = capsys.readouterr().err
    assert err == f"neml2-inspect: error: --load {target}: {message}\n"


def test_import_error_is_one_line(tmp_path, capsys):
    broken = tmp_path / "broken_ext.py"
    broken.write_text("import math\nraise RuntimeError('bad\\nthing')\n")
    assert syntax_main(["--load", str(broken), "--summary"]) == 2
    assert capsys.readouterr().err == f"neml2-syntax: error: --load {broken}: import failed: RuntimeError: bad; thing\n"
    assert "broken_ext" not in sys.modules
