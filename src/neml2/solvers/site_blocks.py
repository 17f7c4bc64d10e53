"""Newton systems of per-site unknowns kept block-diagonal (NonlinearSystem ``structure = 'block ...'``).

A ``block`` group holds unknowns that share a sub-batch shape ``S`` (the sites: grains, slip systems);
its residuals at a site depend on its unknowns at that site only. Its Jacobian is then stored as one
``k x k`` block per site, ``A (N, G, k, k)`` (``G = prod(S)``, ``k`` the components of one site),
never as the dense ``(G k)^2`` matrix. The other unknowns (``dense`` groups: a global strain rate, a
mixed-control target) couple through ``B = dr_A/dx_D (N, G, k, m)``, ``C = dr_D/dx_A (N, m, G, k)``
and ``D = dr_D/dx_D (N, m, m)``; a Newton step eliminates the sites first (Schur complement)::

    x_D = S^{-1} (b_D - C A^{-1} b_A),   S = D - C A^{-1} B,   x_A = A^{-1} (b_A - B x_D).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch


@dataclass(frozen=True)
class SiteLayout:
    """Where the block unknowns (and residuals) sit in the flat Newton vectors.

    ``cols_A`` / ``rows_A``: for each site and component ``(G, k)``, its index in the flat unknown /
    residual vector; ``cols_D`` / ``rows_D``: the indices of the dense unknowns / residuals."""

    sites: tuple[int, ...]
    block: tuple[int, ...]
    dense: tuple[int, ...]
    cols_A: torch.Tensor
    rows_A: torch.Tensor
    cols_D: torch.Tensor
    rows_D: torch.Tensor

    @classmethod
    def build(
        cls,
        block: Sequence[int],
        sub: tuple[int, ...],
        unknown_sizes: Sequence[int],
        residual_sizes: Sequence[int],
    ) -> SiteLayout:
        """``block``: positions of the block variables (all of sub-batch shape ``sub``)."""
        G = math.prod(sub)
        dense = tuple(i for i in range(len(unknown_sizes)) if i not in block)

        def place(sizes: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
            offsets = [sum(sizes[:i]) for i in range(len(sizes))]
            per_site = [torch.arange(offsets[i], offsets[i] + sizes[i]).reshape(G, sizes[i] // G) for i in block]
            flat_dense = [torch.arange(offsets[i], offsets[i] + sizes[i]) for i in dense]
            d = torch.cat(flat_dense) if flat_dense else torch.zeros(0, dtype=torch.long)
            return torch.cat(per_site, -1), d

        cols_A, cols_D = place(unknown_sizes)
        rows_A, rows_D = place(residual_sizes)
        if rows_A.shape != cols_A.shape:
            raise ValueError(
                f"the per-site block is not square: {rows_A.shape[-1]} residual for "
                f"{cols_A.shape[-1]} unknown components"
            )
        return cls(tuple(sub), tuple(block), dense, cols_A, rows_A, cols_D, rows_D)

    def to_metadata(self) -> dict[str, Any]:
        """The layout as a compiled artifact's stage entry ``"site_blocks"`` (docs/aoti_artifacts.md)."""
        out: dict[str, Any] = {"sites": list(self.sites), "block": list(self.block), "dense": list(self.dense)}
        out.update({k: getattr(self, k).tolist() for k in ("cols_A", "rows_A", "cols_D", "rows_D")})
        return out

    @classmethod
    def from_metadata(cls, d: dict[str, Any]) -> SiteLayout:
        idx = {k: torch.tensor(d[k], dtype=torch.long) for k in ("cols_A", "rows_A", "cols_D", "rows_D")}
        return cls(tuple(d["sites"]), tuple(d["block"]), tuple(d["dense"]), **idx)

    @property
    def k(self) -> int:
        return int(self.cols_A.shape[-1])

    @property
    def m(self) -> int:
        return int(self.cols_D.numel())

    def split(self, v: torch.Tensor, rows: bool) -> tuple[torch.Tensor, torch.Tensor]:
        """``v (N, n, ...)`` as its site part ``(N, G, k, ...)`` and its dense part ``(N, m, ...)``."""
        iA, iD = (self.rows_A, self.rows_D) if rows else (self.cols_A, self.cols_D)
        return v[:, iA.to(v.device)], v[:, iD.to(v.device)]

    def merge(self, vA: torch.Tensor, vD: torch.Tensor, rows: bool) -> torch.Tensor:
        """The inverse of ``split``."""
        iA, iD = (self.rows_A, self.rows_D) if rows else (self.cols_A, self.cols_D)
        n = iA.numel() + iD.numel()
        out = vA.new_empty(vA.shape[0], n, *vA.shape[3:])
        out[:, iA.reshape(-1).to(vA.device)] = vA.reshape(vA.shape[0], -1, *vA.shape[3:])
        out[:, iD.to(vA.device)] = vD
        return out


