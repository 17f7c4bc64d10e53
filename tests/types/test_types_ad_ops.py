"""The input-recompute variants of saved-output ops (exp_ad, sqrt_ad, tanh_ad, reciprocal_ad)."""

import math

import pytest
import torch

from neml2.types import Scalar, exp_ad, reciprocal_ad, sqrt_ad, tanh_ad

# gradcheck reaches torch.jit internals that warn about their own deprecation
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CASES = [
    (exp_ad, torch.exp, lambda x: math.exp(x)),
    (sqrt_ad, torch.sqrt, lambda x: 0.5 / math.sqrt(x)),
    (tanh_ad, torch.tanh, lambda x: 1 - math.tanh(x) ** 2),
    (reciprocal_ad, torch.reciprocal, lambda x: -1 / x**2),
]


@pytest.mark.parametrize(("fn", "op", "deriv"), CASES)
def test_values_and_derivatives(fn, op, deriv):
    x = torch.tensor([0.3, 1.2, 2.5], dtype=torch.float64, requires_grad=True)
    y = fn(x)
    torch.testing.assert_close(y, op(x), rtol=0, atol=0)
    (g,) = torch.autograd.grad(y.sum(), x)
    torch.testing.assert_close(g, torch.tensor([deriv(v) for v in (0.3, 1.2, 2.5)], dtype=torch.float64))
    assert torch.autograd.gradgradcheck(fn, (x,))
    assert torch.autograd.gradcheck(fn, (x,), check_forward_ad=True, check_backward_ad=False)


@pytest.mark.parametrize(("fn", "op", "deriv"), CASES)
def test_wrappers_and_value_path(fn, op, deriv):
    s = Scalar(torch.tensor([0.5, 2.0], dtype=torch.float64), sub_batch_ndim=1)
    out = fn(s)
    assert type(out) is Scalar and out.sub_batch_ndim == 1
    torch.testing.assert_close(out.data, op(s.data))
    # without grad the plain op runs: no custom backward node
    assert fn(torch.tensor(0.7, dtype=torch.float64)).grad_fn is None
