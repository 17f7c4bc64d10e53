"""DenseLU: batched dense LU solves of the Newton systems."""

from __future__ import annotations

import torch

from neml2.errors import ConvergenceError
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.linear_solver import LinearSolver


def _check_info(info: torch.Tensor, what: str) -> None:
    """A zero pivot at some points (LAPACK ``info > 0``) is a recoverable ConvergenceError naming them."""
    bad = info.reshape(-1) != 0
    if bool(bad.any()):
        failed = bad.nonzero().squeeze(-1)
        raise ConvergenceError(
            f"{what}: singular Jacobian at {failed.numel()} point(s) (first: {failed[:8].tolist()})",
            failed=failed,
            reason="singular",
        )


def lu_factor(J: torch.Tensor, what: str = "LU factorization") -> tuple[torch.Tensor, torch.Tensor]:
    """``torch.linalg.lu_factor`` of the ``(N, n, n)`` systems; singular ones raise a ConvergenceError."""
    lu, piv, info = torch.linalg.lu_factor_ex(J)
    _check_info(info, what)
    return lu, piv


def dense_solve(J: torch.Tensor, b: torch.Tensor, what: str = "LU solve") -> torch.Tensor:
    """``J^{-1} b`` per point (``b`` ``(N, n)`` or ``(N, n, k)``); singular systems raise a ConvergenceError."""
    x, info = torch.linalg.solve_ex(J, b)
    _check_info(info, what)
    return x


@register_neml2_object("DenseLU")
class DenseLU(LinearSolver):
    """``J dx = b`` per point, by LU with partial pivoting; a singular point is a ConvergenceError."""

    hit = HitSchema()

    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """``J`` is ``(N, n, n)``, ``b`` is ``(N, n)`` or ``(N, n, k)``."""
        return dense_solve(J, b, "DenseLU")

    def factor(self, J: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return lu_factor(J, "DenseLU")

    def solve_factored(self, lu: tuple[torch.Tensor, torch.Tensor], b: torch.Tensor) -> torch.Tensor:
        """Solve with a factorization for right-hand sides ``b`` of shape ``(N, n, k)``."""
        return torch.linalg.lu_solve(lu[0], lu[1], b)
