"""Preconditioners: M^{-1} r against the dense definition, per point and on subsets of points."""

from __future__ import annotations

import pytest
import torch
from solver_systems import well_conditioned

import neml2
from neml2.solvers.block_jacobi_preconditioner import BlockJacobiPreconditioner
from neml2.solvers.full_preconditioner import FullPreconditioner
from neml2.solvers.jacobi_preconditioner import JacobiPreconditioner
from neml2.solvers.no_preconditioner import NoPreconditioner
from neml2.solvers.nonlinear_system import BlockStructure


def _dense_inverse(kind: str, J: torch.Tensor, structure: BlockStructure) -> torch.Tensor:
    """The M^{-1} each preconditioner stands for, as a dense (N, n, n) matrix."""
    N, n = J.shape[0], J.shape[-1]
    if kind == "none":
        return torch.eye(n, dtype=J.dtype).expand(N, n, n)
    if kind == "jacobi":
        return torch.diag_embed(1 / torch.diagonal(J, dim1=-2, dim2=-1))
    if kind == "full":
        return torch.linalg.inv(J)
    Minv = torch.zeros_like(J)
    for g in structure.groups:
        rows, cols = structure.rows(g), structure.columns(g)
        inv = torch.linalg.inv(J[:, rows][:, :, cols])
        for a, c in enumerate(cols):
            for bb, r in enumerate(rows):
                Minv[:, c, r] = inv[:, a, bb]
    return Minv


KINDS = {
    "none": NoPreconditioner,
    "jacobi": JacobiPreconditioner,
    "block_jacobi": BlockJacobiPreconditioner,
    "full": FullPreconditioner,
}
STRUCTURES = {
    "per_variable": BlockStructure.from_sizes([3, 4]),
    "grouped": BlockStructure.from_sizes([2, 3, 2], groups=[(0, 2), (1,)]),  # non-contiguous block
}


@pytest.mark.parametrize("structure", STRUCTURES, ids=list(STRUCTURES))
@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_apply_matches_dense_inverse(kind: str, structure: str) -> None:
    J, r = well_conditioned()
    s = STRUCTURES[structure]
    pc = KINDS[kind]()
    pc.structure = s
    pc.setup(J)
    Minv = _dense_inverse(kind, J, s)
    expected = (Minv @ r.unsqueeze(-1)).squeeze(-1)
    torch.testing.assert_close(pc.apply(r), expected, rtol=1e-12, atol=1e-12)
    # rows belonging to chosen points (with repeats, as for several right-hand sides)
    idx = torch.tensor([4, 4, 0, 49, 17])
    torch.testing.assert_close(pc.apply(r[idx], idx), expected[idx], rtol=1e-12, atol=1e-12)
    # dropping converged points keeps the others' set-up
    keep = torch.arange(50) % 3 == 0
    pc.restrict(keep)
    assert pc.batch_size == int(keep.sum())
    torch.testing.assert_close(pc.apply(r[keep]), expected[keep], rtol=1e-12, atol=1e-12)


def test_block_jacobi_blocks_by_hand() -> None:
    J = torch.tensor(
        [[[2.0, 1.0, 9.0], [1.0, 3.0, 9.0], [9.0, 9.0, 4.0]]],
        dtype=torch.float64,
    )
    pc = BlockJacobiPreconditioner()
    pc.structure = BlockStructure.from_sizes([2, 1])
    pc.setup(J)
    # blocks [[2, 1], [1, 3]] (inverse [[3, -1], [-1, 2]] / 5) and [4]
    z = pc.apply(torch.tensor([[5.0, 5.0, 2.0]], dtype=torch.float64))
    torch.testing.assert_close(z, torch.tensor([[2.0, 1.0, 0.5]], dtype=torch.float64))


def test_jacobi_zero_diagonal_left_unscaled() -> None:
    J = torch.tensor([[[0.0, 1.0], [1.0, 4.0]]], dtype=torch.float64)
    pc = JacobiPreconditioner()
    pc.setup(J)
    z = pc.apply(torch.tensor([[3.0, 8.0]], dtype=torch.float64))
    torch.testing.assert_close(z, torch.tensor([[3.0, 2.0]], dtype=torch.float64))


def test_block_jacobi_needs_square_blocks() -> None:
    s = BlockStructure((3, 1), (1, 3), ((0,), (1,)), ("a", "b"))
    with pytest.raises(neml2.InputError, match=r"group 0 \(a\) is not square: 1 residual components for 3"):
        BlockJacobiPreconditioner().check_structure(s)


def test_block_jacobi_without_structure() -> None:
    pc = BlockJacobiPreconditioner()
    with pytest.raises(RuntimeError, match="needs the block structure"):
        pc.setup(torch.eye(3, dtype=torch.float64).expand(2, 3, 3))
