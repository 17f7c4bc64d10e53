"""neml2.types.functions: sub-batch reductions, fullify, stack / cat / where."""

import numpy as np
import pytest
import torch
from types_reference import rng

from neml2.types import SR2, Scalar, Tensor, Vec, cat, fullify, mean_sub_batch, stack, sum_sub_batch, where


def t64(a):
    return torch.from_numpy(np.ascontiguousarray(a))


def test_sum_sub_batch():
    s = rng.standard_normal((5, 3, 6))
    S = SR2(t64(s), sub_batch_ndim=1, sub_batch_state=("slip",))
    out = sum_sub_batch(S)
    assert isinstance(out, SR2) and out.shape == (5, 6) and out.sub_batch_ndim == 0 and out.sub_batch_state == ()
    np.testing.assert_allclose(out.data.numpy(), s.sum(1))
    np.testing.assert_allclose(mean_sub_batch(S).data.numpy(), s.mean(1))
    # no sub-batch: nothing to sum
    P = SR2(t64(s[:, 0]))
    assert sum_sub_batch(P) is P
    with pytest.raises(ValueError):
        sum_sub_batch(P, dim=0)


def test_sum_sub_batch_one_axis_and_tangent():
    x = rng.standard_normal((4, 5, 2, 3))
    X = Scalar(t64(x), k_ndim=1, sub_batch_ndim=2, sub_batch_state=("a", "b"))
    out = sum_sub_batch(X, dim=-1)
    assert out.shape == (4, 5, 2) and out.sub_batch_ndim == 1 and out.sub_batch_state == ("a",) and out.k_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), x.sum(-1))
    out = sum_sub_batch(X, dim=0)
    assert out.sub_batch_state == ("b",)
    np.testing.assert_allclose(out.data.numpy(), x.sum(2))
    np.testing.assert_allclose(sum_sub_batch(X).data.numpy(), x.sum((2, 3)))


def test_fullify():
    x = rng.standard_normal((1, 5, 3))  # K axis 0 paired with sub-batch axis 0 (3 sites), compact storage
    X = Scalar(t64(x), k_ndim=1, sub_batch_ndim=1, k_pairing=((0, 0),))
    F = fullify(X)
    assert F.k_pairing == () and F.shape == (3, 5, 3)
    ref = np.einsum("ks,bs->kbs", np.eye(3), x[0])
    np.testing.assert_allclose(F.data.numpy(), ref)
    # summing over sites exposes the full K: d(sum_s x_s)/d(seed k) = x_k
    out = sum_sub_batch(X)
    assert out.shape == (3, 5) and out.k_pairing == ()
    np.testing.assert_allclose(out.data.numpy(), x[0].T)
    # unpaired: identity
    Y = Scalar(t64(x), k_ndim=1, sub_batch_ndim=1)
    assert fullify(Y) is Y


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_stack(dim):
    a, b = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    out = stack([Vec(t64(a)), Vec(t64(b))], dim=dim)
    ref = np.stack([a, b], axis=dim if dim >= 0 else dim - 1)
    assert isinstance(out, Vec) and out.shape == ref.shape
    np.testing.assert_allclose(out.data.numpy(), ref)


def test_stack_broadcast_and_k():
    a, b = rng.standard_normal((4, 6)), rng.standard_normal(6)
    out = stack([SR2(t64(a)), SR2(t64(b))], dim=0)
    assert out.shape == (2, 4, 6)
    np.testing.assert_allclose(out.data.numpy(), np.stack([a, np.broadcast_to(b, (4, 6))]))
    t = rng.standard_normal((3, 5))
    out = stack([Scalar(t64(t), k_ndim=1), Scalar(t64(t[0]))], dim=-1)
    assert out.shape == (3, 5, 2) and out.k_ndim == 1
    np.testing.assert_allclose(out.data[..., 0].numpy(), t)
    np.testing.assert_allclose(out.data[..., 1].numpy(), np.broadcast_to(t[0], (3, 5)))


def test_cat():
    a, b = rng.standard_normal((2, 6)), rng.standard_normal((3, 6))
    out = cat([SR2(t64(a)), SR2(t64(b))])
    assert out.shape == (5, 6)
    np.testing.assert_allclose(out.data.numpy(), np.concatenate([a, b]))
    c, d = rng.standard_normal((2, 1)), rng.standard_normal((4, 3))
    out = cat([Scalar(t64(c)), Scalar(t64(d))], dim=0)
    assert out.shape == (6, 3)
    np.testing.assert_allclose(out.data.numpy(), np.concatenate([np.broadcast_to(c, (2, 3)), d]))
    out = cat([Scalar(t64(d)), Scalar(t64(d))], dim=-1)
    np.testing.assert_allclose(out.data.numpy(), np.concatenate([d, d], axis=1))
    with pytest.raises(IndexError):
        cat([Scalar(1.0), Scalar(2.0)])


def test_where():
    a, b = rng.standard_normal((5, 6)), rng.standard_normal((5, 6))
    mask = np.array([True, False, True, False, False])
    out = where(torch.from_numpy(mask), SR2(t64(a)), SR2(t64(b)))
    assert isinstance(out, SR2)
    np.testing.assert_allclose(out.data.numpy(), np.where(mask[:, None], a, b))
    f = rng.standard_normal(5)
    F = Scalar(t64(f))
    out = where(Scalar(t64((f > 0).astype(float))), F, 0.0)  # wrapper condition: nonzero = true
    np.testing.assert_allclose(out.data.numpy(), np.maximum(f, 0))
    out = where(torch.from_numpy(f > 0), 1.0, F)
    assert isinstance(out, Scalar)
    np.testing.assert_allclose(out.data.numpy(), np.where(f > 0, 1.0, f))
    # a K tangent with a per-point condition
    t = rng.standard_normal((4, 5, 6))
    out = where(torch.from_numpy(mask), SR2(t64(t), k_ndim=1), SR2.zeros(5))
    assert out.shape == (4, 5, 6) and out.k_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), np.where(mask[None, :, None], t, 0.0))
    out = where(torch.from_numpy(mask), Tensor(t64(a), 1), Tensor(t64(b), 1))
    assert out.base_ndim == 1
    with pytest.raises(TypeError):
        where(torch.from_numpy(mask), 1.0, 2.0)


def test_where_gradient():
    x = torch.tensor([-1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
    X = Scalar(x)
    where(x.detach() > 0, X * X, -X).data.sum().backward()
    assert x.grad.tolist() == [-1.0, 4.0, 6.0]
