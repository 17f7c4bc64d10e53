"""Crystal-plasticity rate kinematics (PlasticDeformationRate, PlasticVorticity,
PlasticSpatialVelocityGradient): values by an explicit per-slip-system loop, tangents against
torch autograd, batch 3, nslip 12 (slip rates carry the slip systems as a sub-batch axis)."""

from __future__ import annotations

import pytest
import torch

from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import CubicCrystal
from neml2.models.solid_mechanics.crystal_plasticity.plastic_deformation_rate import PlasticDeformationRate
from neml2.models.solid_mechanics.crystal_plasticity.plastic_spatial_velocity_gradient import (
    PlasticSpatialVelocityGradient,
)
from neml2.models.solid_mechanics.crystal_plasticity.plastic_vorticity import PlasticVorticity
from neml2.types import R2, MillerIndex, Scalar


@pytest.fixture(autouse=True)
def _float64_default() -> object:
    """torch.tensor literals in this module are float64; the global default is restored after."""
    saved = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(saved)


def _crystal() -> CubicCrystal:
    return CubicCrystal(
        lattice_parameter=1.0,
        slip_directions=MillerIndex(torch.tensor([1, 1, 0])),
        slip_planes=MillerIndex(torch.tensor([1, 1, 1])),
    )


def _rotation(batch: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(3)
    A = torch.randn(batch, 3, 3, generator=g, dtype=torch.float64)
    Q, _ = torch.linalg.qr(A)
    return Q


def _reference(kind: str, Q: torch.Tensor, g: torch.Tensor, d: torch.Tensor, n: torch.Tensor) -> torch.Tensor:
    """Full 3x3 result by looping over the slip systems."""
    out = torch.zeros(Q.shape[0], 3, 3, dtype=Q.dtype)
    for i in range(d.shape[0]):
        P = torch.einsum("j,k->jk", d[i], n[i])
        if kind == "sym":
            P = 0.5 * (P + P.T)
        elif kind == "skew":
            P = 0.5 * (P - P.T)
        out = out + g[:, i, None, None] * torch.einsum("bij,jk,blk->bil", Q, P, Q)
    return out


CASES = [
    (PlasticDeformationRate, "plastic_deformation_rate", "sym"),
    (PlasticVorticity, "plastic_vorticity", "skew"),
    (PlasticSpatialVelocityGradient, "plastic_spatial_velocity_gradient", "full"),
]


def _full(y: object) -> torch.Tensor:
    return y.data if isinstance(y, R2) else y.to_full().data


@pytest.mark.parametrize(("cls", "name", "kind"), CASES, ids=[c[1] for c in CASES])
def test_value_and_tangent(cls: type, name: str, kind: str) -> None:
    c = _crystal()
    d, n = c.slip_directions.data, c.slip_planes.data
    m = cls(crystal_geometry=c)
    Q = _rotation(3)
    g = torch.linspace(-0.3, 0.5, 36, dtype=torch.float64).reshape(3, 12)
    y = m(R2(Q), Scalar(g, sub_batch_ndim=1))
    torch.testing.assert_close(_full(y), _reference(kind, Q, g, d, n))
    if kind == "full":
        torch.testing.assert_close(_full(y), _reference("sym", Q, g, d, n) + _reference("skew", Q, g, d, n))

    dQ = torch.randn(3, 3, 3, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    dg = torch.randn(3, 12, generator=torch.Generator().manual_seed(6), dtype=torch.float64)
    _, t = m.jvp(
        {"orientation_matrix": R2(Q), "slip_rates": Scalar(g, sub_batch_ndim=1)},
        {"orientation_matrix": R2(dQ), "slip_rates": Scalar(dg, sub_batch_ndim=1)},
    )
    _, expect = torch.func.jvp(lambda a, b: _reference(kind, a, b, d, n), (Q, g), (dQ, dg))
    torch.testing.assert_close(_full(t[name]), expect)


def test_resolved_shear_value_and_tangent() -> None:
    """tau_i = sigma : Q sym(d_i n_i) Q^T per slip system, by an explicit loop; tangents by autograd."""
    from neml2.models.solid_mechanics.crystal_plasticity.resolved_shear import ResolvedShear
    from neml2.types import SR2

    c = _crystal()
    d, n = c.slip_directions.data, c.slip_planes.data
    m = ResolvedShear(crystal_geometry=c)
    Q = _rotation(3)
    S = torch.randn(3, 3, 3, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    S = S + S.transpose(-1, -2)

    def reference(sig: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
        cols = []
        for i in range(d.shape[0]):
            P = torch.einsum("j,k->jk", d[i], n[i])
            P = 0.5 * (P + P.T)
            cols.append(torch.einsum("bij,bik,kl,bjl->b", sig, q, P, q))
        return torch.stack(cols, dim=-1)

    tau = m(SR2.from_full(R2(S)), R2(Q))
    assert tau.sub_batch_shape == (12,)
    torch.testing.assert_close(tau.data, reference(S, Q))
    dS = torch.randn(3, 3, 3, generator=torch.Generator().manual_seed(8), dtype=torch.float64)
    dS = dS + dS.transpose(-1, -2)
    dQ = torch.randn(3, 3, 3, generator=torch.Generator().manual_seed(9), dtype=torch.float64)
    _, t = m.jvp(
        {"stress": SR2.from_full(R2(S)), "orientation_matrix": R2(Q)},
        {"stress": SR2.from_full(R2(dS)), "orientation_matrix": R2(dQ)},
    )
    _, expect = torch.func.jvp(reference, (S, Q), (dS, dQ))
    torch.testing.assert_close(t["resolved_shears"].data, expect)
