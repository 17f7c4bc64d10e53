"""The ``newton`` channel's lines of one Newton solve (see :mod:`neml2.log`).

A solve is bracketed by begin/end separators at ``info``; each iteration prints the largest residual
norm over the points still iterating and the largest initial norm at ``debug``; line-search
sub-iterations are indented under their step. :func:`newton_trace` returns None when the channel is
below ``info``, so a quiet solve pays one dict lookup.
"""

from __future__ import annotations

import torch

from neml2 import log

CHANNEL = "newton"


class NewtonTrace:
    """Tracks why points converge (abs_tol / rel_tol) and prints the solve's lines."""

    def __init__(self, nr0: torch.Tensor, atol: float, rtol: float) -> None:
        self.atol, self.rtol = atol, rtol
        self.debug = log.enabled(CHANNEL, log.DEBUG)
        self.r0 = _max(nr0)
        self.rel = False  # some point met rel_tol but not abs_tol
        self.closed = False
        log.info(CHANNEL, "---- begin newton solve ----")
        finite = torch.isfinite(nr0)
        if self.debug:
            log.debug(CHANNEL, "ITERATION %3d, |R| = %.2e, |R0| = %.2e", 0, self.r0, self.r0)
        if not bool(finite.all()):
            self.failed(0, "non-finite residual")

    def iteration(self, its: int, nr: torch.Tensor, nr0: torch.Tensor) -> None:
        """After Newton iteration ``its``: ``nr`` / ``nr0`` the current / initial norms of the active points."""
        if self.debug:
            log.debug(CHANNEL, "ITERATION %3d, |R| = %.2e, |R0| = %.2e", its, _max(nr), self.r0)
        if not bool(torch.isfinite(nr).all()):
            self.failed(its, "non-finite residual")
            return
        left = (nr <= self.atol) | (nr <= self.rtol * nr0)
        if bool((left & (nr > self.atol)).any()):
            self.rel = True

    def converged(self, its: int) -> None:
        if not self.closed:
            log.info(CHANNEL, "converged (iters=%d, reason=%s)", its, "rel_tol" if self.rel else "abs_tol")
            self.end()

    def failed(self, its: int, reason: str) -> None:
        if not self.closed:
            log.info(CHANNEL, "not converged (iters=%d, reason=%s)", its, reason)
            self.end()

    def end(self) -> None:
        self.closed = True
        log.info(CHANNEL, "---- end newton solve ----")


def newton_trace(nr0: torch.Tensor, atol: float, rtol: float) -> NewtonTrace | None:
    """A trace of the solve starting from the initial norms ``nr0``, or None when ``newton`` is quiet."""
    return NewtonTrace(nr0, atol, rtol) if log.enabled(CHANNEL, log.INFO) else None


def line_search_trace(k: int, alpha: torch.Tensor, r: torch.Tensor) -> None:
    """The line-search line, for solvers that do not hold the trace (checks the level first)."""
    if log.enabled(CHANNEL, log.DEBUG):
        nr = torch.linalg.vector_norm(r, dim=-1)
        log.debug(CHANNEL, "  LS ITERATION %3d, min(alpha) = %.2e, |R| = %.2e", k, _min(alpha), _max(nr))


def _max(t: torch.Tensor) -> float:
    return float(t.max()) if t.numel() else 0.0


def _min(t: torch.Tensor) -> float:
    return float(t.min()) if t.numel() else 0.0
