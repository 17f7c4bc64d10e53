"""NewtonWithLineSearch: Newton with per-point backtracking on the residual norm."""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.solvers.newton import NEWTON_OPTIONS, Newton, SystemFn
from neml2.solvers.newton_trace import line_search_trace


@register_neml2_object("NewtonWithLineSearch")
class NewtonWithLineSearch(Newton):
    """Backtracking: shrink the step by ``linesearch_cutback`` until
    ``|r(x + a dx)|^2 <= (1 - c a) |r(x)|^2`` (BACKTRACKING) or ``|r(x + a dx)| <= |r(x)|`` (STRONG_WOLFE
    is treated the same way), at most ``max_linesearch_iterations`` times."""

    hit = HitSchema(
        {
            **NEWTON_OPTIONS,
            "linesearch_type": option(str, "BACKTRACKING", choices=("BACKTRACKING", "STRONG_WOLFE")),
            "max_linesearch_iterations": option(int, 10),
            "linesearch_cutback": option(float, 2.0),
            "linesearch_stopping_criteria": option(float, 1e-3),
            "check_negative_criterion": option(bool, False),
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
        for ls in range(1, self.options["max_linesearch_iterations"] + 1):
            bad = ~((rt * rt).sum(-1) <= (1 - c * alpha) * r0sq)  # NaN counts as bad
            if not bool(bad.any()):
                break
            alpha = torch.where(bad, alpha / cut, alpha)
            sel = bad.nonzero().squeeze(-1)
            xs = x[sel] + alpha[sel, None] * dx[sel]
            rs, Js = fn(xs, idx[sel])
            xt[sel], rt[sel], Jt[sel] = xs, rs, Js
            line_search_trace(ls, alpha, rt)
        return xt, rt, Jt
