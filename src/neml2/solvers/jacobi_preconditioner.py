"""JacobiPreconditioner: ``M^{-1} = diag(J)^{-1}``."""

from __future__ import annotations

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.preconditioner import Preconditioner


@register_neml2_object("JacobiPreconditioner")
class JacobiPreconditioner(Preconditioner):
    """The inverse diagonal of ``J`` (a zero diagonal entry is left unscaled)."""

    hit = HitSchema()

    def _setup(self, J: torch.Tensor) -> dict[str, torch.Tensor]:
        d = torch.diagonal(J, dim1=-2, dim2=-1)
        return {"inv_diag": torch.where(d != 0, 1 / torch.where(d != 0, d, 1), 1)}

    def _apply(self, state: dict[str, torch.Tensor], r: torch.Tensor) -> torch.Tensor:
        return state["inv_diag"] * r
