"""BiCGStab: stabilized bi-conjugate gradients, batched over independent small systems."""

from __future__ import annotations

import torch

from neml2 import log
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema
from neml2.solvers.krylov import KRYLOV_OPTIONS, KrylovSolver, dot, matvec


@register_neml2_object("BiCGStab")
class BiCGStab(KrylovSolver):
    """Van der Vorst's BiCGStab on ``J M^{-1}`` (right) or ``M^{-1} J`` (left), all points in lock step.
    The true residual is tested every iteration; a point whose recurrence breaks down (a zero inner
    product) or drifts from the true residual restarts from its current iterate."""

    hit = HitSchema(KRYLOV_OPTIONS)

    def _iterate(self, J: torch.Tensor, b: torch.Tensor, pts: torch.Tensor) -> torch.Tensor:
        max_its, left = self.options["max_its"], self.side == "left"
        tol_all = self._tolerance(b)
        x = torch.zeros_like(b)
        its = torch.zeros(b.shape[0], dtype=torch.long, device=b.device)
        glob = torch.arange(b.shape[0], device=b.device)
        P = self._precondition

        def op(v: torch.Tensor, Ja: torch.Tensor, pa: torch.Tensor) -> torch.Tensor:
            return P(matvec(Ja, v), pa) if left else matvec(Ja, P(v, pa))

        # iterate on y with x = M^{-1} y (right) or on x itself (left); r is the (preconditioned) residual
        Ja, pa, tol, ba = J, pts, tol_all, b
        rtrue = b.clone()
        r = P(rtrue, pa) if left else rtrue.clone()
        y = torch.zeros_like(b)
        rhat, p, v = r.clone(), torch.zeros_like(b), torch.zeros_like(b)
        one = torch.ones_like(b[:, 0])
        rho, alpha, omega = one.clone(), one.clone(), one.clone()
        trace = log.enabled("linear", log.DEBUG)
        while True:
            rn = torch.linalg.vector_norm(rtrue, dim=-1)
            if trace:
                self._trace_iteration(int(its.max()), rn)
            go = ~(rn <= tol)
            bad = go & ((its[glob] >= max_its) | ~torch.isfinite(rn))
            if bool(bad.any()):
                self.last_iterations = its
                raise self._fail(glob[bad], pts, rn[bad], tol[bad])
            if not bool(go.all()):
                glob, Ja, pa, tol, ba, rtrue = glob[go], Ja[go], pa[go], tol[go], ba[go], rtrue[go]
                y, r, rhat, p, v = y[go], r[go], rhat[go], p[go], v[go]
                rho, alpha, omega = rho[go], alpha[go], omega[go]
            if not glob.numel():
                break
            its[glob] += 1
            rho_new = dot(rhat, r)
            beta = _div(rho_new, rho) * _div(alpha, omega)
            p = r + beta[:, None] * (p - omega[:, None] * v)
            v = op(p, Ja, pa)
            alpha = _div(rho_new, dot(rhat, v))
            s = r - alpha[:, None] * v
            t = op(s, Ja, pa)
            omega = _div(dot(t, s), dot(t, t))
            y = y + alpha[:, None] * p + omega[:, None] * s
            r = s - omega[:, None] * t
            rho = rho_new
            xa = y if left else P(y, pa)
            x[glob] = xa
            rtrue = ba - matvec(Ja, xa)
            # restart where the recurrence broke down or no longer tracks the true residual
            cur = P(rtrue, pa) if left else rtrue
            rcn, curn = torch.linalg.vector_norm(r, dim=-1), torch.linalg.vector_norm(cur, dim=-1)
            broke = (rho == 0) | (alpha == 0) | (omega == 0) | ~torch.isfinite(rho * alpha * omega)
            broke |= (rcn < 0.5 * curn) & (curn > 0)
            if bool(broke.any()):
                sel = broke[:, None]
                r = torch.where(sel, cur, r)
                rhat = torch.where(sel, cur, rhat)
                p = torch.where(sel, 0, p)
                v = torch.where(sel, 0, v)
                rho = torch.where(broke, 1, rho)
                alpha = torch.where(broke, 1, alpha)
                omega = torch.where(broke, 1, omega)
        self.last_iterations = its
        return x


def _div(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a / b`` with 0 where ``b`` is 0 (flags a breakdown instead of producing inf)."""
    return torch.where(b != 0, a / torch.where(b != 0, b, 1), 0)
