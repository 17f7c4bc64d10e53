"""Tangents (leading K seed axes) and sub-batch axes combined with ordinary wrappers."""

import numpy as np
import torch
from types_reference import mandel, mandel4, rand_minor_sym4, rand_sym, rng

from neml2.types import R2, SR2, SSR4, Scalar, Vec, align, expand_groups


def t64(a):
    return torch.from_numpy(np.ascontiguousarray(a))


def test_k4_tangent_times_scalar():
    t = rng.standard_normal((4, 5, 6))
    c = rng.standard_normal(5)
    T = SR2(t64(t), k_ndim=1)
    C = Scalar(t64(c))
    for out in (T * C, C * T):
        assert isinstance(out, SR2)
        assert out.shape == (4, 5, 6) and out.k_ndim == 1 and out.batch_shape == (5,)
        np.testing.assert_allclose(out.data.numpy(), t * c[None, :, None])
    out = T / C + T
    np.testing.assert_allclose(out.data.numpy(), t / c[None, :, None] + t)


def test_seed_tangent_without_batch():
    """Identity seeds (K=6, no batch) pushed through a batched stiffness give (6, 5, 6)."""
    c = rand_minor_sym4(5)
    C = SSR4(t64(mandel4(c)))
    seeds = SR2(torch.eye(6, dtype=torch.float64), k_ndim=1)
    out = C @ seeds
    assert out.shape == (6, 5, 6) and out.k_ndim == 1
    # column k of the Jacobian is C e_k
    np.testing.assert_allclose(out.data.permute(1, 2, 0).numpy(), mandel4(c))


def test_tangent_k1_through_contractions():
    a = rand_sym(5)
    A = SR2(t64(mandel(a)))
    t = rng.standard_normal((3, 5, 6))
    T = SR2(t64(t), k_ndim=1)
    out = A.inner(T)
    assert isinstance(out, Scalar) and out.shape == (3, 5) and out.k_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), (mandel(a)[None] * t).sum(-1))
    out = T.inner(A)
    np.testing.assert_allclose(out.data.numpy(), (mandel(a)[None] * t).sum(-1))
    # linear unary ops act per seed
    np.testing.assert_allclose(T.tr().data.numpy(), t[..., :3].sum(-1))
    np.testing.assert_allclose(T.dev().data.numpy()[..., 3:], t[..., 3:])
    # R2 @ Vec tangent
    m = rng.standard_normal((5, 3, 3))
    v = rng.standard_normal((2, 5, 3))
    out = R2(t64(m)) @ Vec(t64(v), k_ndim=1)
    assert out.shape == (2, 5, 3) and out.k_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), np.einsum("bij,kbj->kbi", m, v))


def test_tangent_broadcast_batch_2d():
    t = rng.standard_normal((4, 2, 3, 6))
    c = rng.standard_normal(3)
    out = SR2(t64(t), k_ndim=1) * Scalar(t64(c))
    assert out.shape == (4, 2, 3, 6)
    np.testing.assert_allclose(out.data.numpy(), t * c[None, None, :, None])
    out = SSR4.identity_dev() @ SR2(t64(t), k_ndim=1)
    np.testing.assert_allclose(out.data.numpy(), SR2(t64(t)).dev().data.numpy())


def test_two_k_axes_outer_arrangement():
    """(Ka, 1, ...) and (1, Kb, ...) tangents combine to (Ka, Kb, ...)."""
    a = rng.standard_normal((3, 1, 5, 6))
    b = rng.standard_normal((1, 2, 5, 6))
    out = SR2(t64(a), k_ndim=2).inner(SR2(t64(b), k_ndim=2))
    assert out.shape == (3, 2, 5) and out.k_ndim == 2
    np.testing.assert_allclose(out.data.numpy(), (a * b).sum(-1))
    # a K=2 tangent with a K=1 one: K axes align from the left
    c = rng.standard_normal((3, 5, 6))
    out = SR2(t64(a), k_ndim=2) + SR2(t64(c), k_ndim=1)
    assert out.shape == (3, 1, 5, 6) and out.k_ndim == 2
    np.testing.assert_allclose(out.data.numpy(), a + c[:, None])


def test_sub_batch_alignment():
    s = rng.standard_normal((5, 3, 6))  # 5 points, 3 sites
    c = rng.standard_normal(5)
    S = SR2(t64(s), sub_batch_ndim=1, sub_batch_state=("slip",))
    out = S * Scalar(t64(c))
    assert out.shape == (5, 3, 6) and out.sub_batch_ndim == 1 and out.sub_batch_state == ("slip",)
    np.testing.assert_allclose(out.data.numpy(), s * c[:, None, None])
    # per-point SR2 inner per-site SR2
    a = rand_sym(5)
    out = SR2(t64(mandel(a))).inner(S)
    assert out.shape == (5, 3) and out.sub_batch_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), (mandel(a)[:, None] * s).sum(-1))
    # a tangent with sub-batch
    t = rng.standard_normal((2, 5, 3, 6))
    out = SR2(t64(t), k_ndim=1, sub_batch_ndim=1) * Scalar(t64(c))
    assert out.shape == (2, 5, 3, 6) and out.k_ndim == 1 and out.sub_batch_ndim == 1
    np.testing.assert_allclose(out.data.numpy(), t * c[None, :, None, None])


def test_expand_groups_and_align_shapes():
    T = SR2(torch.zeros(4, 6, dtype=torch.float64), k_ndim=1)
    S = Scalar(torch.zeros(2, 5, dtype=torch.float64))
    assert expand_groups(T, 1, 2, 0).shape == (4, 1, 1, 6)
    assert expand_groups(S, 1, 2, 1, base=1).shape == (1, 2, 5, 1, 1)
    da, db, meta = align(T, S)
    assert torch.broadcast_shapes(da.shape, db.shape) == (4, 2, 5, 6)
    assert meta["k_ndim"] == 1 and meta["sub_batch_ndim"] == 0
