"""SR2 (Mandel) algebra against full symmetric 3x3 matrices in numpy."""

import numpy as np
import pytest
import torch
from types_reference import mandel, mandel4, rand_axis_angle, rand_sym, rodrigues, unmandel

from neml2.types import R2, SR2, SSR4, Rot, Scalar, Vec


def sr2(a: np.ndarray) -> SR2:
    return SR2(torch.from_numpy(mandel(a)))


def test_full_roundtrip():
    a = rand_sym(4)
    s = sr2(a)
    np.testing.assert_allclose(s.to_full().data.numpy(), a)
    np.testing.assert_allclose(SR2.from_full(R2(torch.from_numpy(a))).data.numpy(), mandel(a))
    # from_full symmetrizes a general matrix
    g = np.random.default_rng(0).standard_normal((3, 3))
    np.testing.assert_allclose(SR2.from_full(torch.from_numpy(g)).to_full().data.numpy(), 0.5 * (g + g.T))
    np.testing.assert_allclose(unmandel(s.data.numpy()), a)


def test_tr_vol_dev():
    a = rand_sym(5)
    s = sr2(a)
    tr = np.trace(a, axis1=-2, axis2=-1)
    np.testing.assert_allclose(s.tr().data.numpy(), tr)
    vol = tr[:, None, None] / 3 * np.eye(3)
    np.testing.assert_allclose(s.vol().to_full().data.numpy(), vol)
    np.testing.assert_allclose(s.dev().to_full().data.numpy(), a - vol)
    np.testing.assert_allclose(s.dev().tr().data.numpy(), 0.0, atol=1e-13)


def test_inner_norm():
    a, b = rand_sym(5), rand_sym(5)
    s, t = sr2(a), sr2(b)
    ref = np.array([np.tensordot(a[i], b[i]) for i in range(5)])
    np.testing.assert_allclose(s.inner(t).data.numpy(), ref)
    np.testing.assert_allclose(s.norm_sq().data.numpy(), (a * a).sum((-1, -2)))
    np.testing.assert_allclose(s.norm().data.numpy(), np.linalg.norm(a, axis=(-1, -2)))
    np.testing.assert_allclose(s.norm(eps=1.0).data.numpy(), np.sqrt((a * a).sum((-1, -2)) + 1.0))


@pytest.mark.parametrize("ba,bb", [((5,), ()), ((), (5,)), ((2, 3), (3,)), ((3,), (2, 3)), ((2, 1), (1, 4))])
def test_inner_broadcast(ba, bb):
    a, b = rand_sym(*ba), rand_sym(*bb)
    out = sr2(a).inner(sr2(b))
    ref = np.einsum("...ij,...ij->...", a, b)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.data.numpy(), ref)


def test_outer():
    a, b = rand_sym(3), rand_sym(3)
    out = sr2(a).outer(sr2(b))
    assert isinstance(out, SSR4)
    np.testing.assert_allclose(out.data.numpy(), mandel4(np.einsum("...ij,...kl->...ijkl", a, b)))


def test_det_inverse():
    a = rand_sym(4) + 4 * np.eye(3)
    s = sr2(a)
    np.testing.assert_allclose(s.det().data.numpy(), np.linalg.det(a))
    np.testing.assert_allclose(s.inverse().to_full().data.numpy(), np.linalg.inv(a))


def test_rotate():
    a = rand_sym(6)
    n, th = rand_axis_angle(6)
    Q = rodrigues(n, th)
    ref = Q @ a @ np.swapaxes(Q, -1, -2)
    np.testing.assert_allclose(sr2(a).rotate(R2(torch.from_numpy(Q))).to_full().data.numpy(), ref)
    r = Rot.axis_angle(Vec(torch.from_numpy(n)), torch.from_numpy(th))
    np.testing.assert_allclose(sr2(a).rotate(r).to_full().data.numpy(), ref, atol=1e-12)
    # rotation keeps invariants
    np.testing.assert_allclose(sr2(a).rotate(r).tr().data.numpy(), np.trace(a, axis1=-2, axis2=-1))


def test_arithmetic_with_scalar_broadcast():
    a = rand_sym(2, 3)
    c = np.array([1.0, 2.0, 3.0])
    out = sr2(a) * Scalar(torch.from_numpy(c)) + 1.0 * sr2(a)
    np.testing.assert_allclose(out.to_full().data.numpy(), a * (c[:, None, None] + 1))
    out = sr2(a) / Scalar(torch.from_numpy(c)) - sr2(a)
    np.testing.assert_allclose(out.to_full().data.numpy(), a * (1 / c[:, None, None] - 1))
