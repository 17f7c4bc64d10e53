"""The [Drivers] of the documented input files run: every driver of a file whose types all exist
runs through; the others stop at an ``unknown type`` listed in test_input.EXPECTED_UNKNOWN or at a
type the page itself defines in Python (an extension tutorial)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch
from test_input import EXPECTED_UNKNOWN, SPEC_INPUTS

import neml2

#: types the documented pages define themselves (extension tutorials) before loading their file
PAGE_DEFINED = {"ProjectileAcceleration"}

WITH_DRIVERS = [(name, text) for name, text in SPEC_INPUTS if "[Drivers]" in text]


def _run_all(name: str, text: str, tmp_path: Path) -> dict[str, dict]:
    path = tmp_path / "input.i"
    path.write_text(text)
    f = neml2.load_input(path)
    results = {}
    for block in f.blocks["Drivers"]:
        driver = f.get_driver(block)
        with torch.no_grad():
            assert driver.run() is True, f"{name} [Drivers/{block}] did not run through"
        results[block] = driver.result()
    return results


@pytest.mark.skipif(not WITH_DRIVERS, reason="the spec folder (../shared/spec/docs) is absent")
@pytest.mark.parametrize("name,text", WITH_DRIVERS, ids=[n for n, _ in WITH_DRIVERS])
def test_documented_drivers_run(name: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # drivers may save their results next to the file
    try:
        results = _run_all(name, text, tmp_path)
    except neml2.InputError as e:
        m = re.search(r"unknown type '([^']+)'", str(e))
        assert m and m[1] in EXPECTED_UNKNOWN | PAGE_DEFINED, f"{name}: {e}"
        return
    assert results
    for block, res in results.items():
        outputs = [v for k, v in res.items() if k.startswith("output.")]
        assert outputs and all(torch.isfinite(torch.as_tensor(v)).all() for v in outputs), (name, block)
    if name == "deployment/input.i":
        # uniaxial strain 0.01 ramped over 5 steps: sigma_11 = (lambda + 2 mu) eps_11 at the last step
        E, nu = 200e3, 0.3
        lam, mu = E * nu / ((1 + nu) * (1 - 2 * nu)), E / (2 * (1 + nu))
        s = torch.as_tensor(results["driver"]["output.4.stress"]).reshape(-1)
        torch.testing.assert_close(s, torch.tensor([lam + 2 * mu, lam, lam, 0, 0, 0], dtype=s.dtype) * 0.01)
        assert (tmp_path / "result.pt").is_file()  # save_as
