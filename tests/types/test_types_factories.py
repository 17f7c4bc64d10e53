"""Shape factories of every type (zeros / ones / full / empty / *_like), Scalar helpers, Tensor,
and the MRP constructors (rand, from_matrix)."""

import math

import numpy as np
import pytest
import torch

from neml2.types import (
    MRP,
    R2,
    SR2,
    SSR4,
    WR2,
    MillerIndex,
    PrimitiveTensor,
    Quaternion,
    Rot,
    Scalar,
    Tensor,
    TensorWrapper,
    Vec,
)

PRIMITIVES = [Scalar, Vec, MRP, MillerIndex, Quaternion, R2, WR2, SR2, SSR4]


@pytest.mark.parametrize("cls", PRIMITIVES)
def test_factories_pad_the_base_shape(cls):
    base = cls.BASE_SHAPE
    z = cls.zeros(2, 3)
    assert type(z) is cls and z.shape == (2, 3, *base) and z.dtype == torch.float64
    assert float(z.data.abs().sum()) == 0.0
    o = cls.ones((4,))
    assert o.shape == (4, *base) and float(o.data.sum()) == 4 * math.prod(base)
    f = cls.full(2, 3, fill_value=0.1)
    assert f.shape == (2, 3, *base) and f.dynamic_batch_shape == (2, 3)
    np.testing.assert_allclose(f.data.numpy(), 0.1)
    assert cls.full((5,), 2.0).shape == (5, *base)
    assert cls.empty(3).shape == (3, *base)
    assert cls.zeros().shape == base
    s = cls.zeros(2, sub_batch_shape=(12,))
    assert s.dynamic_batch_shape == (2,) and s.sub_batch_shape == (12,)
    assert cls.ones(2, dtype=torch.float32).dtype == torch.float32
    assert cls.zeros(1, requires_grad=True).requires_grad


def test_class_hierarchy():
    assert all(issubclass(cls, PrimitiveTensor) for cls in PRIMITIVES)
    assert issubclass(Tensor, TensorWrapper) and not issubclass(Tensor, PrimitiveTensor)


def test_full_requires_a_value():
    with pytest.raises(TypeError, match="fill_value"):
        SR2.full(2, 3)


def test_like_factories_keep_layout():
    x = SR2(torch.randn(2, 5, 6, dtype=torch.float64), sub_batch_ndim=1)
    z = SR2.zeros_like(x)
    assert z.shape == x.shape and z.sub_batch_ndim == 1 and float(z.data.abs().sum()) == 0.0
    assert float(SR2.ones_like(x).data.sum()) == 60.0
    np.testing.assert_allclose(SR2.full_like(x, 3.5).data.numpy(), 3.5)


def test_scalar_helpers():
    assert Scalar([1, 2, 3]).data.tolist() == [1.0, 2.0, 3.0] and Scalar([1, 2, 3]).dtype == torch.float64
    a = Scalar.arange(0.0, 1.0, 0.25)
    assert a.dtype == torch.float64 and a.data.tolist() == [0.0, 0.25, 0.5, 0.75]
    assert Scalar.arange(3).data.tolist() == [0.0, 1.0, 2.0]
    ref = SR2.zeros(3, dtype=torch.float32)
    v = Scalar.from_value(0.5, like=ref)
    assert v.dtype == torch.float32 and v.item() == 0.5 and v.shape == ()
    assert Scalar.from_value(2).dtype == torch.float64
    assert Scalar.fill(1.5).item() == 1.5 and Scalar.fill([1.0, 2.0]).shape == (2,)


def test_tensor_dynamic_base():
    block = Tensor.zeros(batch_shape=(8,), base_shape=(6, 6))
    assert block.shape == (8, 6, 6) and block.batch_ndim == 1 and block.base_ndim == 2
    assert block.dtype == torch.float64
    t = Tensor.ones(2, base_shape=(3,), sub_batch_shape=(4,))
    assert t.shape == (2, 4, 3) and t.sub_batch_shape == (4,) and t.dynamic_batch_shape == (2,)
    np.testing.assert_allclose(Tensor.full(fill_value=2.0, base_shape=(2,)).data.numpy(), [2.0, 2.0])
    x = torch.zeros(2, 3, 4)
    assert Tensor(x, batch_ndim=1).base_shape == (3, 4)
    assert Tensor(x, 1).base_shape == (4,) and Tensor(x, 1).batch_shape == (2, 3)
    with pytest.raises(ValueError, match="disagree"):
        Tensor(x, 1, batch_ndim=1)
    with pytest.raises(ValueError):
        Tensor(x, batch_ndim=4)


def _rotation_numpy(r: np.ndarray) -> np.ndarray:
    """Rotation matrix of an MRP r = tan(theta/4) n, through axis-angle (Rodrigues' formula)."""
    rr = np.linalg.norm(r)
    theta = 4 * np.arctan(rr)
    n = r / rr
    K = np.array([[0, -n[2], n[1]], [n[2], 0, -n[0]], [-n[1], n[0], 0]])
    return np.eye(3) + np.sin(theta) * K + (1 - np.cos(theta)) * K @ K


def test_mrp_from_matrix_inverts_the_rotation_matrix():
    rng = np.random.default_rng(7)
    rs = rng.uniform(-0.6, 0.6, (20, 3))
    mats = np.stack([_rotation_numpy(r) for r in rs])
    m = MRP.from_matrix(R2(torch.tensor(mats)))
    assert type(m) is MRP and m.shape == (20, 3)
    np.testing.assert_allclose(m.data.numpy(), rs, atol=1e-12)
    # a half turn about z (trace -1, w = 0) and the identity
    half = MRP.from_matrix(R2(torch.diag(torch.tensor([-1.0, -1.0, 1.0], dtype=torch.float64))))
    np.testing.assert_allclose(half.data.numpy(), [0, 0, 1.0], atol=1e-12)
    np.testing.assert_allclose(MRP.from_matrix(R2.identity()).data.numpy(), 0.0)
    # the sub-batch mark of the matrix carries over (R2(q, 1): grains as a sub-batch axis)
    assert MRP.from_matrix(R2(torch.tensor(mats), 1)).sub_batch_ndim == 1
    assert Rot is MRP and MRP.__name__ == "MRP"


def test_mrp_rand_is_uniform_on_so3():
    torch.manual_seed(3)
    r = MRP.rand(20000)
    assert r.shape == (20000, 3) and r.dtype == torch.float64
    assert float(r.data.norm(dim=-1).max()) <= 1.0 + 1e-12
    R = r.euler_rodrigues().data
    # Haar measure: E[R] = 0, and the rotation angle has density (1 - cos t) / pi
    np.testing.assert_allclose(R.mean(0).numpy(), np.zeros((3, 3)), atol=0.03)
    angle = 4 * torch.atan(r.data.norm(dim=-1))
    # E[cos t] under (1 - cos t)/pi on [0, pi] is -1/2
    assert float(torch.cos(angle).mean()) == pytest.approx(-0.5, abs=0.02)
    assert MRP.rand(2, 3).shape == (2, 3, 3)
