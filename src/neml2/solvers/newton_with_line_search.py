"""NewtonWithLineSearch: Newton with per-point backtracking on the residual norm."""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.solvers.newton import NEWTON_OPTIONS, Newton, SystemFn
from neml2.solvers.newton_config import NewtonConfig
from neml2.solvers.newton_trace import line_search_trace


@register_neml2_object("NewtonWithLineSearch")
class NewtonWithLineSearch(Newton):
    """Backtracking on the merit ``phi(a) = |r(x + a dx)|^2 / 2``: shrink the step ``a`` by
    ``linesearch_cutback`` until the sufficient decrease ``|r(x + a dx)|^2 <= (1 - c a) |r(x)|^2``
    holds (BACKTRACKING), and with STRONG_WOLFE also the curvature condition
    ``|phi'(a)| = |r(x + a dx) . J(x + a dx) dx| <= c2 |phi'(0)| = c2 |r(x)|^2`` (c2 = 0.9; the Newton
    direction has ``phi'(0) = -|r|^2``), at most ``max_linesearch_iterations`` times."""

    #: the strong-Wolfe curvature constant
    WOLFE_C2 = 0.9

    hit = HitSchema(
        {
            **NEWTON_OPTIONS,
            "linesearch_type": option(
                str, "BACKTRACKING", choices=("BACKTRACKING", "STRONG_WOLFE"), doc="step acceptance rule"
            ),
            "max_linesearch_iterations": option(
                int, NewtonConfig.ls_max_iters, doc="cutbacks of one Newton step at most"
            ),
            "linesearch_cutback": option(
                float, NewtonConfig.ls_cutback, doc="the step length is divided by this on each cutback"
            ),
            "linesearch_stopping_criteria": option(
                float, NewtonConfig.ls_c, doc="sufficient-decrease constant c: |r(x + a dx)|^2 <= (1 - c a) |r(x)|^2"
            ),
            "check_negative_criterion": option(bool, False, doc="not supported: must stay false"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        if self.options["linesearch_cutback"] <= 1.0:
            raise self._error("must be > 1", "linesearch_cutback")
        if self.options["check_negative_criterion"]:  # not implemented: refuse rather than ignore
            raise self._error("is not supported; leave it false", "check_negative_criterion")

    def update(
        self, fn: SystemFn, x: torch.Tensor, dx: torch.Tensor, idx: torch.Tensor, r: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        c, cut = self.options["linesearch_stopping_criteria"], self.options["linesearch_cutback"]
        r0sq = (r * r).sum(-1)
        alpha = torch.ones_like(r0sq)
        xt = x + dx
        rt, Jt = fn(xt, idx)
        wolfe = self.options["linesearch_type"] == "STRONG_WOLFE"
        for ls in range(1, self.options["max_linesearch_iterations"] + 1):
            ok = (rt * rt).sum(-1) <= (1 - c * alpha) * r0sq  # NaN counts as bad
            if wolfe:
                slope = (rt * (Jt @ dx.unsqueeze(-1)).squeeze(-1)).sum(-1)
                ok = ok & (slope.abs() <= self.WOLFE_C2 * r0sq)
            bad = ~ok
            if not bool(bad.any()):
                break
            alpha = torch.where(bad, alpha / cut, alpha)
            sel = bad.nonzero().squeeze(-1)
            xs = x[sel] + alpha[sel, None] * dx[sel]
            rs, Js = fn(xs, idx[sel])
            xt[sel], rt[sel], Jt[sel] = xs, rs, Js
            line_search_trace(ls, alpha, rt)
        return xt, rt, Jt
