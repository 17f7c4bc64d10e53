"""NoPreconditioner: ``M^{-1} = I``."""

from __future__ import annotations

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.preconditioner import Preconditioner


@register_neml2_object("NoPreconditioner")
class NoPreconditioner(Preconditioner):
    """The identity: the Krylov solver iterates on ``J`` itself."""

    hit = HitSchema()

    def _setup(self, J: torch.Tensor) -> dict[str, torch.Tensor]:
        return {}

    def _apply(self, state: dict[str, torch.Tensor], r: torch.Tensor) -> torch.Tensor:
        return r
