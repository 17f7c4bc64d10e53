"""Scalar elementwise helpers against numpy."""

import numpy as np
import pytest
import torch

from neml2.types import Scalar

x = np.array([-2.0, -0.5, 0.0, 0.3, 1.7])
pos = np.array([0.1, 0.5, 1.0, 2.0, 9.0])


@pytest.mark.parametrize(
    "name,ref,data",
    [
        ("sqrt", np.sqrt, pos),
        ("exp", np.exp, x),
        ("log", np.log, pos),
        ("abs", np.abs, x),
        ("sign", np.sign, x),
        ("sin", np.sin, x),
        ("cos", np.cos, x),
        ("tanh", np.tanh, x),
        ("macaulay", lambda v: np.maximum(v, 0.0), x),
        ("heaviside", lambda v: (v > 0).astype(float), x),
    ],
)
def test_unary(name, ref, data):
    s = Scalar(torch.from_numpy(data))
    out = getattr(s, name)()
    assert isinstance(out, Scalar)
    np.testing.assert_allclose(out.data.numpy(), ref(data))


def test_clamp_item_full():
    s = Scalar(torch.from_numpy(x))
    np.testing.assert_allclose(s.clamp(-1.0, 1.0).data.numpy(), np.clip(x, -1, 1))
    np.testing.assert_allclose(s.clamp(min=0.0).data.numpy(), np.maximum(x, 0))
    assert Scalar(3.25).item() == 3.25
    assert Scalar.full(3, fill_value=1.5).data.tolist() == [1.5, 1.5, 1.5]


def test_arithmetic_broadcast():
    a = Scalar(torch.arange(6.0, dtype=torch.float64).reshape(2, 3))
    b = Scalar(torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64))
    np.testing.assert_allclose((a / b).data.numpy(), a.data.numpy() / b.data.numpy())
    np.testing.assert_allclose((2.0 - a).data.numpy(), 2.0 - a.data.numpy())
    np.testing.assert_allclose((a**2).data.numpy(), a.data.numpy() ** 2)
    np.testing.assert_allclose((2.0**b).data.numpy(), [2.0, 4.0, 16.0])
    np.testing.assert_allclose((-b).data.numpy(), [-1.0, -2.0, -4.0])


def test_macaulay_gradient():
    s = Scalar(torch.tensor([-1.0, 2.0], dtype=torch.float64, requires_grad=True))
    s.macaulay().data.sum().backward()
    assert s.data.grad.tolist() == [0.0, 1.0]
