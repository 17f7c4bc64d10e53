"""SchurComplement: a 2x2 block elimination of the Newton system with two sub-solvers."""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.solvers.linear_solver import LinearSolver, linear_solver_ref
from neml2.solvers.nonlinear_system import BlockStructure


@register_neml2_object("SchurComplement")
class SchurComplement(LinearSolver):
    """Split ``J`` by groups of the system's block structure (the NonlinearSystem ``structure`` groups,
    else one group per unknown): rows of residual group ``residual_primary_group`` and columns of unknown
    group ``unknown_primary_group`` form the primary block ``A``, the rest ``B``, ``C``, ``D``::

        [A B] [x1]   [b1]      x2 = S^{-1} (b2 - C A^{-1} b1),   S = D - C A^{-1} B
        [C D] [x2] = [b2]      x1 = A^{-1} (b1 - B x2)

    ``A^{-1}`` is applied by ``primary_solver`` (to ``b1`` and ``B`` at once), ``S^{-1}`` by ``schur_solver``;
    each sees its sub-system's layout (one group per variable)."""

    hit = HitSchema(
        residual_primary_group=option(int, 0, doc="residual group of the primary block A"),
        unknown_primary_group=option(int, 0, doc="unknown group of the primary block A"),
        primary_solver=option(str, doc="linear solver applying A^-1"),
        schur_solver=option(str, doc="linear solver of the Schur complement S = D - C A^-1 B"),
    )

    def __init__(self, *, primary_solver: Any = None, schur_solver: Any = None, **kw: Any) -> None:
        solvers = {"primary_solver": primary_solver, "schur_solver": schur_solver}
        for k, s in solvers.items():
            kw[k] = s if s is None or isinstance(s, str) else "<python>"
        super().__init__(**kw)
        for k, s in solvers.items():
            if isinstance(s, str):
                solvers[k] = linear_solver_ref(self, k)
            elif not isinstance(s, LinearSolver):
                raise self._error(f"expected a linear solver, got {type(s).__name__}", k)
        self.primary_solver: LinearSolver = solvers["primary_solver"]
        self.schur_solver: LinearSolver = solvers["schur_solver"]
        if self.schur_solver is self.primary_solver:  # one block for both: each needs its own caches
            self.schur_solver = self.primary_solver.clone()
        if self.schur_solver is self or self.primary_solver is self:
            raise self._error("a SchurComplement cannot be its own sub-solver")
        self._split: tuple[torch.Tensor, ...] | None = None

    # ---------------------------------------------------------------- layout
    def _layout(self, s: BlockStructure) -> tuple[list[list[int]], BlockStructure, BlockStructure]:
        """Components of the primary / secondary residuals and unknowns (rows r1, r2, columns u1, u2)
        and the layouts of ``A`` and ``S``."""
        ng = len(s.groups)
        if ng < 2:
            raise self._error(
                f"needs at least two groups of unknowns, the system has {ng}; list the unknowns of two or more "
                "variables, or set the NonlinearSystem's structure"
            )
        pos = {}
        for name in ("residual_primary_group", "unknown_primary_group"):
            g = self.options[name]
            if not 0 <= g < ng:
                raise self._error(f"group {g} out of range: the system has {ng} groups (0 to {ng - 1})", name)
            pos[name] = g
        r1 = list(s.groups[pos["residual_primary_group"]])
        u1 = list(s.groups[pos["unknown_primary_group"]])
        r2 = [i for i in range(len(s.residual_sizes)) if i not in r1]
        u2 = [i for i in range(len(s.unknown_sizes)) if i not in u1]
        n_r1, n_u1 = len(s.rows(r1)), len(s.columns(u1))
        if n_r1 != n_u1:
            raise self._error(
                f"the primary block is not square: {n_r1} residual components of group "
                f"{pos['residual_primary_group']} for {n_u1} unknown components of group "
                f"{pos['unknown_primary_group']}"
            )
        comps = [s.rows(r1), s.rows(r2), s.columns(u1), s.columns(u2)]
        return comps, s.sub(r1, u1), s.sub(r2, u2)

    def check_structure(self, structure: BlockStructure) -> None:
        _, s1, s2 = self._layout(structure)
        self.primary_solver.check_structure(s1)
        self.schur_solver.check_structure(s2)

    def reset(self, structure: BlockStructure | None) -> None:
        super().reset(structure)
        if structure is None:
            self._split = None
            self.primary_solver.reset(None)
            self.schur_solver.reset(None)
            return
        comps, s1, s2 = self._layout(structure)
        self._split = tuple(torch.tensor(c, dtype=torch.long) for c in comps)
        self.primary_solver.reset(s1)
        self.schur_solver.reset(s2)

    def clone(self) -> SchurComplement:
        new = super().clone()
        new.primary_solver, new.schur_solver = self.primary_solver.clone(), self.schur_solver.clone()
        return new

    def restrict(self, keep: torch.Tensor) -> None:
        self.primary_solver.restrict(keep)
        self.schur_solver.restrict(keep)

    def primary_is(self, variables: tuple[int, ...]) -> bool:
        """Whether the primary block is that of the variables at ``variables`` (rows and columns)."""
        s = self.structure
        if s is None:
            return False
        r, u = self.options["residual_primary_group"], self.options["unknown_primary_group"]
        return r < len(s.groups) and u < len(s.groups) and s.groups[r] == s.groups[u] == tuple(variables)

    # ---------------------------------------------------------------- solve
    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        if self._split is None:
            raise RuntimeError(
                "SchurComplement needs the block structure of the system: use it through a NonlinearSystem "
                "(ImplicitUpdate) or call reset(BlockStructure...) first"
            )
        r1, r2, u1, u2 = (i.to(J.device) for i in self._split)
        vec = b.dim() == J.dim() - 1
        bb = b.unsqueeze(-1) if vec else b
        Jr1, Jr2 = J[:, r1], J[:, r2]
        A, B, C, D = Jr1[:, :, u1], Jr1[:, :, u2], Jr2[:, :, u1], Jr2[:, :, u2]
        b1, b2 = bb[:, r1], bb[:, r2]
        k = bb.shape[-1]
        # A^{-1} [b1 B] in one call
        sol = self.primary_solver.solve(A, torch.cat([b1, B], dim=-1))
        z, Y = sol[..., :k], sol[..., k:]
        S = D - C @ Y
        x2 = self.schur_solver.solve(S, b2 - C @ z)
        x1 = z - Y @ x2
        x = bb.new_empty(bb.shape[0], J.shape[-1], k)
        x[:, u1], x[:, u2] = x1, x2
        return x.squeeze(-1) if vec else x
