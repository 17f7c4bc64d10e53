"""SchurComplement: block elimination against dense solves, with direct and iterative sub-solvers."""

from __future__ import annotations

import pytest
import torch
from solver_systems import well_conditioned

from neml2.solvers.bicgstab import BiCGStab
from neml2.solvers.block_jacobi_preconditioner import BlockJacobiPreconditioner
from neml2.solvers.dense_lu import DenseLU
from neml2.solvers.gmres import GMRES
from neml2.solvers.nonlinear_system import BlockStructure
from neml2.solvers.schur_complement import SchurComplement

TIGHT = dict(rel_tol=1e-13)


def _schur(primary=None, schur=None, structure=None, **kw):  # type: ignore[no-untyped-def]
    s = SchurComplement(primary_solver=primary or DenseLU(), schur_solver=schur or DenseLU(), **kw)
    s.reset(structure or BlockStructure.from_sizes([3, 4]))
    return s


SUB_SOLVERS = {
    "lu_lu": lambda: (DenseLU(), DenseLU()),
    "gmres_bicgstab": lambda: (
        GMRES(preconditioner=BlockJacobiPreconditioner(), **TIGHT),
        BiCGStab(preconditioner=BlockJacobiPreconditioner(), **TIGHT),
    ),
}


@pytest.mark.parametrize("subs", SUB_SOLVERS, ids=list(SUB_SOLVERS))
@pytest.mark.parametrize("primary", [0, 1])
def test_matches_dense_solve(primary: int, subs: str) -> None:
    J, b = well_conditioned()
    p, q = SUB_SOLVERS[subs]()
    s = _schur(p, q, residual_primary_group=primary, unknown_primary_group=primary)
    torch.testing.assert_close(s.solve(J, b), torch.linalg.solve(J, b), rtol=0, atol=1e-10)
    B = torch.randn(50, 7, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(3))
    torch.testing.assert_close(s.solve(J, B), torch.linalg.solve(J, B), rtol=0, atol=1e-10)


def test_primary_group_from_structure() -> None:
    """Three variables (2, 3, 2 components); the first group joins variables 0 and 2 (not contiguous)."""
    J, b = well_conditioned()
    structure = BlockStructure.from_sizes([2, 3, 2], groups=[(0, 2), (1,)])
    s = _schur(structure=structure)
    torch.testing.assert_close(s.solve(J, b), torch.linalg.solve(J, b), rtol=0, atol=1e-10)
    r1, r2, u1, u2 = (t.tolist() for t in s._split)
    assert (r1, r2, u1, u2) == ([0, 1, 5, 6], [2, 3, 4], [0, 1, 5, 6], [2, 3, 4])
    # the sub-solvers see one group per variable of their part
    assert s.primary_solver.structure == BlockStructure((2, 2), (2, 2), ((0,), (1,)))
    assert s.schur_solver.structure == BlockStructure((3,), (3,), ((0,),))


def test_residual_and_unknown_groups_differ() -> None:
    """Residual 1 (3 rows) is the one well conditioned in unknown 0 (3 columns): eliminate them first."""
    J0, b = well_conditioned(n=6)
    perm = torch.tensor([3, 4, 5, 0, 1, 2])
    J = J0[:, perm]  # rows 0-2 of J = rows 3-5 of J0: residual 0 now pairs with unknown 1
    s = _schur(structure=BlockStructure.from_sizes([3, 3]), residual_primary_group=1, unknown_primary_group=0)
    torch.testing.assert_close(s.solve(J, b), torch.linalg.solve(J, b), rtol=0, atol=1e-10)


def test_schur_by_hand() -> None:
    # A = 2, B = [1 0], C = [1 0]^T, D = I: S = I - [[0.5, 0], [0, 0]]
    J = torch.tensor([[[2.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]], dtype=torch.float64)
    b = torch.tensor([[4.0, 3.0, 5.0]], dtype=torch.float64)
    s = _schur(structure=BlockStructure.from_sizes([1, 2]))
    torch.testing.assert_close(s.solve(J, b), torch.tensor([[1.0, 2.0, 5.0]], dtype=torch.float64))


def test_one_block_serves_both_sub_solvers() -> None:
    J, b = well_conditioned()
    g = GMRES(preconditioner=BlockJacobiPreconditioner(), cache_strategy="reuse", **TIGHT)
    s = _schur(g, g)
    assert s.schur_solver is not s.primary_solver  # own caches: A and S differ in size
    for _ in range(2):
        torch.testing.assert_close(s.solve(J, b), torch.linalg.solve(J, b), rtol=0, atol=1e-10)


def test_without_structure() -> None:
    s = SchurComplement(primary_solver=DenseLU(), schur_solver=DenseLU())
    with pytest.raises(RuntimeError, match="needs the block structure"):
        s.solve(*well_conditioned())
