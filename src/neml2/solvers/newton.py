"""Newton: per-point Newton-Raphson with frozen converged points."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from neml2.errors import ConvergenceError
from neml2.factory import register_neml2_object
from neml2.objects import HitObject
from neml2.schema import HitSchema, option
from neml2.solvers.linear_solver import linear_solver_ref
from neml2.solvers.newton_config import NewtonConfig
from neml2.solvers.newton_trace import newton_trace
from neml2.solvers.site_blocks import SiteBlockJacobian

# fn(x_active, idx) -> (residual (n_a, m), jacobian (n_a, m, n)) at the points idx
SystemFn = Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]

NEWTON_OPTIONS = dict(
    linear_solver=option(str, None, doc="[Solvers] linear solver of the Newton steps (dense LU when unset)"),
    abs_tol=option(float, NewtonConfig.atol, doc="a point converges when |r| <= abs_tol"),
    rel_tol=option(
        float, NewtonConfig.rtol, doc="... or when |r| <= rel_tol |r0|, r0 its residual at the initial guess"
    ),
    max_its=option(int, NewtonConfig.miters, doc="Newton iterations before a recoverable ConvergenceError"),
    substep_del_tol=option(float, 1e-6, doc="smallest fraction of a step a substep may cover"),
)


@register_neml2_object("Newton")
class Newton(HitObject):
    """Each point iterates until ``|r| <= abs_tol`` or ``|r| <= rel_tol |r0|``; converged points
    leave the active set and cost nothing more. Non-finite residuals or ``max_its`` raise a
    recoverable ConvergenceError naming the failed points.

    ``substep_del_tol`` is read by an ImplicitUpdate with ``max_substepping_level`` > 0: the smallest
    fraction of the step a substep may cover; bisection that would go below it stops with the
    ConvergenceError instead."""

    SECTION = "Solvers"
    hit = HitSchema(NEWTON_OPTIONS)

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        if self.options["max_its"] < 0:
            raise self._error("must be >= 0", "max_its")
        if not self.options["substep_del_tol"] >= 0:
            raise self._error("must be >= 0", "substep_del_tol")
        self._linear = None
        #: the block layout of the system being solved (set by ImplicitUpdate through set_structure)
        self.structure = None
        if self.options["linear_solver"] and self.factory is not None:  # resolve now: input errors at load time
            self._linear = linear_solver_ref(self, "linear_solver")

    @property
    def linear_solver(self) -> Any:
        if self._linear is None:
            if self.options["linear_solver"] and self.factory is not None:
                self._linear = linear_solver_ref(self, "linear_solver")
            else:
                from neml2.solvers.dense_lu import DenseLU

                self._linear = DenseLU()
        return self._linear

    @linear_solver.setter
    def linear_solver(self, solver: Any) -> None:
        """Any object with ``solve(J, b)`` (``J (N, n, n)``, ``b (N, n)``)."""
        self._linear = solver

    def set_structure(self, structure: Any) -> None:
        """The block layout of the system to solve next (a BlockStructure), checked by the linear solver."""
        if structure is not self.structure:
            check = getattr(self.linear_solver, "check_structure", None)
            if check is not None and structure is not None:
                check(structure)
            self.structure = structure

    def solve(self, fn: SystemFn, x0: torch.Tensor) -> tuple[torch.Tensor, int]:
        """Solve ``r(x) = 0`` from ``x0`` (``(N, n)``); returns the solution and the iteration count."""
        atol, rtol, max_its = self.options["abs_tol"], self.options["rel_tol"], self.options["max_its"]
        linear = self.linear_solver
        reset, restrict = getattr(linear, "reset", None), getattr(linear, "restrict", None)
        if reset is not None:  # a new nonlinear solve: the layout, and no cached set-ups
            reset(self.structure)
        x = x0.clone()
        idx = torch.arange(x.shape[0], device=x.device)
        r, J = fn(x, idx)
        nr0 = torch.linalg.vector_norm(r, dim=-1)
        trace = newton_trace(nr0, atol, rtol)  # None unless NEML2_LOGS / the app raise 'newton' to info
        self._check_finite(nr0, idx, 0)
        done = (nr0 <= atol) | (nr0 <= rtol * nr0)
        its = 0
        active = ~done
        idx, r, J, nr0 = idx[active], r[active], J[active], nr0[active]
        while idx.numel():
            if its >= max_its:
                if trace is not None:
                    trace.failed(its, "max iterations")
                raise ConvergenceError(
                    f"Newton did not converge in {max_its} iterations at {idx.numel()} point(s) "
                    f"(first: {idx[:8].tolist()}); residual norms {_fmt(torch.linalg.vector_norm(r, dim=-1))}",
                    failed=idx,
                    reason="max iterations",
                )
            its += 1
            try:
                dx = J.solve(-r, linear) if isinstance(J, SiteBlockJacobian) else linear.solve(J, -r)
            except ConvergenceError as e:  # an iterative linear solver: name the points of the whole batch
                if trace is not None:
                    trace.failed(its, e.reason or "linear solve")
                raise ConvergenceError(
                    f"Newton iteration {its}: {e}",
                    failed=idx[e.failed] if e.failed is not None else idx,
                    reason=e.reason,
                ) from None
            xa, r, J = self.update(fn, x[idx], dx, idx, r)
            x[idx] = xa
            nr = torch.linalg.vector_norm(r, dim=-1)
            if trace is not None:
                trace.iteration(its, nr, nr0)
            self._check_finite(nr, idx, its)
            keep = (nr > atol) & (nr > rtol * nr0)
            if not bool(keep.all()):
                idx, r, J, nr0 = idx[keep], r[keep], J[keep], nr0[keep]
                if restrict is not None:
                    restrict(keep)
        if trace is not None:
            trace.converged(its)
        return x, its

    def update(
        self, fn: SystemFn, x: torch.Tensor, dx: torch.Tensor, idx: torch.Tensor, r: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The full Newton step (line search variants override this)."""
        x = x + dx
        r, J = fn(x, idx)
        return x, r, J

    @staticmethod
    def _check_finite(nr: torch.Tensor, idx: torch.Tensor, its: int) -> None:
        bad = ~torch.isfinite(nr)
        if bool(bad.any()):
            failed = idx[bad]
            raise ConvergenceError(
                f"non-finite residual at {failed.numel()} point(s) (first: {failed[:8].tolist()}) "
                f"in Newton iteration {its}",
                failed=failed,
                reason="non-finite residual",
            )


def _fmt(t: torch.Tensor) -> str:
    vals = t[:4].tolist()
    return "[" + ", ".join(f"{v:.3e}" for v in vals) + (", ...]" if t.numel() > 4 else "]")
