"""SR2DynamicSum / SR2DynamicMean: the sum / mean over one dynamic batch axis, values by plain torch
and v= tangents against torch autograd (batched seeds and batch-free seeds)."""

from __future__ import annotations

import pytest
import torch

import neml2
from neml2.types import SR2, TensorWrapper

F64 = torch.float64
TEXT = """
[Models]
  [sum]
    type = SR2DynamicSum
    from = 'stress'
    to = 'total'
    dim = {dim}
  []
  [mean]
    type = SR2DynamicMean
    from = 'stress'
    to = 'average'
    dim = {dim}
  []
[]
"""


def _seed(data: torch.Tensor) -> SR2:
    out = object.__new__(SR2)
    TensorWrapper.__init__(out, data, k_ndim=1)
    return out


@pytest.mark.parametrize("dim", [0, 1, -1])
@pytest.mark.parametrize("kind", ["sum", "mean"])
def test_values_and_tangents(kind: str, dim: int) -> None:
    torch.manual_seed(4)
    model = neml2.load_string(TEXT.format(dim=dim)).get_model(kind)
    x = torch.randn(4, 3, 6, dtype=F64)
    ax = dim if dim >= 0 else dim - 1  # the data's axis: batch axes count before the base axis
    reduce = (lambda d: d.sum(ax)) if kind == "sum" else (lambda d: d.mean(ax))
    y = model(SR2(x))
    torch.testing.assert_close(y.data, reduce(x), rtol=1e-14, atol=1e-14)
    # batched seeds (K = 2) and one batch-free seed (broadcast over the points)
    seeds = torch.randn(2, 4, 3, 6, dtype=F64)
    flat = torch.randn(1, 6, dtype=F64)
    _, t = model(SR2(x), v={"stress": {"A": _seed(seeds), "B": _seed(flat)}})
    out = model.output_names[0]
    for name, s in (("A", seeds), ("B", flat.reshape(1, 1, 1, 6).expand(1, 4, 3, 6))):
        want = torch.stack([torch.func.jvp(lambda a: reduce(a), (x,), (s[i],))[1] for i in range(s.shape[0])])
        got = t[out][name].data.expand_as(want)
        torch.testing.assert_close(got, want, rtol=1e-14, atol=1e-14)


def test_mean_of_a_polycrystal() -> None:
    """The mean stress of 5 grains (a batch axis of size 5) under 2 loads: (1/5) sum of the grains."""
    grains = torch.arange(60, dtype=F64).reshape(2, 5, 6)
    model = neml2.load_string(TEXT.format(dim=1)).get_model("mean")
    torch.testing.assert_close(model(SR2(grains)).data, grains.sum(1) / 5.0)
