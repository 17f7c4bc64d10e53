"""An implicit model evaluated on unbatched inputs equals the same point in a batch."""

from pathlib import Path

import torch

import neml2
from neml2.types import SR2, Scalar

EXAMPLE = Path(__file__).parents[1] / "regression" / "j2_viscoplasticity.i"


def test_unbatched_implicit_update() -> None:
    model = neml2.load_model(EXAMPLE, "model")
    strain = torch.tensor([0.004, -0.002, -0.002, 0.001, 0.0, 0.0], dtype=torch.float64)
    single = {
        "strain": SR2(strain),
        "t": Scalar(torch.tensor(0.1, dtype=torch.float64)),
        "t~1": Scalar(torch.tensor(0.0, dtype=torch.float64)),
        "plastic_strain~1": SR2(torch.zeros(6, dtype=torch.float64)),
        "equivalent_plastic_strain~1": Scalar(torch.tensor(0.0, dtype=torch.float64)),
    }
    batched = {k: v.batch_expand((3,)) for k, v in single.items()}
    with torch.no_grad():
        one = model.call_by_name(single)
        many = model.call_by_name(batched)
    assert one["stress"].data.shape == (6,) and one["equivalent_plastic_strain"].data.shape == ()
    for name, value in one.items():
        torch.testing.assert_close(many[name].data[1], value.data, rtol=1e-12, atol=1e-14)
    assert one["equivalent_plastic_strain"].data > 0
