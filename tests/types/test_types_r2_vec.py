"""Vec, R2, WR2 algebra against numpy / torch.linalg on full matrices."""

import numpy as np
import pytest
import torch
from types_reference import rand_axis_angle, rng, rodrigues, skew

from neml2.types import R2, SR2, WR2, MillerIndex, Rot, Scalar, Vec


def vec(v):
    return Vec(torch.from_numpy(v))


def r2(a):
    return R2(torch.from_numpy(a))


def test_vec_ops():
    a, b = rng.standard_normal((5, 3)), rng.standard_normal((5, 3))
    np.testing.assert_allclose(vec(a).dot(vec(b)).data.numpy(), (a * b).sum(-1))
    np.testing.assert_allclose(vec(a).cross(vec(b)).data.numpy(), np.cross(a, b))
    np.testing.assert_allclose(vec(a).outer(vec(b)).data.numpy(), np.einsum("...i,...j->...ij", a, b))
    np.testing.assert_allclose(vec(a).norm().data.numpy(), np.linalg.norm(a, axis=-1))
    np.testing.assert_allclose(vec(a).norm_sq().data.numpy(), (a * a).sum(-1))
    u = vec(a).normalize()
    assert type(u) is Vec
    np.testing.assert_allclose(u.data.numpy(), a / np.linalg.norm(a, axis=-1, keepdims=True))
    assert isinstance(vec(a).outer(vec(b)), R2) and isinstance(vec(a).dot(vec(b)), Scalar)


@pytest.mark.parametrize("ba,bb", [((5,), ()), ((), (5,)), ((2, 3), (3,)), ((4, 1), (1, 2))])
def test_vec_broadcast(ba, bb):
    a, b = rng.standard_normal((*ba, 3)), rng.standard_normal((*bb, 3))
    out = vec(a).cross(vec(b))
    ref = np.cross(a, b)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.data.numpy(), ref)
    np.testing.assert_allclose(vec(a).dot(vec(b)).data.numpy(), (a * b).sum(-1))


def test_miller_index_normalize():
    m = MillerIndex.fill(1, 1, 0)
    u = m.normalize()
    assert type(u) is Vec
    np.testing.assert_allclose(u.data.numpy(), [2**-0.5, 2**-0.5, 0])
    assert MillerIndex(torch.tensor([[1.0, 1, 1], [1, 0, 0]])).normalize().norm().data.tolist() == pytest.approx([1, 1])


def test_r2_ops():
    a = rng.standard_normal((4, 3, 3)) + 3 * np.eye(3)
    b = rng.standard_normal((4, 3, 3))
    A, B = r2(a), r2(b)
    np.testing.assert_allclose((A @ B).data.numpy(), a @ b)
    v = rng.standard_normal((4, 3))
    out = A @ vec(v)
    assert isinstance(out, Vec)
    np.testing.assert_allclose(out.data.numpy(), np.einsum("...ij,...j->...i", a, v))
    np.testing.assert_allclose(A.transpose().data.numpy(), np.swapaxes(a, -1, -2))
    np.testing.assert_allclose(A.det().data.numpy(), np.linalg.det(a))
    np.testing.assert_allclose(A.inverse().data.numpy(), np.linalg.inv(a))
    np.testing.assert_allclose(A.tr().data.numpy(), np.trace(a, axis1=-2, axis2=-1))
    np.testing.assert_allclose(A.inner(B).data.numpy(), (a * b).sum((-1, -2)))
    np.testing.assert_allclose(A.norm().data.numpy(), np.linalg.norm(a, axis=(-1, -2)))
    dev = a - np.trace(a, axis1=-2, axis2=-1)[:, None, None] / 3 * np.eye(3)
    np.testing.assert_allclose(A.dev().data.numpy(), dev)
    sym, skw = A.sym(), A.skew()
    assert isinstance(sym, SR2) and isinstance(skw, WR2)
    np.testing.assert_allclose(sym.to_full().data.numpy(), 0.5 * (a + np.swapaxes(a, -1, -2)))
    np.testing.assert_allclose(skw.to_full().data.numpy(), 0.5 * (a - np.swapaxes(a, -1, -2)))
    np.testing.assert_allclose((sym.to_full() + skw.to_full()).data.numpy(), a)


@pytest.mark.parametrize("ba,bb", [((5,), ()), ((), (5,)), ((2, 3), (3,)), ((3,), (2, 3))])
def test_r2_matmul_broadcast(ba, bb):
    a, b = rng.standard_normal((*ba, 3, 3)), rng.standard_normal((*bb, 3, 3))
    out = r2(a) @ r2(b)
    assert out.shape == (a @ b).shape
    np.testing.assert_allclose(out.data.numpy(), a @ b)
    v = rng.standard_normal((*bb, 3))
    ref = np.einsum("...ij,...j->...i", a, v)
    out = r2(a) @ vec(v)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.data.numpy(), ref)


def test_r2_vec_rotate():
    n, th = rand_axis_angle(5)
    Q = rodrigues(n, th)
    a = rng.standard_normal((5, 3, 3))
    v = rng.standard_normal((5, 3))
    r = Rot.axis_angle(vec(n), torch.from_numpy(th))
    np.testing.assert_allclose(r2(a).rotate(r).data.numpy(), Q @ a @ np.swapaxes(Q, -1, -2), atol=1e-12)
    np.testing.assert_allclose(vec(v).rotate(r).data.numpy(), np.einsum("...ij,...j->...i", Q, v), atol=1e-12)
    np.testing.assert_allclose(vec(v).rotate(r2(Q)).data.numpy(), np.einsum("...ij,...j->...i", Q, v))
    with pytest.raises(TypeError):
        vec(v).rotate(vec(v))


def test_wr2_full_and_axial():
    w = rng.standard_normal((4, 3))
    W = WR2(torch.from_numpy(w))
    np.testing.assert_allclose(W.to_full().data.numpy(), skew(w))
    np.testing.assert_allclose(WR2.from_full(W.to_full()).data.numpy(), w)
    v = rng.standard_normal((4, 3))
    np.testing.assert_allclose((W.to_full() @ vec(v)).data.numpy(), np.cross(w, v))
    assert type(W.vec()) is Vec
    np.testing.assert_allclose(WR2.fill(1, 2, 3).to_full().data.numpy(), skew(np.array([1.0, 2, 3])))


@pytest.mark.parametrize("scale", [1e-9, 1e-3, 0.5, 2.0, 3.0])
def test_wr2_exp_map_matches_matrix_exp(scale):
    w = rng.standard_normal((6, 3))
    w = scale * w / np.linalg.norm(w, axis=-1, keepdims=True)
    W = WR2(torch.from_numpy(w))
    r = W.exp_map()
    assert isinstance(r, Rot)
    ref = torch.linalg.matrix_exp(W.to_full().data).numpy()
    np.testing.assert_allclose(r.euler_rodrigues().data.numpy(), ref, atol=1e-12)


def test_wr2_exp_map_zero_and_gradient():
    w = torch.zeros(2, 3, dtype=torch.float64, requires_grad=True)
    r = WR2(w).exp_map()
    np.testing.assert_allclose(r.data.detach().numpy(), 0.0)
    r.data.sum().backward()
    np.testing.assert_allclose(w.grad.numpy(), 0.25)  # d r / d w = I / 4 at zero
