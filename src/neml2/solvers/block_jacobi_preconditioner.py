"""BlockJacobiPreconditioner: the inverses of the diagonal blocks of ``J``, one per group of unknowns."""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.nonlinear_system import BlockStructure
from neml2.solvers.preconditioner import Preconditioner, safe_inverse


@register_neml2_object("BlockJacobiPreconditioner")
class BlockJacobiPreconditioner(Preconditioner):
    """``z[cols(g)] = J[rows(g), cols(g)]^{-1} r[rows(g)]`` for each group ``g`` of the system's block
    structure (one group per unknown variable, or the NonlinearSystem's ``structure`` groups)."""

    hit = HitSchema()

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self._index: tuple[BlockStructure, list[tuple[torch.Tensor, torch.Tensor]]] | None = None

    def check_structure(self, structure: BlockStructure) -> None:
        for g, vars_ in enumerate(structure.groups):
            nr, nc = len(structure.rows(vars_)), len(structure.columns(vars_))
            if nr != nc:
                raise self._error(
                    f"the diagonal block of group {g} ({structure.group_names(g)}) is not square: "
                    f"{nr} residual components for {nc} unknown components"
                )

    def _blocks(self, device: torch.device) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """(rows, columns) of each diagonal block, cached per structure and device."""
        s = self.structure
        if s is None:
            raise RuntimeError("BlockJacobiPreconditioner needs the block structure of the system (reset(structure))")
        if self._index is None or self._index[0] is not s or self._index[1][0][0].device != device:
            as_index = lambda c: torch.tensor(c, dtype=torch.long, device=device)
            self._index = (s, [(as_index(s.rows(g)), as_index(s.columns(g))) for g in s.groups])
        return self._index[1]

    def _setup(self, J: torch.Tensor) -> dict[str, torch.Tensor]:
        out = {}
        for i, (rows, cols) in enumerate(self._blocks(J.device)):
            out[f"inv{i}"] = safe_inverse(J[:, rows][:, :, cols])
        return out

    def _apply(self, state: dict[str, torch.Tensor], r: torch.Tensor) -> torch.Tensor:
        z = torch.empty_like(r)
        for i, (rows, cols) in enumerate(self._blocks(r.device)):
            z[:, cols] = (state[f"inv{i}"] @ r[:, rows].unsqueeze(-1)).squeeze(-1)
        return z
