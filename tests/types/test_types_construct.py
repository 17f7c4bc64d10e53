"""Constructors, dtype defaults and the repr of typed tensors."""

import math

import numpy as np
import pytest
import torch
from types_reference import mandel

from neml2 import settings
from neml2.types import R2, SR2, SSR4, WR2, MillerIndex, Quaternion, Rot, Scalar, Tensor, Vec


@pytest.mark.parametrize(
    "make",
    [
        lambda: SR2.fill(1.0),
        lambda: SR2.fill(1, 2, 3),
        lambda: SR2.fill(1.0, 2, 3, 4, 5, 6),
        lambda: SR2.identity(),
        lambda: R2.fill(2.0),
        lambda: R2.fill(1, 2, 3),
        lambda: R2.fill(*range(9)),
        lambda: R2.identity(),
        lambda: Vec.fill(1, 2, 3),
        lambda: WR2.fill(1, 2, 3),
        lambda: Rot.fill(0.1, 0.2, 0.3),
        lambda: Rot.identity(),
        lambda: Quaternion.fill(1, 0, 0, 0),
        lambda: MillerIndex.fill(1, 1, 0),
        lambda: Scalar.full(fill_value=2.0),
        lambda: Scalar(3.0),
        lambda: SSR4.identity_sym(),
        lambda: SSR4.isotropic_E_nu(1.0, 0.25),
        lambda: SR2.zeros(4),
    ],
)
def test_default_dtype_is_float64(make):
    assert settings.default_dtype == torch.float64
    assert make().dtype == torch.float64


def test_float32_inputs_stay_float32():
    x = torch.ones(3, dtype=torch.float32)
    assert SR2.fill(x, 0.0, 1.0).dtype == torch.float32
    assert Vec.fill(x, 0.0, 1.0).dtype == torch.float32
    assert SR2.identity(dtype=torch.float32).dtype == torch.float32


def test_sr2_fill_mandel():
    np.testing.assert_allclose(SR2.fill(2.0).data.numpy(), [2, 2, 2, 0, 0, 0])
    np.testing.assert_allclose(SR2.fill(1, 2, 3).data.numpy(), [1, 2, 3, 0, 0, 0])
    a = np.array([[1.0, 6, 5], [6, 2, 4], [5, 4, 3]])
    np.testing.assert_allclose(SR2.fill(1, 2, 3, 4, 5, 6).data.numpy(), mandel(a))
    np.testing.assert_allclose(SR2.fill(1, 2, 3, 4, 5, 6).data[3].item(), 4 * math.sqrt(2))
    np.testing.assert_allclose(SR2.fill(1, 2, 3, 4, 5, 6).to_full().data.numpy(), a)


def test_fill_batched_broadcast():
    xx = torch.linspace(0, 1, 5, dtype=torch.float64)
    s = SR2.fill(xx, 1.0, 2.0, 0.0, 0.0, 3.0)
    assert s.shape == (5, 6) and s.batch_shape == (5,)
    np.testing.assert_allclose(s.data[:, 0].numpy(), xx.numpy())
    np.testing.assert_allclose(s.data[:, 5].numpy(), 3 * math.sqrt(2))
    assert R2.fill(xx).shape == (5, 3, 3)
    np.testing.assert_allclose(R2.fill(xx).data[1].numpy(), 0.25 * np.eye(3))


def test_r2_fill():
    np.testing.assert_allclose(R2.fill(3.0).data.numpy(), 3 * np.eye(3))
    np.testing.assert_allclose(R2.fill(1, 2, 3).data.numpy(), np.diag([1.0, 2, 3]))
    np.testing.assert_allclose(R2.fill(*range(9)).data.numpy(), np.arange(9.0).reshape(3, 3))
    with pytest.raises(ValueError):
        R2.fill(1, 2)
    with pytest.raises(ValueError):
        SR2.fill(1, 2)


def test_identity_and_full():
    np.testing.assert_allclose(R2.identity().data.numpy(), np.eye(3))
    np.testing.assert_allclose(SR2.identity().to_full().data.numpy(), np.eye(3))
    s = Scalar.full(2, 3, fill_value=2.5)
    assert s.shape == (2, 3)
    assert float(s.data.sum()) == pytest.approx(15.0)
    assert Scalar.full((4,), torch.tensor(1.5)).shape == (4,)
    assert Scalar.full(4, fill_value=torch.tensor(1.5)).data.tolist() == [1.5] * 4
    assert Scalar(4.0).sqrt().item() == pytest.approx(2.0)


def test_layout_properties():
    t = SR2(torch.zeros(4, 5, 2, 3, 6), k_ndim=1, sub_batch_ndim=1)
    assert t.k_shape == (4,)
    assert t.dynamic_batch_shape == (5, 2)
    assert t.batch_shape == (5, 2, 3) and t.batch_ndim == 3 and t.dynamic_batch_ndim == 2
    assert t.sub_batch_shape == (3,)
    assert t.base_shape == (6,)
    with pytest.raises(ValueError):
        SR2(torch.zeros(5, 3))
    with pytest.raises(ValueError):
        R2(torch.zeros(3))


def test_repr_format():
    s = Scalar(torch.tensor(2.0, dtype=torch.float64))
    r = repr(s)
    assert r.startswith("Scalar(data=tensor(2., dtype=torch.float64), sub_batch_ndim=0")
    assert r.endswith("k_ndim=0, k_state=(), k_pairing=())")
    assert repr(Tensor(torch.zeros(2), 1)).endswith("base_ndim=1)")


def test_tensor_wrapper_mixed_types():
    t = Tensor(torch.full((5,), 2.0, dtype=torch.float64), 0)
    out = t * SR2.fill(1.0, 2.0, 3.0)
    assert isinstance(out, SR2) and out.shape == (5, 6)
    np.testing.assert_allclose(out.data[0].numpy(), [2, 4, 6, 0, 0, 0])
