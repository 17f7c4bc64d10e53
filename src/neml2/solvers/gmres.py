"""GMRES: restarted GMRES, batched over independent small systems."""

from __future__ import annotations

import torch

from neml2 import log
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.solvers.krylov import KRYLOV_OPTIONS, KrylovSolver, matvec


@register_neml2_object("GMRES")
class GMRES(KrylovSolver):
    """GMRES(``restart``): Arnoldi with re-orthogonalized Gram-Schmidt and Givens rotations, all points
    in lock step. A point ends its cycle when its residual estimate meets the tolerance (then its true
    residual is checked), on ``restart`` (at most ``n``) steps, or on ``max_its`` in total."""

    hit = HitSchema({"restart": option(int, 40, doc="Krylov vectors kept before a restart"), **KRYLOV_OPTIONS})

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        if self.options["restart"] < 1:
            raise self._error("must be >= 1", "restart")

    def _iterate(self, J: torch.Tensor, b: torch.Tensor, pts: torch.Tensor) -> torch.Tensor:
        M, n = b.shape
        max_its, left = self.options["max_its"], self.side == "left"
        m = min(self.options["restart"], n)
        tol = self._tolerance(b)
        x = torch.zeros_like(b)
        its = torch.zeros(M, dtype=torch.long, device=b.device)
        active = torch.arange(M, device=b.device)
        trace = log.enabled("linear", log.DEBUG)
        while active.numel():
            # true residuals: converged points leave for good
            Ja, pa = J[active], pts[active]
            r = b[active] - matvec(Ja, x[active])
            rn = torch.linalg.vector_norm(r, dim=-1)
            if trace:
                self._trace_iteration(int(its.max()), rn, "|r| (restart)")
            go = ~(rn <= tol[active])
            bad = go & ((its[active] >= max_its) | ~torch.isfinite(rn))
            if bool(bad.any()):
                self.last_iterations = its
                raise self._fail(active[bad], pts, rn[bad], tol[active][bad])
            if not bool(go.all()):
                active, Ja, pa, r, rn = active[go], Ja[go], pa[go], r[go], rn[go]
                if not active.numel():
                    break
            self._cycle(J=Ja, r=r, rn=rn, pts=pa, glob=active, x=x, its=its, tol=tol[active], m=m, left=left)
        self.last_iterations = its
        return x

    def _cycle(self, *, J, r, rn, pts, glob, x, its, tol, m, left) -> None:  # type: ignore[no-untyped-def]
        """One restart cycle of the points ``glob``; updates ``x`` and ``its`` in place."""
        max_its, trace = self.options["max_its"], log.enabled("linear", log.DEBUG)
        if left:
            r = self._precondition(r, pts)
        beta = torch.linalg.vector_norm(r, dim=-1)
        # estimate threshold: the reduction the true residual needs, applied to this cycle's residual
        target = beta * (tol / rn)
        A, n = r.shape
        V = r.new_zeros(A, m + 1, n)
        V[:, 0] = r / beta[:, None]
        H = r.new_zeros(A, m + 1, m)
        cs, sn = r.new_zeros(A, m), r.new_zeros(A, m)
        g = r.new_zeros(A, m + 1)
        g[:, 0] = beta
        for j in range(m):
            v = V[:, j]
            w = matvec(J, v if left else self._precondition(v, pts))
            if left:
                w = self._precondition(w, pts)
            Vj = V[:, : j + 1]
            h = matvec(Vj, w)
            w = w - (Vj.transpose(-1, -2) @ h.unsqueeze(-1)).squeeze(-1)
            h2 = matvec(Vj, w)  # second pass (CGS2) keeps V orthonormal in floating point
            w = w - (Vj.transpose(-1, -2) @ h2.unsqueeze(-1)).squeeze(-1)
            h = h + h2
            hn = torch.linalg.vector_norm(w, dim=-1)
            V[:, j + 1] = torch.where(hn[:, None] > 0, w / torch.where(hn > 0, hn, 1)[:, None], 0)
            col = torch.cat([h, hn[:, None]], dim=-1)  # (A, j + 2)
            for i in range(j):
                a, c = col[:, i].clone(), col[:, i + 1].clone()
                col[:, i] = cs[:, i] * a + sn[:, i] * c
                col[:, i + 1] = -sn[:, i] * a + cs[:, i] * c
            a, c = col[:, j], col[:, j + 1]
            d = torch.hypot(a, c)
            cj = torch.where(d > 0, a / torch.where(d > 0, d, 1), 1)
            sj = torch.where(d > 0, c / torch.where(d > 0, d, 1), 0)
            cs[:, j], sn[:, j] = cj, sj
            col[:, j], col[:, j + 1] = d, 0
            H[:, : j + 2, j] = col
            g[:, j + 1] = -sj * g[:, j]
            g[:, j] = cj * g[:, j]
            its[glob] += 1
            est = g[:, j + 1].abs()
            if trace:
                self._trace_iteration(int(its[glob].max()), est, "|r| (estimate)")
            stop = (est <= target) | (its[glob] >= max_its) | (j == m - 1) | ~torch.isfinite(est)
            if bool(stop.any()):
                k = j + 1
                y = torch.linalg.solve_triangular(H[stop, :k, :k], g[stop, :k].unsqueeze(-1), upper=True)
                dx = (V[stop, :k].transpose(-1, -2) @ y).squeeze(-1)
                if not left:
                    dx = self._precondition(dx, pts[stop])
                x[glob[stop]] += dx
                keep = ~stop
                if not bool(keep.any()):
                    return
                J, pts, glob, target = J[keep], pts[keep], glob[keep], target[keep]
                V, H, cs, sn, g = V[keep], H[keep], cs[keep], sn[keep], g[keep]
