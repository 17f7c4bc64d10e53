"""Mixed strain / stress control: uniaxial stress from a prescribed axial strain."""

from pathlib import Path

import torch

import neml2

HERE = Path(__file__).parent


def test_uniaxial_stress_by_mixed_control() -> None:
    d = neml2.load_input(HERE / "mixed_control.i").get_driver("driver")
    d.options["show_progress"] = False
    assert d.run()
    res = d.result()
    last = d.n_steps - 1
    stress, strain = res[f"output.{last}.stress"], res[f"output.{last}.strain"]
    # prescribed axial strain is honoured, the other stresses vanish
    torch.testing.assert_close(strain[:, 0], torch.tensor([0.002, 0.02, 0.04], dtype=torch.float64))
    assert stress[:, 1:].abs().max() < 1e-7
    # the small-strain point stays elastic: Hooke's law in uniaxial stress, lateral strain = -nu eps
    torch.testing.assert_close(stress[0, 0], torch.tensor(1e5 * 0.002, dtype=torch.float64))
    torch.testing.assert_close(strain[0, 1:3], torch.full((2,), -0.3 * 0.002, dtype=torch.float64))
    # the others yield: axial stress above the yield stress, below the elastic prediction
    assert (stress[1:, 0] > 300).all() and (stress[1:, 0] < 1e5 * strain[1:, 0]).all()
    # plastic flow is isochoric and uniaxial
    ep = res[f"output.{last}.plastic_strain"]
    torch.testing.assert_close(ep[:, :3].sum(-1), torch.zeros(3, dtype=torch.float64), atol=1e-12, rtol=0)
    torch.testing.assert_close(ep[:, 1], -0.5 * ep[:, 0])
