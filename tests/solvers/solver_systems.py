"""Random batched test systems for the linear solver tests."""

from __future__ import annotations

import torch


def well_conditioned(N: int = 50, n: int = 7, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """``J = 3 I + E`` with ``|E| < 1`` entries-wise small and nonsymmetric (condition number ~ 2), and ``b``."""
    g = torch.Generator().manual_seed(seed)
    E = torch.randn(N, n, n, generator=g, dtype=torch.float64) / n**0.5
    J = 3 * torch.eye(n, dtype=torch.float64) + E
    b = torch.randn(N, n, generator=g, dtype=torch.float64)
    return J, b


def scaled(N: int = 50, n: int = 7, seed: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    """A well-conditioned system with rows scaled over four decades: hard without a preconditioner,
    easy with a diagonal one."""
    J, b = well_conditioned(N, n, seed)
    s = torch.logspace(-2, 2, n, dtype=torch.float64)[:, None]
    return s * J, b
