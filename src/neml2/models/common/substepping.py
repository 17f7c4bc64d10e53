"""Adaptive substepping of an implicit step: bisecting the fraction of the step at the points that
fail, solving a batch that names its failed points, and assembling the substeps' solutions.

Shared by ImplicitUpdate and the compiled runtimes (neml2.aoti), which substep the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from neml2.errors import ConvergenceError
from neml2.types import TensorWrapper


@dataclass
class SubStep:
    """A converged solve over the fraction ``[a, b]`` of the step at the points ``P`` (None: all)."""

    P: torch.Tensor | None
    a: float
    b: float
    x: torch.Tensor


def bisect(solve: Any, x0: torch.Tensor, level: int, min_fraction: float, name: str) -> list[SubStep]:
    """Adaptive substepping of one step: ``solve(P, a, b, xprev, guess) -> (x, failed, error)`` solves
    the fraction ``[a, b]`` of the step at the points ``P`` (None: all) from the unknowns ``xprev``
    converged at ``a`` (None at ``a = 0``).  A point that fails is bisected, ``[a, m]`` then ``[m, b]``
    (guessed by the solution at ``m``), down to ``level`` bisections and substeps of at least
    ``min_fraction`` of the step; beyond, the recoverable ConvergenceError names the points.
    Returns every converged (sub)step, in time order for each point."""
    steps: list[SubStep] = []

    def advance(P: Any, a: float, b: float, xprev: Any, guess: torch.Tensor, depth: int) -> torch.Tensor:
        x, failed, err = solve(P, a, b, xprev, guess)
        if err is None:
            steps.append(SubStep(P, a, b, x))
            return x
        ok = (~failed).nonzero().squeeze(-1)
        bad = failed.nonzero().squeeze(-1)
        if ok.numel():
            steps.append(SubStep(ok if P is None else P[ok], a, b, x[ok]))
        Pb = bad if P is None else P[bad]
        frac = (b - a) / 2
        if depth >= level or frac < min_fraction:
            why = (
                f"max_substepping_level = {level}"
                if depth >= level
                else f"the next substep, {frac:g} of the step, is below substep_del_tol = {min_fraction:g}"
            )
            raise ConvergenceError(
                f"{name}: no convergence at {Pb.numel()} point(s) (first: {Pb[:8].tolist()}) on the substep "
                f"[{a:g}, {b:g}] of the step after {depth} bisection(s) ({why}); Newton: {err.reason or err}",
                failed=Pb,
                reason=err.reason,
            )
        m = (a + b) / 2
        xm = advance(Pb, a, m, None if xprev is None else xprev[bad], guess[bad], depth + 1)
        xb = advance(Pb, m, b, xm, xm, depth + 1)
        x = x.clone()
        x[bad] = xb
        return x

    advance(None, 0.0, 1.0, None, x0, 0)
    return steps


def assemble_steps(steps: list[SubStep], like: torch.Tensor) -> torch.Tensor:
    """The unknowns at the end of the step: each point's last converged substep."""
    x = like.clone()
    for st in steps:
        if st.b == 1.0:
            if st.P is None:
                x = st.x.clone()
            else:
                x[st.P] = st.x
    return x


def _combine(
    ca: float, ta: dict[str, TensorWrapper], cb: float, tb: dict[str, TensorWrapper]
) -> dict[str, TensorWrapper]:
    """``ca ta + cb tb`` per leaf (a missing leaf is zero)."""
    out = {}
    for leaf in dict.fromkeys([*ta, *tb]):
        a, b = ta.get(leaf), tb.get(leaf)
        if a is None:
            out[leaf] = b._new(cb * b.data)  # type: ignore[union-attr]
        elif b is None:
            out[leaf] = a._new(ca * a.data)
        else:
            out[leaf] = a._new(ca * a.data + cb * b.data)
    return out


def solve_partial(solver: Any, fn: Any, x0: torch.Tensor) -> tuple[torch.Tensor, int, torch.Tensor, Any]:
    """``solver.solve`` that names the points it cannot solve instead of stopping there: a point a
    ConvergenceError names leaves the batch and the rest is solved again (points are independent).
    Returns the solution, the largest iteration count, the mask of failed points and the first error."""
    N = x0.shape[0]
    failed = torch.zeros(N, dtype=torch.bool, device=x0.device)
    x = x0.clone()
    pts = torch.arange(N, device=x0.device)
    first, its = None, 0
    while pts.numel():
        sub = fn if pts.numel() == N else (lambda xa, idx, pts=pts: fn(xa, pts[idx]))
        try:
            xs, k = solver.solve(sub, x0[pts])
        except ConvergenceError as e:
            bad = pts if e.failed is None else pts[e.failed]
            if bad.numel() == 0:
                bad = pts
            failed[bad] = True
            first = first or e
            pts = pts[~failed[pts]]
            continue
        x[pts] = xs
        its = max(its, k)
        break
    return x, its, failed, first
