"""The documented package's results for the shipped examples reproduce."""

from pathlib import Path

import pytest
import torch

import neml2

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("*.gold.pt"))


@pytest.mark.parametrize("gold", CASES, ids=[c.name for c in CASES])
def test_gold(gold: Path) -> None:
    inp = gold.with_name(gold.name.replace(".gold.pt", ".i"))
    driver = neml2.load_input(inp).get_driver("driver")
    assert driver.run()
    res = driver.result()
    ref = torch.load(gold, weights_only=True)
    assert set(res) == set(ref)
    for key, value in ref.items():
        torch.testing.assert_close(res[key], value, rtol=1e-5, atol=1e-8, msg=key)


def test_regression_driver(tmp_path: Path) -> None:
    text = (HERE / "j2_viscoplasticity.i").read_text()
    text += f"""
[Drivers]
  [regression]
    type = TransientRegression
    driver = 'driver'
    reference = '{HERE / "j2_viscoplasticity.gold.pt"}'
  []
[]
"""
    inp = tmp_path / "case.i"
    inp.write_text(text.replace("[Drivers]\n  [driver]", "[Drivers]\n  [driver]", 1))
    # two [Drivers] sections are merged by HIT
    assert neml2.load_input(inp).get_driver("regression").run()
