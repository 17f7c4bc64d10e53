"""KrylovSolver: the common base of GMRES and BiCGStab (options, preconditioner, caching, convergence)."""

from __future__ import annotations

import copy
from typing import Any

import torch

from neml2 import log
from neml2.errors import ConvergenceError
from neml2.schema import option, suggest
from neml2.solvers.linear_solver import LinearSolver
from neml2.solvers.nonlinear_system import BlockStructure
from neml2.solvers.preconditioner import Preconditioner

CACHE_STRATEGIES = ("none", "reuse")
SIDES = ("right", "left")

KRYLOV_OPTIONS = dict(
    max_its=option(int, 1000, doc="iterations before a recoverable ConvergenceError"),
    abs_tol=option(float, 0.0, doc="converged when |J x - b| <= abs_tol"),
    rel_tol=option(float, 1e-4, doc="... or when |J x - b| <= rel_tol |b|"),
    preconditioner=option(str, None, doc="[Solvers] preconditioner block (none when unset)"),
    cache_strategy=option(str, "none", doc="when a preconditioner set-up is reused across solves"),
    cache_max_its=option(int, 10, doc="solves a reused preconditioner set-up serves"),
)


class KrylovSolver(LinearSolver):
    """Iterates each of the ``N`` systems until ``|b - J x| <= max(abs_tol, rel_tol |b|)`` from ``x = 0``;
    converged points leave the active set and are not updated again. More than ``max_its`` iterations at
    a point raise a recoverable ConvergenceError naming the points.

    ``preconditioner`` names a preconditioner block (default: none), applied on the right (``J M^{-1} y = b``,
    ``x = M^{-1} y``) or, with ``side='left'`` from Python, on the left (``M^{-1} J x = M^{-1} b``); the
    convergence test is on the true residual either way. ``cache_strategy = reuse`` keeps a preconditioner
    set-up for ``cache_max_its`` solves (Newton iterations) before setting it up again on the current ``J``.
    ``last_iterations`` holds the iteration count of each system of the last solve."""

    def __init__(self, *, side: str = "right", preconditioner: Any = None, **kw: Any) -> None:
        pc = preconditioner
        if pc is not None and not isinstance(pc, str):
            kw["preconditioner"] = "<python>"
        elif pc is not None:
            kw["preconditioner"] = pc
        super().__init__(**kw)
        o = self.options
        for name in ("max_its", "cache_max_its"):
            if o[name] < 1:
                raise self._error("must be >= 1", name)
        for name in ("abs_tol", "rel_tol"):
            if not o[name] >= 0:
                raise self._error("must be >= 0", name)
        strategy = o["cache_strategy"].lower()
        if strategy not in CACHE_STRATEGIES:
            raise self._error(
                f"invalid value {o['cache_strategy']!r}{suggest(strategy, CACHE_STRATEGIES)}; "
                f"valid choices: {', '.join(CACHE_STRATEGIES)}",
                "cache_strategy",
            )
        self.cache_strategy = strategy
        if side not in SIDES:
            raise ValueError(f"invalid preconditioning side {side!r}; valid choices: {', '.join(SIDES)}")
        self.side = side
        if isinstance(pc, str):
            pc = self._ref("preconditioner", "get_solver")
            if not isinstance(pc, Preconditioner):
                raise self._error(
                    f"'{o['preconditioner']}' is a {type(pc).__name__}, not a preconditioner "
                    f"(one of: {', '.join(preconditioner_types())})",
                    "preconditioner",
                )
        if pc is None:
            from neml2.solvers.no_preconditioner import NoPreconditioner

            pc = NoPreconditioner()
        elif not isinstance(pc, Preconditioner):
            raise self._error(f"expected a Preconditioner, got {type(pc).__name__}", "preconditioner")
        # own copy: a preconditioner block may serve several solvers, its set-up is per solver
        self.preconditioner: Preconditioner = copy.copy(pc)
        self.preconditioner.clear()
        self._uses = 0
        self.last_iterations: torch.Tensor | None = None

    # ---------------------------------------------------------------- hooks
    def check_structure(self, structure: BlockStructure) -> None:
        self.preconditioner.check_structure(structure)

    def reset(self, structure: BlockStructure | None) -> None:
        super().reset(structure)
        self.preconditioner.structure = structure
        self.preconditioner.clear()

    def restrict(self, keep: torch.Tensor) -> None:
        self.preconditioner.restrict(keep)

    def clone(self) -> KrylovSolver:
        new = super().clone()
        new.preconditioner = copy.copy(self.preconditioner)
        new.preconditioner.clear()
        return new

    # ---------------------------------------------------------------- solve
    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """``J`` ``(N, n, n)``, ``b`` ``(N, n)`` or ``(N, n, k)`` (k right-hand sides, iterated independently)."""
        N, n = J.shape[0], J.shape[-1]
        self._prepare(J)
        if b.dim() == J.dim():
            k = b.shape[-1]
            pts = torch.arange(N, device=J.device).repeat_interleave(k)
            x = self._iterate(J[pts], b.transpose(-1, -2).reshape(N * k, n), pts)
            self._trace_solve()
            return x.reshape(N, k, n).transpose(-1, -2)
        x = self._iterate(J, b, torch.arange(N, device=J.device))
        self._trace_solve()
        return x

    def _trace_solve(self) -> None:
        """The ``linear`` channel's summary of the solve just done (at ``info``)."""
        if log.enabled("linear", log.INFO) and self.last_iterations is not None:
            its = self.last_iterations
            log.info(
                "linear",
                "  %s converged: %d system(s), iterations max %d, mean %.1f",
                type(self).__name__,
                its.numel(),
                int(its.max()) if its.numel() else 0,
                float(its.double().mean()) if its.numel() else 0.0,
            )

    def _prepare(self, J: torch.Tensor) -> None:
        pc = self.preconditioner
        reuse = (
            self.cache_strategy == "reuse"
            and pc.ready
            and pc.batch_size == J.shape[0]
            and self._uses < self.options["cache_max_its"]
        )
        if not reuse:
            pc.setup(J)
            self._uses = 0
        self._uses += 1

    def _iterate(self, J: torch.Tensor, b: torch.Tensor, pts: torch.Tensor) -> torch.Tensor:
        """Solve the ``M`` systems ``J`` ``(M, n, n)`` ``b`` ``(M, n)``; ``pts`` maps each to its set-up point."""
        raise NotImplementedError

    def _tolerance(self, b: torch.Tensor) -> torch.Tensor:
        bn = torch.linalg.vector_norm(b, dim=-1)
        return torch.clamp(self.options["rel_tol"] * bn, min=self.options["abs_tol"])

    def _precondition(self, r: torch.Tensor, pts: torch.Tensor) -> torch.Tensor:
        return self.preconditioner.apply(r, pts)

    @staticmethod
    def _trace_iteration(its: int, rn: torch.Tensor, what: str = "|r|") -> None:
        """An inner iteration's largest residual norm over the systems still iterating (at ``debug``)."""
        if rn.numel():
            log.debug("linear", "    ITERATION %3d, %s = %.2e (%d active)", its, what, float(rn.max()), rn.numel())

    def _fail(
        self, failed: torch.Tensor, pts: torch.Tensor, resid: torch.Tensor, tol: torch.Tensor
    ) -> ConvergenceError:
        points = torch.unique(pts[failed])
        log.info("linear", "  %s not converged at %d point(s)", type(self).__name__, points.numel())
        return ConvergenceError(
            f"{type(self).__name__} did not converge in {self.options['max_its']} iterations at "
            f"{points.numel()} point(s) (first: {points[:8].tolist()}); residual norms {_fmt(resid)} "
            f"for tolerances {_fmt(tol)}",
            failed=points,
            reason="max iterations",
        )


def preconditioner_types() -> list[str]:
    from neml2.factory import registered

    return sorted(k for k, v in registered("Solvers").items() if issubclass(v, Preconditioner))


def matvec(J: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return (J @ v.unsqueeze(-1)).squeeze(-1)


def dot(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return (a * b).sum(-1)


def _fmt(t: torch.Tensor) -> str:
    vals = t[:4].tolist()
    return "[" + ", ".join(f"{v:.3e}" for v in vals) + (", ...]" if t.numel() > 4 else "]")
