"""LinearSolver: the common base of the [Solvers] types that solve batched linear systems ``J x = b``."""

from __future__ import annotations

import copy
from typing import Any

import nmhit
import torch

from neml2.errors import InputError
from neml2.objects import HitObject
from neml2.solvers.nonlinear_system import BlockStructure


class LinearSolver(HitObject):
    """Solves ``N`` independent systems: ``J`` is ``(N, n, n)``, ``b`` is ``(N, n)`` or ``(N, n, k)``.

    Newton drives the optional hooks: ``check_structure`` once the system is known (input errors at
    load time), ``reset`` at the start of each nonlinear solve (the block layout; cached set-ups
    dropped), ``restrict`` when converged points leave the active set."""

    SECTION = "Solvers"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.structure: BlockStructure | None = None

    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def _error(self, message: str, option: str | None = None) -> InputError:
        """Located at the option's own line (errors found after load, e.g. by check_structure, too)."""
        err = super()._error(message, option)
        section, _, name = str(self._where.get("block", "")).partition("/")
        blocks = getattr(self.factory, "blocks", {}) if option else {}
        node = blocks.get(section, {}).get(name)
        field = node.find(option) if node is not None else None
        if field is not None and field.type() == nmhit.NodeType.Field:
            return InputError(err.reason, file=err.file, line=field.line(), block=err.block, option=option)
        return err

    def check_structure(self, structure: BlockStructure) -> None:
        """Raise an InputError if this solver cannot work with ``structure``."""

    def reset(self, structure: BlockStructure | None) -> None:
        self.structure = structure

    def restrict(self, keep: torch.Tensor) -> None:
        """Keep the cached per-point data of the points ``keep`` (a mask or indices) only."""

    def clone(self) -> Any:
        """A copy with its own caches (the options and referenced blocks are shared)."""
        return copy.copy(self)


def linear_solver_ref(obj: HitObject, option: str) -> LinearSolver:
    """Resolve an option naming a linear solver block, with a located error for anything else."""
    solver = obj._ref(option, "get_solver")
    if not isinstance(solver, LinearSolver):
        raise obj._error(
            f"'{obj.options[option]}' is a {type(solver).__name__}, not a linear solver "
            f"(one of: {', '.join(linear_solver_types())})",
            option,
        )
    return solver


def linear_solver_types() -> list[str]:
    from neml2.factory import registered

    return sorted(k for k, v in registered("Solvers").items() if issubclass(v, LinearSolver))
