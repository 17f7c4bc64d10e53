"""FullPreconditioner: ``M^{-1} = J^{-1}`` (an exact solve by LU)."""

from __future__ import annotations

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.preconditioner import Preconditioner


@register_neml2_object("FullPreconditioner")
class FullPreconditioner(Preconditioner):
    """The LU factors of ``J``: with a fresh set-up a Krylov solver converges in one iteration; cached
    (``cache_strategy = reuse``) it is the previous Newton iteration's inverse."""

    hit = HitSchema()

    def _setup(self, J: torch.Tensor) -> dict[str, torch.Tensor]:
        lu, piv, _ = torch.linalg.lu_factor_ex(J)
        return {"lu": lu, "pivots": piv}

    def _apply(self, state: dict[str, torch.Tensor], r: torch.Tensor) -> torch.Tensor:
        return torch.linalg.lu_solve(state["lu"], state["pivots"], r.unsqueeze(-1)).squeeze(-1)
