"""Preconditioner: the common base of the preconditioners of the Krylov solvers (GMRES, BiCGStab)."""

from __future__ import annotations

from typing import Any

import torch

from neml2.objects import HitObject
from neml2.solvers.nonlinear_system import BlockStructure


class Preconditioner(HitObject):
    """An approximate inverse ``M^{-1}`` of ``J``, per point: ``setup(J)`` with ``J`` ``(N, n, n)`` stores
    per-point data (leading axis ``N``); ``apply(r, idx)`` returns ``M^{-1} r`` for rows ``r`` belonging to
    the set-up points ``idx`` (all of them, in order, when ``idx`` is None)."""

    SECTION = "Solvers"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.structure: BlockStructure | None = None
        self.state: dict[str, torch.Tensor] | None = None
        self.batch_size: int | None = None  # the number of points set up

    @property
    def ready(self) -> bool:
        return self.state is not None

    def check_structure(self, structure: BlockStructure) -> None:
        """Raise an InputError if this preconditioner cannot work with ``structure``."""

    def setup(self, J: torch.Tensor) -> None:
        self.state = self._setup(J)
        self.batch_size = J.shape[0]

    def apply(self, r: torch.Tensor, idx: torch.Tensor | None = None) -> torch.Tensor:
        if self.state is None:
            raise RuntimeError(f"{type(self).__name__}.apply before setup")
        state = self.state if idx is None else {k: v[idx] for k, v in self.state.items()}
        return self._apply(state, r)

    def restrict(self, keep: torch.Tensor) -> None:
        if self.state is not None:
            self.state = {k: v[keep] for k, v in self.state.items()}
            self.batch_size = int(keep.sum()) if keep.dtype == torch.bool else keep.numel()

    def clear(self) -> None:
        self.state = None
        self.batch_size = None

    def _setup(self, J: torch.Tensor) -> dict[str, torch.Tensor]:
        raise NotImplementedError

    def _apply(self, state: dict[str, torch.Tensor], r: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError


def safe_inverse(A: torch.Tensor) -> torch.Tensor:
    """Batched inverse; points whose matrix is singular get the identity (no preconditioning there)."""
    inv, info = torch.linalg.inv_ex(A)
    bad = (info != 0) | ~torch.isfinite(inv).flatten(1).all(-1)
    if bool(bad.any()):
        eye = torch.eye(A.shape[-1], dtype=A.dtype, device=A.device).expand_as(A)
        inv = torch.where(bad[:, None, None], eye, inv)
    return inv
