"""neml2-run: runs a driver silently, honours overrides / dtype / --load, and reports bad input and failed
solves in one line."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from neml2 import settings
from neml2.cli.run import main

HERE = Path(__file__).parent
ELASTIC = HERE / "elastic.i"
EXT = HERE / "ext"
J2 = HERE.parent / "regression" / "j2_viscoplasticity.i"
# E = 200e3, nu = 0.3, uniaxial strain 0.01: sigma = (lambda + 2 mu, lambda, lambda) * 0.01
STRESS = torch.tensor([2692.3076923, 1153.8461538, 1153.8461538, 0, 0, 0], dtype=torch.float64)


def _save(path: Path) -> str:
    return f"Drivers/driver/save_as='{path}'"


def test_run_saves_results(tmp_path, capsys):
    out = tmp_path / "sub" / "elastic.pt"  # the parent folder is created
    assert main([str(ELASTIC), "driver", _save(out)]) == 0
    assert capsys.readouterr() == ("", "")  # silent on success
    res = torch.load(out, weights_only=True)
    torch.testing.assert_close(res["output.4.stress"], STRESS.expand(2, 6))
    torch.testing.assert_close(res["output.2.stress"], 0.5 * STRESS.expand(2, 6))


def test_override_changes_the_result(tmp_path):
    base, half = tmp_path / "base.pt", tmp_path / "half.pt"
    assert main([str(ELASTIC), "driver", _save(base)]) == 0
    assert main([str(ELASTIC), "driver", "Models/elasticity/coefficients:='100e3 0.3'", _save(half)]) == 0
    a = torch.load(base, weights_only=True)["output.4.stress"]
    b = torch.load(half, weights_only=True)["output.4.stress"]
    torch.testing.assert_close(b, 0.5 * a)
    torch.testing.assert_close(b[0], 0.5 * STRESS)


def test_dtype_float32(tmp_path):
    out, before = tmp_path / "f32.pt", torch.get_default_dtype()
    # options may come before or after the overrides
    assert main([str(ELASTIC), "driver", _save(out), "--dtype", "float32"]) == 0
    res = torch.load(out, weights_only=True)
    assert res["output.4.stress"].dtype == torch.float32
    assert res["input.4.strain"].dtype == torch.float32  # an explicit float64 [Tensors] entry follows too
    torch.testing.assert_close(res["output.4.stress"][0], STRESS.float())
    # process-wide defaults are restored
    assert torch.get_default_dtype() == before
    assert settings.default_dtype == torch.float64


def test_device_cpu(tmp_path):
    out = tmp_path / "cpu.pt"
    assert main([str(ELASTIC), "driver", "--device", "cpu", _save(out)]) == 0
    assert torch.load(out, weights_only=True)["output.4.stress"].device.type == "cpu"


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_unavailable_device(capsys):
    assert main([str(ELASTIC), "driver", "--device", "cuda"]) == 2
    assert "not available" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        ([str(ELASTIC), "drive"], "no block named 'drive' in [Drivers] (did you mean 'driver'?)"),
        ([str(ELASTIC), "driver", "Models/elasticity/coefficent=1"], "unknown option"),
        ([str(HERE / "missing.i"), "driver"], "input file not found"),
        ([str(J2), "driver", "Solvers/newton/max_its=1"], "Newton did not converge in 1 iterations"),
    ],
)
def test_errors_exit_2_with_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("neml2-run: error: ")
    assert message in err


def _script(name: str) -> str:
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"console script {name} is not installed")
    return found


def test_console_script(tmp_path):
    out = tmp_path / "elastic.pt"
    ok = subprocess.run([_script("neml2-run"), str(ELASTIC), "driver", _save(out)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == ""
    torch.testing.assert_close(torch.load(out, weights_only=True)["output.4.stress"][1], STRESS)
    bad = subprocess.run(
        [_script("neml2-run"), str(J2), "driver", "Solvers/newton/max_its=1"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def test_load_extension_and_hit_variable(tmp_path, capsys):
    """--load imports a user's model type; a trailing nbatch=64 sets the file's ${nbatch}."""
    out = tmp_path / "ext.pt"
    argv = ["--load", str(EXT / "tripled_scalar.py"), str(EXT / "ext.i"), "driver", "nbatch=64", _save(out)]
    assert main(argv) == 0
    assert capsys.readouterr() == ("", "")
    res = torch.load(out, weights_only=True)
    # y = 3 c x with c = 2 and x = 0, 1, 2 over the steps
    torch.testing.assert_close(res["output.2.y"], torch.full((64,), 12.0, dtype=torch.float64))
    torch.testing.assert_close(res["output.1.y"], torch.full((64,), 6.0, dtype=torch.float64))
    assert main(["--load", str(EXT / "tripled_scalar.py"), str(EXT / "ext.i"), "driver", _save(out)]) == 0
    assert torch.load(out, weights_only=True)["output.2.y"].shape == (2,)  # the file's nbatch = 2


def test_load_missing_extension(capsys):
    assert main(["--load", str(EXT / "missing.py"), str(EXT / "ext.i"), "driver"]) == 2
    err = capsys.readouterr().err
    assert err == f"neml2-run: error: --load {EXT / 'missing.py'}: no such file or package directory\n"
