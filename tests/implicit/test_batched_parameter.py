"""ImplicitUpdate with a leaf parameter batched over the trailing batch axis of 2-D batched inputs:
the parameter broadcasts against the batch's shape (not against its flattened points)."""

from __future__ import annotations

from pathlib import Path

import torch

import neml2
from neml2.types import Scalar

HERE = Path(__file__).resolve().parent
C = torch.tensor([-1.0, -2.0, -3.0], dtype=torch.float64)


def _inputs(f: torch.Tensor) -> dict[str, Scalar]:
    d = torch.float64
    return {
        "x": Scalar(torch.zeros((), dtype=d)),
        "x~1": Scalar(torch.full((5, 1), 0.5, dtype=d)),
        "t": Scalar(torch.tensor(1.0, dtype=d)),
        "t~1": Scalar(torch.tensor(0.0, dtype=d)),
        "f": Scalar(f),
    }


def test_batched_parameter_against_2d_batch() -> None:
    m = neml2.load_model(HERE / "batched_parameter.i", "update")
    f = torch.arange(15, dtype=torch.float64).reshape(5, 3).requires_grad_()
    vals = _inputs(f)
    args = [vals[k] for k in m.input_spec]
    (x,) = m(*args)
    # backward Euler: x = (x~1 + dt f) / (1 - dt c), dt = 1
    assert x.data.shape == (5, 3)
    torch.testing.assert_close(x.data, (0.5 + f.detach()) / (1 - C), rtol=1e-12, atol=1e-12)
    (g,) = torch.autograd.grad(x.data.sum(), f)
    torch.testing.assert_close(g, (1 / (1 - C)).expand(5, 3), rtol=1e-12, atol=1e-12)
    seed = Scalar(torch.ones(1, dtype=torch.float64), k_ndim=1)
    *_, v = m(*args, v={"f": {"f": seed}})
    torch.testing.assert_close(v["x"]["f"].data[0], (1 / (1 - C)).expand(5, 3), rtol=1e-12, atol=1e-12)
