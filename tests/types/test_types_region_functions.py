"""Region-scoped free functions (linspace, logspace, sum, mean, diff, stack, cat) and the component /
conversion / rotation helpers of neml2.types, against numpy."""

import numpy as np
import pytest
import torch
from types_reference import rand_sym

from neml2.types import (
    MRP,
    R2,
    SR2,
    WR2,
    Scalar,
    Vec,
    cat,
    compose,
    diff,
    euler_rodrigues,
    exp_map,
    linspace,
    logspace,
    mean,
    r2_from_sr2,
    r2_from_wr2,
    rotate,
    stack,
    sum,
    vec_component,
)


def test_linspace_on_dynamic_batch():
    dyn = linspace(Scalar(0.0).dynamic_batch, Scalar(1.0).dynamic_batch, 5)
    assert dyn.dynamic_batch_shape == (5,) and dyn.sub_batch_ndim == 0 and dyn.dtype == torch.float64
    np.testing.assert_allclose(dyn.data.numpy(), np.linspace(0, 1, 5), rtol=0, atol=1e-15)
    # batched endpoints: the new axis goes at dim (0: leading, -1: trailing)
    a, b = Scalar([0.0, 10.0]), Scalar(1.0)
    lead = linspace(a.dynamic_batch, b.dynamic_batch, 3)
    np.testing.assert_allclose(lead.data.numpy(), np.linspace([0.0, 10.0], [1.0, 1.0], 3))
    trail = linspace(a.dynamic_batch, b.dynamic_batch, 3, dim=-1)
    np.testing.assert_allclose(trail.data.numpy(), np.linspace([0.0, 10.0], [1.0, 1.0], 3).T)
    # non-scalar endpoints keep their base
    s = linspace(SR2.fill(0.0).dynamic_batch, SR2.fill(1, 2, 3, 0, 0, 0).dynamic_batch, 4)
    assert s.shape == (4, 6)
    np.testing.assert_allclose(s.data[:, 2].numpy(), np.linspace(0, 3, 4))


def test_linspace_on_sub_batch():
    ramp = linspace(Scalar(300.0).sub_batch, Scalar(1200.0).sub_batch, 20)
    assert ramp.sub_batch_shape == (20,) and ramp.dynamic_batch_shape == ()
    np.testing.assert_allclose(ramp.data.numpy(), np.linspace(300, 1200, 20))
    # dynamic endpoints with a sub-batch ramp: the sub-batch axis sits after the dynamic ones
    r = linspace(Scalar([0.0, 10.0]).sub_batch, Scalar(1.0).sub_batch, 3)
    assert r.dynamic_batch_shape == (2,) and r.sub_batch_shape == (3,)
    np.testing.assert_allclose(r.data.numpy(), np.linspace([0.0, 10.0], [1.0, 1.0], 3).T)
    with pytest.raises(TypeError, match="one region"):
        linspace(Scalar(0.0).sub_batch, Scalar(1.0).dynamic_batch, 3)
    with pytest.raises(TypeError, match="ambiguous"):
        linspace(Scalar(0.0).batch, Scalar(1.0).batch, 3)


def test_logspace():
    x = logspace(Scalar(-2.0).sub_batch, Scalar(1.25).sub_batch, 301)
    assert x.sub_batch_shape == (301,)
    np.testing.assert_allclose(x.data.numpy(), np.logspace(-2, 1.25, 301), rtol=1e-13)
    y = logspace(Scalar(0.0).dynamic_batch, Scalar(3.0).dynamic_batch, 4, base=2.0)
    np.testing.assert_allclose(y.data.numpy(), [1.0, 2.0, 4.0, 8.0])


def test_sum_mean_diff_over_regions():
    raw = np.arange(2 * 5, dtype=np.float64).reshape(2, 5) ** 2
    x = Scalar(torch.tensor(raw)).sub_batch.retag(1)
    tot = sum(x.sub_batch, 0)
    assert tot.shape == (2,) and tot.sub_batch_ndim == 0
    np.testing.assert_allclose(tot.data.numpy(), raw.sum(1))
    np.testing.assert_allclose(mean(x.sub_batch, 0).data.numpy(), raw.mean(1))
    d = sum(x.dynamic_batch, 0)
    assert d.shape == (5,) and d.sub_batch_ndim == 1
    np.testing.assert_allclose(d.data.numpy(), raw.sum(0))
    k = sum(x.sub_batch, 0, keepdim=True)
    assert k.shape == (2, 1) and k.sub_batch_ndim == 1
    assert float(sum(x.batch, None).data) == raw.sum()
    dd = diff(x.sub_batch, n=1, dim=-1)
    assert dd.sub_batch_shape == (4,)
    np.testing.assert_allclose(dd.data.numpy(), np.diff(raw, axis=1))
    np.testing.assert_allclose(diff(x.sub_batch, n=2).data.numpy(), np.diff(raw, n=2, axis=1))
    np.testing.assert_allclose(diff(x.dynamic_batch, dim=0).data.numpy(), np.diff(raw, axis=0))
    # SR2 over a sub-batch: the base is untouched
    s = SR2(torch.ones(3, 4, 6, dtype=torch.float64), sub_batch_ndim=1)
    assert sum(s.sub_batch).shape == (3, 6) and float(sum(s.sub_batch).data[0, 0]) == 4.0
    # not a view: Python's sum (e.g. in a [Tensors] expression)
    assert sum([1, 2, 3]) == 6
    assert sum(Scalar(v) for v in (1.0, 2.0)).item() == 3.0
    with pytest.raises(TypeError, match="region view"):
        sum(Scalar(1.0))


