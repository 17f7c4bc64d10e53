"""DenseLU: batched dense LU solves of the Newton systems."""

from __future__ import annotations

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.linear_solver import LinearSolver


@register_neml2_object("DenseLU")
class DenseLU(LinearSolver):
    """``J dx = b`` per point, by LU with partial pivoting."""

    hit = HitSchema()

    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """``J`` is ``(N, n, n)``, ``b`` is ``(N, n)`` or ``(N, n, k)``."""
        return torch.linalg.solve(J, b)

    def factor(self, J: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return torch.linalg.lu_factor(J)

    def solve_factored(self, lu: tuple[torch.Tensor, torch.Tensor], b: torch.Tensor) -> torch.Tensor:
        """Solve with a factorization for right-hand sides ``b`` of shape ``(N, n, k)``."""
        return torch.linalg.lu_solve(lu[0], lu[1], b)
