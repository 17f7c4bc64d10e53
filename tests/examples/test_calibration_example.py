"""The calibration example (examples/calibration) in its shortened form (--quick): synthetic cyclic data
with 1 MPa noise, four Chaboche parameters started 20-33 % off, LBFGS through the TransientDriver.

Asserted: every fitted parameter within 5 % of its true value (the quick run gets 0.1-3 %: the noise
and the short run leave C1 and g1, which trade off along a flat valley, a few % off), the loss down
by more than a factor 100 and to within 1.5 x the noise level, and the two PNGs and the JSON written."""

import importlib.util
import json
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[2]
REL_TOL = 0.05  # relative error of each fitted parameter
LOSS_FACTOR = 100.0  # initial loss / final loss at least
LOSS_FINAL = 1.5  # the loss is the misfit in units of the noise variance: ~1 when the fit is within the noise


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "examples" / "calibration" / "calibrate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def run(example, tmp_path_factory):
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    out = tmp_path_factory.mktemp("calibration")
    try:
        rc = example.main(["--quick", "--output", str(out)])
    finally:
        torch.set_num_threads(threads)
    return rc, out


def test_parameters_recovered(example, run):
    rc, out = run
    assert rc == 0
    res = json.loads((out / "fitted.json").read_text())
    assert set(res["fitted"]) == set(example.PARAMETERS)
    assert res["true"] == {
        "yield stress [MPa]": 150.0,
        "C1 [MPa]": 25000.0,
        "g1 [-]": 250.0,
        "eta [MPa]": 150.0,
    }
    for name, true in res["true"].items():
        initial, fitted = res["initial"][name], res["fitted"][name]
        assert abs(initial - true) / true > 0.15, name  # the fit had something to do
        assert abs(fitted - true) / true < REL_TOL, (name, fitted, true)


def test_loss_decreased(run):
    res = json.loads((run[1] / "fitted.json").read_text())
    assert res["loss_initial"] > LOSS_FACTOR * res["loss_final"]
    assert res["loss_final"] < LOSS_FINAL
    assert res["loss_history"][0] == res["loss_initial"]
    assert res["evaluations"] == len(res["loss_history"]) > 1


def test_outputs_written(run):
    import matplotlib.image

    out = run[1]
    for name, min_shape in (("stress_strain.png", (400, 1200)), ("loss.png", (300, 500))):
        path = out / name
        assert path.stat().st_size > 20_000, name
        img = matplotlib.image.imread(path)
        assert img.ndim == 3 and img.shape[2] in (3, 4), name
        assert img.shape[0] >= min_shape[0] and img.shape[1] >= min_shape[1], (name, img.shape)
        assert img[..., :3].std() > 0.05, name  # not a blank canvas
    assert (out / "fitted.json").stat().st_size > 200