def test_sum_over_a_k_paired_sub_batch_spells_out_the_diagonal():
    x = Scalar(torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64), k_ndim=1, sub_batch_ndim=1, k_pairing=((0, 0),))
    s = sum(x.sub_batch)
    # seed j only touches site j: the sum over sites is x_j for seed j
    assert s.k_pairing == () and s.shape == (3,)
    np.testing.assert_allclose(s.data.numpy(), [1.0, 2.0, 3.0])


def test_stack_and_cat_on_regions():
    v0, v1 = Vec.fill(6.0, 4.0, 0.0), Vec.fill(8.0, 5.0, 0.0)
    st = stack([v0.dynamic_batch, v1.dynamic_batch])
    assert st.shape == (2, 3)
    np.testing.assert_allclose(st.data.numpy(), [[6, 4, 0], [8, 5, 0]])
    sub = stack([v0.sub_batch, v1.sub_batch])
    assert sub.sub_batch_shape == (2,) and sub.dynamic_batch_shape == ()
    a = Vec(torch.randn(2, 3, dtype=torch.float64))
    b = Vec(torch.randn(3, 3, dtype=torch.float64))
    c = cat([a.dynamic_batch, b.dynamic_batch], dim=0)
    np.testing.assert_allclose(c.data.numpy(), np.concatenate([a.data.numpy(), b.data.numpy()]))
    # stack broadcasts: a base-only value joins a batched one
    mixed = stack([Scalar(1.0).dynamic_batch, Scalar([2.0, 3.0]).dynamic_batch], dim=-1)
    np.testing.assert_allclose(mixed.data.numpy(), [[1.0, 2.0], [1.0, 3.0]])
    # cat on t.batch picks the region the axis falls in
    x = Scalar(torch.arange(6.0, dtype=torch.float64).reshape(2, 3)).sub_batch.retag(1)
    along_sub = cat([x.batch, x.batch], dim=-1)
    assert along_sub.shape == (2, 6) and along_sub.sub_batch_ndim == 1
    along_dyn = cat([x.batch, x.batch], dim=0)
    assert along_dyn.shape == (4, 3) and along_dyn.sub_batch_ndim == 1
    # plain wrappers mean the dynamic batch
    assert stack([v0, v1], dim=0).shape == (2, 3)
    with pytest.raises(TypeError, match="ambiguous"):
        stack([x.batch, x.batch])


def test_vec_component():
    v = Vec(torch.tensor([[6.0, 4.0, 0.0], [1.0, 2.0, 3.0]], dtype=torch.float64))
    x = vec_component(v, 0)
    assert type(x) is Scalar and x.data.tolist() == [6.0, 1.0]
    assert vec_component(v, -1).data.tolist() == [0.0, 3.0]
    with pytest.raises(IndexError):
        vec_component(v, 3)
    with pytest.raises(TypeError):
        vec_component(R2.identity(), 0)


def test_r2_from_sr2_and_wr2():
    a = rand_sym(4)
    full = r2_from_sr2(SR2.from_full(torch.tensor(a)))
    assert type(full) is R2
    np.testing.assert_allclose(full.data.numpy(), a, atol=1e-14)
    w = np.array([0.3, -0.2, 0.5])
    W = r2_from_wr2(WR2.fill(*w)).data.numpy()
    u = np.array([1.0, 2.0, -1.0])
    np.testing.assert_allclose(W @ u, np.cross(w, u), atol=1e-15)
    np.testing.assert_allclose(W, -W.T)


def _axis_angle(n: np.ndarray, t: float) -> np.ndarray:
    n = n / np.linalg.norm(n)
    K = np.array([[0, -n[2], n[1]], [n[2], 0, -n[0]], [-n[1], n[0], 0]])
    return np.eye(3) + np.sin(t) * K + (1 - np.cos(t)) * K @ K


def test_rotation_helpers():
    n1, t1 = np.array([1.0, 2.0, 2.0]), 0.7
    n2, t2 = np.array([0.0, 1.0, -1.0]), 1.9
    r1 = MRP.fill(*(np.tan(t1 / 4) * n1 / np.linalg.norm(n1)))
    r2 = MRP.fill(*(np.tan(t2 / 4) * n2 / np.linalg.norm(n2)))
    Q1, Q2 = _axis_angle(n1, t1), _axis_angle(n2, t2)
    np.testing.assert_allclose(euler_rodrigues(r1).data.numpy(), Q1, atol=1e-14)
    c = compose(r1, r2)
    assert type(c) is MRP
    np.testing.assert_allclose(euler_rodrigues(c).data.numpy(), Q1 @ Q2, atol=1e-13)
    np.testing.assert_allclose(compose(R2(torch.tensor(Q1)), R2(torch.tensor(Q2))).data.numpy(), Q1 @ Q2)
    w = 0.9 * np.array([0.0, 0.6, 0.8])
    np.testing.assert_allclose(euler_rodrigues(exp_map(WR2.fill(*w))).data.numpy(), _axis_angle(w, 0.9), atol=1e-14)
    v = np.array([1.0, -2.0, 0.5])
    np.testing.assert_allclose(rotate(Vec.fill(*v), r1).data.numpy(), Q1 @ v, atol=1e-14)
    a = rand_sym()
    np.testing.assert_allclose(
        rotate(SR2.from_full(torch.tensor(a)), r1).to_full().data.numpy(), Q1 @ a @ Q1.T, atol=1e-13
    )
    # batched orientations composed with one rotation
    rs = MRP.rand(6)
    out = compose(r1, rs)
    assert out.shape == (6, 3)
    np.testing.assert_allclose(euler_rodrigues(out).data.numpy(), Q1 @ euler_rodrigues(rs).data.numpy(), atol=1e-13)
    with pytest.raises(TypeError):
        compose(r1, R2.identity())
