"""Region views: shapes of the regions, reshapes, indexing, retag and the sub-batch-only ops."""

import numpy as np
import pytest
import torch

from neml2.types import R2, SR2, SSR4, Scalar, Tensor, Vec, fullify


def _layered() -> SR2:
    """An SR2 with one K axis (4), dynamic batch (2,), sub-batch (3,): data (4, 2, 3, 6)."""
    return SR2(torch.arange(4 * 2 * 3 * 6, dtype=torch.float64).reshape(4, 2, 3, 6), k_ndim=1, sub_batch_ndim=1)


def test_region_shapes():
    t = _layered()
    assert t.k_shape == (4,)
    assert t.dynamic_batch_shape == (2,) and t.dynamic_batch_ndim == 1
    assert t.sub_batch_shape == (3,) and t.sub_batch_ndim == 1
    assert t.batch_shape == (2, 3) and t.batch_ndim == 2
    assert t.base_shape == (6,) and t.base_ndim == 1
    assert t.dynamic_batch.shape == (2,) and t.dynamic_batch.ndim == 1
    assert t.sub_batch.shape == (3,) and t.batch.shape == (2, 3) and t.base.shape == (6,)
    assert t.batch.size(-1) == 3 and t.ndim == 4


def test_dynamic_batch_unsqueeze_squeeze_keep_other_regions():
    t = _layered()
    u = t.dynamic_batch.unsqueeze(-1)
    assert u.shape == (4, 2, 1, 3, 6) and u.k_ndim == 1 and u.sub_batch_ndim == 1
    assert u.dynamic_batch_shape == (2, 1)
    np.testing.assert_array_equal(u.data[:, :, 0].numpy(), t.data.numpy())
    back = u.dynamic_batch.squeeze(1)
    assert torch.equal(back.data, t.data) and back.sub_batch_ndim == 1
    with pytest.raises(ValueError, match="size 2"):
        t.dynamic_batch.squeeze(0)


def test_dynamic_batch_expand_broadcasts_a_base_only_value():
    s = SR2.fill(0.1, -0.05, -0.05, 0, 0, 0)
    e = s.dynamic_batch.expand(20)
    assert e.shape == (20, 6)
    np.testing.assert_allclose(e.data.numpy(), np.tile(s.data.numpy(), (20, 1)))
    e2 = Vec.zeros(5).dynamic_batch.unsqueeze(-1).dynamic_batch.expand(5, 3)
    assert e2.shape == (5, 3, 3)
    with pytest.raises(ValueError, match="fewer sizes"):
        Vec.zeros(5, 2).dynamic_batch.expand(5)


def test_sub_batch_retag_moves_the_boundary_without_touching_data():
    field = Scalar(torch.randn(4, 20, dtype=torch.float64))
    f = field.sub_batch.retag(1)
    assert f.data is field.data
    assert f.batch_shape == (4, 20) and f.dynamic_batch_shape == (4,) and f.sub_batch_shape == (20,)
    assert f.sub_batch.retag(2).dynamic_batch_shape == ()
    assert f.sub_batch.retag(0).sub_batch_ndim == 0
    with pytest.raises(ValueError, match="2 batch axes"):
        f.sub_batch.retag(3)


def test_sub_batch_indexing_adjusts_sub_batch_ndim():
    V = Scalar(torch.arange(5.0, dtype=torch.float64)).sub_batch.retag(1)
    assert V.sub_batch[0].shape == () and V.sub_batch[0].sub_batch_ndim == 0
    assert V.sub_batch[0].item() == 0.0
    assert V.sub_batch[1:].data.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert V.sub_batch[None].shape == (1, 5) and V.sub_batch[None].sub_batch_ndim == 2
    grid = Scalar(torch.arange(12.0, dtype=torch.float64).reshape(3, 4)).sub_batch.retag(2)
    g = grid.sub_batch[..., 0]
    assert g.shape == (3,) and g.sub_batch_ndim == 1 and g.data.tolist() == [0.0, 4.0, 8.0]
    assert grid.sub_batch[None].shape == (1, 3, 4) and grid.sub_batch[None].sub_batch_ndim == 3
    # with a dynamic batch and K in front, only the sub-batch axes are addressed
    t = _layered()
    s = t.sub_batch[2]
    assert s.shape == (4, 2, 6) and s.sub_batch_ndim == 0 and s.k_ndim == 1
    np.testing.assert_array_equal(s.data.numpy(), t.data[:, :, 2].numpy())
    idx = t.sub_batch[torch.tensor([2, 0])]
    np.testing.assert_array_equal(idx.data.numpy(), t.data[:, :, [2, 0]].numpy())
    with pytest.raises(IndexError, match="too many"):
        V.sub_batch[0, 0]


