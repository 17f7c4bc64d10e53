"""Rotations: MRP (Rot) and Quaternion against the axis-angle Rodrigues formula."""

import numpy as np
import pytest
import torch
from types_reference import quat_matrix, rand_axis_angle, rng, rodrigues

from neml2.types import MRP, R2, Quaternion, Rot, Vec


def rot(n, th):
    return Rot(torch.from_numpy(np.tan(th / 4)[..., None] * n))


def test_euler_rodrigues_orthogonal_det1_matches_rodrigues():
    n, th = rand_axis_angle(10)
    R = rot(n, th).euler_rodrigues()
    assert isinstance(R, R2) and R.shape == (10, 3, 3)
    q = R.data.numpy()
    np.testing.assert_allclose(q @ np.swapaxes(q, -1, -2), np.broadcast_to(np.eye(3), q.shape), atol=1e-13)
    np.testing.assert_allclose(np.linalg.det(q), 1.0)
    np.testing.assert_allclose(q, rodrigues(n, th), atol=1e-13)
    np.testing.assert_allclose(rot(n, th).to_R2().data.numpy(), q)
    # the axis is left alone
    np.testing.assert_allclose(np.einsum("...ij,...j->...i", q, n), n, atol=1e-13)


def test_axis_angle_constructor():
    n, th = rand_axis_angle(4)
    r = Rot.axis_angle(Vec(torch.from_numpy(3.0 * n)), torch.from_numpy(th))
    np.testing.assert_allclose(r.data.numpy(), np.tan(th / 4)[:, None] * n)
    assert Rot.axis_angle(Vec.fill(0, 0, 1), np.pi).euler_rodrigues().data.numpy() == pytest.approx(
        np.diag([-1.0, -1.0, 1.0]), abs=1e-14
    )
    assert MRP is Rot
    np.testing.assert_allclose(Rot.identity().euler_rodrigues().data.numpy(), np.eye(3))


def test_inverse_and_shadow():
    n, th = rand_axis_angle(5)
    r = rot(n, th)
    R = r.euler_rodrigues().data.numpy()
    np.testing.assert_allclose(r.inverse().euler_rodrigues().data.numpy(), np.swapaxes(R, -1, -2), atol=1e-13)
    s = r.shadow()
    np.testing.assert_allclose(s.euler_rodrigues().data.numpy(), R, atol=1e-12)
    np.testing.assert_allclose(s.data.numpy(), -r.data.numpy() / (r.data.numpy() ** 2).sum(-1, keepdims=True))


@pytest.mark.parametrize("b1,b2", [((6,), (6,)), ((6,), ()), ((2, 3), (3,))])
def test_compose(b1, b2):
    n1, t1 = rand_axis_angle(*b1)
    n2, t2 = rand_axis_angle(*b2)
    r = rot(n1, t1).compose(rot(n2, t2))
    assert isinstance(r, Rot)
    ref = rodrigues(n1, t1) @ rodrigues(n2, t2)
    assert r.shape == ref.shape[:-1]
    np.testing.assert_allclose(r.euler_rodrigues().data.numpy(), ref, atol=1e-12)
    # inverse composes to identity
    np.testing.assert_allclose(rot(n1, t1).compose(rot(n1, t1).inverse()).data.numpy(), 0.0, atol=1e-14)


def test_quaternion():
    n, th = rand_axis_angle(7)
    q = np.concatenate([np.cos(th / 2)[:, None], np.sin(th / 2)[:, None] * n], -1)
    Q = Quaternion(torch.from_numpy(q))
    np.testing.assert_allclose(Q.to_rot().data.numpy(), np.tan(th / 4)[:, None] * n, atol=1e-14)
    np.testing.assert_allclose(Q.to_R2().data.numpy(), quat_matrix(q), atol=1e-13)
    np.testing.assert_allclose(Q.to_R2().data.numpy(), rodrigues(n, th), atol=1e-13)
    np.testing.assert_allclose(Quaternion.fill(1, 0, 0, 0).to_R2().data.numpy(), np.eye(3))


def test_rotation_gradients_finite():
    r = torch.tensor(rng.standard_normal((3, 3)) * 0.3, requires_grad=True)
    Rot(r).euler_rodrigues().data.sum().backward()
    assert torch.isfinite(r.grad).all() and r.grad.abs().sum() > 0