@dataclass
class SiteBlockJacobian:
    """The Newton Jacobian of a ``block`` system: ``A`` per site and the couplings ``B``, ``C``, ``D``
    (None without dense unknowns). Indexed by points like the ``(N, n, n)`` tensor it replaces."""

    layout: SiteLayout
    A: torch.Tensor
    B: torch.Tensor | None = None
    C: torch.Tensor | None = None
    D: torch.Tensor | None = None

    def _parts(self) -> dict[str, torch.Tensor]:
        return {k: getattr(self, k) for k in "ABCD" if getattr(self, k) is not None}

    def parts(self) -> tuple[torch.Tensor, ...]:
        """``(A,)`` or ``(A, B, C, D)``: the tensors a compiled residual graph returns after ``r``."""
        return tuple(self._parts().values())

    @property
    def shape(self) -> tuple[int, int, int]:
        n = self.layout.cols_A.numel() + self.layout.m
        return (self.A.shape[0], n, n)

    def __getitem__(self, idx: Any) -> SiteBlockJacobian:
        return SiteBlockJacobian(self.layout, **{k: t[idx] for k, t in self._parts().items()})

    def __setitem__(self, idx: Any, other: SiteBlockJacobian) -> None:
        for k, t in self._parts().items():
            t[idx] = getattr(other, k)

    def __matmul__(self, v: torch.Tensor) -> torch.Tensor:
        """``J v`` for ``v (N, n, p)``."""
        vA, vD = self.layout.split(v, rows=False)
        yA = self.A @ vA
        if self.D is None:
            return self.layout.merge(yA, vA.new_zeros(v.shape[0], 0, v.shape[-1]), rows=True)
        assert self.B is not None and self.C is not None
        yA = yA + torch.einsum("ngkj,njp->ngkp", self.B, vD)
        yD = torch.einsum("nigk,ngkp->nip", self.C, vA) + self.D @ vD
        return self.layout.merge(yA, yD, rows=True)

    @classmethod
    def from_dense(cls, layout: SiteLayout, J: torch.Tensor) -> SiteBlockJacobian:
        """The blocks of an assembled ``(N, n, n)`` Jacobian (the inverse of ``dense``)."""
        rA, cA = layout.rows_A.to(J.device), layout.cols_A.to(J.device)
        A = J[:, rA.unsqueeze(-1), cA.unsqueeze(-2)]
        if layout.m == 0:
            return cls(layout, A)
        rD, cD = layout.rows_D.to(J.device), layout.cols_D.to(J.device)
        return cls(
            layout,
            A,
            J[:, rA.unsqueeze(-1), cD],
            J[:, rD.reshape(-1, 1, 1), cA.unsqueeze(0)],
            J[:, rD.unsqueeze(-1), cD],
        )

    def dense(self) -> torch.Tensor:
        """The ``(N, n, n)`` matrix (for linear solvers without a per-site path, and for tests)."""
        N, n, _ = self.shape
        L = self.layout
        J = self.A.new_zeros(N, n, n)
        rA, cA = L.rows_A.to(J.device), L.cols_A.to(J.device)
        J[:, rA.unsqueeze(-1), cA.unsqueeze(-2)] = self.A
        if self.D is not None:
            assert self.B is not None and self.C is not None
            rD, cD = L.rows_D.to(J.device), L.cols_D.to(J.device)
            J[:, rA.unsqueeze(-1), cD] = self.B
            J[:, rD.reshape(-1, 1, 1), cA.unsqueeze(0)] = self.C
            J[:, rD.unsqueeze(-1), cD] = self.D
        return J

    def solve(self, b: torch.Tensor, linear: Any = None) -> torch.Tensor:
        """``J^{-1} b`` (``b (N, n)`` or ``(N, n, p)``): per-site LU, then the Schur complement of the dense unknowns
        with ``linear``'s ``schur_solver`` when it is a SchurComplement whose primary group is the block
        group; another linear solver gets the assembled matrix, except a direct one (DenseLU, or one
        marked ``direct``: the compiled runtime's pointwise LU), for which the blocks are solved by LU."""
        from neml2.solvers.dense_lu import DenseLU, dense_solve
        from neml2.solvers.schur_complement import SchurComplement

        schur = None
        if isinstance(linear, SchurComplement) and linear.primary_is(self.layout.block):
            schur = linear.schur_solver
        elif linear is not None and not (isinstance(linear, DenseLU) or getattr(linear, "direct", False)):
            return linear.solve(self.dense(), b)
        vec = b.dim() == 2
        bA, bD = self.layout.split(b.unsqueeze(-1) if vec else b, rows=True)
        p = bA.shape[-1]
        if self.D is None:
            x = self.layout.merge(_site_solve(self.A, bA), bD, rows=False)
            return x.squeeze(-1) if vec else x
        assert self.B is not None and self.C is not None
        sol = _site_solve(self.A, torch.cat([bA, self.B], -1))
        z, Y = sol[..., :p], sol[..., p:]
        S = self.D - torch.einsum("nigk,ngkj->nij", self.C, Y)
        rhs = bD - torch.einsum("nigk,ngkp->nip", self.C, z)
        xD = schur.solve(S, rhs) if schur is not None else dense_solve(S, rhs, "Schur complement")
        xA = z - torch.einsum("ngkj,njp->ngkp", Y, xD)
        x = self.layout.merge(xA, xD, rows=False)
        return x.squeeze(-1) if vec else x


def _site_solve(A: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``A^{-1} b`` per point and site; a singular block is a ConvergenceError naming its points."""
    from neml2.solvers.dense_lu import _check_info

    x, info = torch.linalg.solve_ex(A, b)
    _check_info((info != 0).reshape(info.shape[0], -1).any(-1).int(), "per-site Jacobian block")
    return x