def test_dynamic_and_batch_indexing():
    field = Vec(torch.arange(12.0, dtype=torch.float64).reshape(4, 3))
    assert field.dynamic_batch[1:].shape == (3, 3)
    np.testing.assert_array_equal(field.dynamic_batch[0].data.numpy(), [0.0, 1.0, 2.0])
    assert field.batch[::2].data[:, 0].tolist() == [0.0, 6.0]
    t = _layered()
    d = t.dynamic_batch[1]
    assert d.shape == (4, 3, 6) and d.sub_batch_ndim == 1
    np.testing.assert_array_equal(d.data.numpy(), t.data[:, 1].numpy())
    # t.batch addresses dynamic then sub-batch axes; the sub-batch count follows
    assert t.batch[0].sub_batch_ndim == 1 and t.batch[0].shape == (4, 3, 6)
    assert t.batch[:, 1].sub_batch_ndim == 0 and t.batch[:, 1].shape == (4, 2, 6)
    assert t.batch[..., 1:].sub_batch_shape == (2,)


def test_batch_view_refuses_shape_changes():
    with pytest.raises(TypeError, match="dynamic_batch.unsqueeze or t.sub_batch.unsqueeze"):
        SR2.zeros(3).batch.unsqueeze(-1)
    with pytest.raises(TypeError):
        SR2.zeros(3).batch.expand(2, 3)


def test_base_view_transpose_and_read_only():
    A = R2(torch.arange(9.0, dtype=torch.float64).reshape(3, 3))
    np.testing.assert_array_equal(A.base.transpose(-2, -1).data.numpy(), A.data.numpy().T)
    C = SSR4(torch.arange(36.0, dtype=torch.float64).reshape(6, 6))
    np.testing.assert_array_equal(C.base.transpose().data.numpy(), C.data.numpy().T)
    assert type(C.base.transpose()) is SSR4
    with pytest.raises(TypeError, match="vec_component"):
        Vec.fill(1, 2, 3).base[0]
    with pytest.raises(TypeError):
        SR2.zeros().base.transpose()
    with pytest.raises(TypeError):
        SR2.zeros().base.unsqueeze(0)


def test_tensor_base_view_is_indexable():
    x = torch.arange(24.0, dtype=torch.float64).reshape(2, 3, 4)
    blk = Tensor(x, batch_ndim=1)
    assert blk.base_ndim == 2 and blk.batch_ndim == 1
    last = blk.base[..., -1]
    assert last.shape == (2, 3) and last.base_ndim == 1 and last.batch_shape == (2,)
    np.testing.assert_array_equal(last.data.numpy(), x[..., -1].numpy())
    mid = blk.base[1:3, :]
    assert mid.shape == (2, 2, 4) and mid.base_ndim == 2
    np.testing.assert_array_equal(mid.data.numpy(), x[:, 1:3].numpy())
    assert blk.base.reshape(12).base_shape == (12,)


def test_sub_batch_expand_at_diagonalize_flatten():
    vals = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0], dtype=torch.float64)
    s = Scalar(vals).sub_batch.retag(1)
    e = s.sub_batch.expand_at(3)
    assert e.shape == (5, 3) and e.sub_batch_ndim == 2
    np.testing.assert_array_equal(e.data.numpy(), np.repeat(vals.numpy()[:, None], 3, 1))
    assert s.sub_batch.expand_at(3, dim=0).shape == (3, 5)
    d = s.sub_batch.diagonalize()
    assert d.shape == (5, 5) and d.sub_batch_ndim == 2
    np.testing.assert_array_equal(d.data.numpy(), np.diag(vals.numpy()))
    # a per-site Vec over a dynamic batch: the base stays trailing
    v = Vec(torch.arange(2 * 4 * 3, dtype=torch.float64).reshape(2, 4, 3), sub_batch_ndim=1)
    dv = v.sub_batch.diagonalize()
    assert dv.shape == (2, 4, 4, 3)
    ref = np.einsum("bic,ij->bijc", v.data.numpy(), np.eye(4))
    np.testing.assert_array_equal(dv.data.numpy(), ref)
    grid = Scalar(torch.zeros(2, 3, 4), sub_batch_ndim=2)
    f = grid.sub_batch.flatten()
    assert f.sub_batch_ndim == 1 and f.shape == (2, 12)
    assert s.sub_batch.flatten().sub_batch_ndim == 1
    assert grid.sub_batch.expand(5, 3, 4).sub_batch_shape == (5, 3, 4)


def test_sub_batch_ops_fullify_k_pairing_first():
    # K axis 0 paired with sub-batch axis 0: the compact size-1 K axis stands for delta(seed, site)
    x = Scalar(torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64), k_ndim=1, sub_batch_ndim=1, k_pairing=((0, 0),))
    full = fullify(x)
    np.testing.assert_array_equal(full.data.numpy(), np.diag([1.0, 2.0, 3.0]))
    y = x.sub_batch[1:]
    assert y.k_pairing == () and y.shape == (3, 2)
    np.testing.assert_array_equal(y.data.numpy(), np.diag([1.0, 2.0, 3.0])[:, 1:])


def test_views_chain_and_metadata_survive_arithmetic():
    per_site = Scalar(torch.randn(20, dtype=torch.float64)).sub_batch.retag(1)
    combined = Scalar(2.0) * per_site
    assert combined.sub_batch_shape == (20,) and combined.sub_batch_ndim == 1
    np.testing.assert_allclose(combined.data.numpy(), 2 * per_site.data.numpy())
    batched = Scalar(torch.ones(7, 1, dtype=torch.float64)) + per_site
    assert batched.dynamic_batch_shape == (7, 1) and batched.sub_batch_shape == (20,)
