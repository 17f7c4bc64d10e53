"""SSR4 / R4 algebra against 3x3x3x3 numpy contractions converted to Mandel."""

import numpy as np
import pytest
import torch
from types_reference import mandel, mandel4, rand_axis_angle, rand_minor_sym4, rand_sym, rodrigues

from neml2.types import R2, R4, SR2, SSR4, Rot, Scalar, Vec


def sr2(a):
    return SR2(torch.from_numpy(mandel(a)))


def ssr4(c):
    return SSR4(torch.from_numpy(mandel4(c)))


I = np.eye(3)
I_SYM = 0.5 * (np.einsum("ik,jl->ijkl", I, I) + np.einsum("il,jk->ijkl", I, I))
I_VOL = np.einsum("ij,kl->ijkl", I, I) / 3


def test_identities():
    np.testing.assert_allclose(SSR4.identity_sym().data.numpy(), mandel4(I_SYM))
    np.testing.assert_allclose(SSR4.identity_vol().data.numpy(), mandel4(I_VOL))
    np.testing.assert_allclose(SSR4.identity_dev().data.numpy(), mandel4(I_SYM - I_VOL))
    a = rand_sym(3)
    s = sr2(a)
    np.testing.assert_allclose((SSR4.identity_dev() @ s).data.numpy(), s.dev().data.numpy())
    np.testing.assert_allclose((SSR4.identity_vol() @ s).data.numpy(), s.vol().data.numpy())
    np.testing.assert_allclose((SSR4.identity_sym() @ s).data.numpy(), s.data.numpy())


def test_isotropic_E_nu():
    E, nu = 200e3, 0.3
    lam, mu = E * nu / ((1 + nu) * (1 - 2 * nu)), E / (2 * (1 + nu))
    ref = lam * np.einsum("ij,kl->ijkl", I, I) + 2 * mu * I_SYM
    C = SSR4.isotropic_E_nu(E, nu)
    np.testing.assert_allclose(C.data.numpy(), mandel4(ref), rtol=1e-12)
    stress = C @ SR2.fill(0.01, 0, 0, 0, 0, 0)
    np.testing.assert_allclose(stress.data.numpy(), [2692.3077, 1153.8462, 1153.8462, 0, 0, 0], rtol=1e-7)
    # batched typed parameters, differentiable
    Eb = Scalar(torch.tensor([100e3, 200e3], dtype=torch.float64, requires_grad=True))
    Cb = SSR4.isotropic_E_nu(Eb, Scalar(0.3))
    assert Cb.shape == (2, 6, 6)
    np.testing.assert_allclose(Cb.data[0].detach().numpy(), 0.5 * mandel4(ref), rtol=1e-12)
    (Cb @ SR2.fill(0.01, 0, 0, 0, 0, 0)).data.sum().backward()
    np.testing.assert_allclose(Eb.data.grad.numpy(), [0.025, 0.025], rtol=1e-12)


@pytest.mark.parametrize("bc,ba", [((), ()), ((5,), ()), ((), (5,)), ((5,), (5,)), ((2, 3), (3,)), ((3,), (2, 3))])
def test_ssr4_matmul_sr2(bc, ba):
    c, a = rand_minor_sym4(*bc), rand_sym(*ba)
    out = ssr4(c) @ sr2(a)
    assert isinstance(out, SR2)
    ref = mandel(np.einsum("...ijkl,...kl->...ij", c, a))
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.data.numpy(), ref)


def test_ssr4_matmul_ssr4_inverse_transpose():
    c, d = rand_minor_sym4(4), rand_minor_sym4(4)
    out = ssr4(c) @ ssr4(d)
    np.testing.assert_allclose(out.data.numpy(), mandel4(np.einsum("...ijmn,...mnkl->...ijkl", c, d)))
    np.testing.assert_allclose(ssr4(c).transpose().data.numpy(), mandel4(np.einsum("...ijkl->...klij", c)))
    C = ssr4(c) + 10.0 * SSR4.identity_sym()
    np.testing.assert_allclose((C @ C.inverse()).data.numpy(), np.broadcast_to(np.eye(6), (4, 6, 6)), atol=1e-12)
    s = sr2(rand_sym(4))
    np.testing.assert_allclose((C.inverse() @ (C @ s)).data.numpy(), s.data.numpy(), atol=1e-12)


def test_full_roundtrip_and_r4():
    c = rand_minor_sym4(2)
    C = ssr4(c)
    np.testing.assert_allclose(C.to_full().data.numpy(), c)
    np.testing.assert_allclose(SSR4.from_full(R4(torch.from_numpy(c))).data.numpy(), C.data.numpy())
    a = rand_sym(2)
    np.testing.assert_allclose(
        (C.to_full() @ R2(torch.from_numpy(a))).data.numpy(), np.einsum("...ijkl,...kl->...ij", c, a)
    )
    d = rand_minor_sym4(2)
    np.testing.assert_allclose(
        (R4(torch.from_numpy(c)) @ R4(torch.from_numpy(d))).data.numpy(),
        np.einsum("...ijmn,...mnkl->...ijkl", c, d),
    )


def test_rotate():
    c = rand_minor_sym4(3)
    n, th = rand_axis_angle(3)
    Q = rodrigues(n, th)
    ref = np.einsum("...ip,...jq,...kr,...ls,...pqrs->...ijkl", Q, Q, Q, Q, c)
    np.testing.assert_allclose(ssr4(c).rotate(R2(torch.from_numpy(Q))).data.numpy(), mandel4(ref), atol=1e-12)
    r = Rot.axis_angle(Vec(torch.from_numpy(n)), torch.from_numpy(th))
    np.testing.assert_allclose(ssr4(c).rotate(r).data.numpy(), mandel4(ref), atol=1e-12)
    np.testing.assert_allclose(R4(torch.from_numpy(c)).rotate(r).data.numpy(), ref, atol=1e-12)
    # rotating the isotropic tensor does nothing
    iso = SSR4.isotropic_E_nu(1.0, 0.2)
    np.testing.assert_allclose(iso.rotate(r).data.numpy(), np.broadcast_to(iso.data.numpy(), (3, 6, 6)), atol=1e-12)
