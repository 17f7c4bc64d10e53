"""Orientation distribution functions (ODFs) reconstructed from discrete orientations by kernel
density estimation on SO(3).

Densities are in multiples of a random distribution (MRD): the uniform ODF is 1, and
``int_SO(3) f dg = 1`` for the Haar measure normalized to unit volume.  Orientations ``Q`` map
crystal to sample coordinates (see :mod:`neml2.texture`); a crystal symmetry ``S`` identifies
``Q`` with ``Q S``.

The de la Vallee Poussin kernel of half-width ``h`` (``K(h) = K(0) / 2``) is

    K(omega) = C(kappa) cos^(2 kappa)(omega / 2),   kappa = ln(1/2) / (2 ln cos(h / 2)),
    C(kappa) = B(3/2, 1/2) / B(3/2, kappa + 1/2),

``omega`` the rotation angle of ``Q_1^T Q_2`` (``cos(omega / 2) = |q_1 . q_2|`` for unit
quaternions), and its pole figure (Radon transform over the great circles ``Q c = y``) is

    P(t) = (1 + kappa) ((1 + t) / 2)^kappa,   t = y . Q c,

normalized to ``(1 / 4 pi) int_S2 P dy = 1``.  The KDE ODF of orientations ``Q_i`` is
``f(Q) = 1 / (N |S|) sum_i sum_S K(omega(Q, Q_i S))``.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from neml2.types import MRP, R2

from .projection import orientation_matrices
from .symmetry import symmetry_equivalent_directions, symmetry_operators


class DeLaValleePoussinKernel:
    """The de la Vallee Poussin kernel on SO(3) with half-width ``h`` (radians, a settable tensor)."""

    def __init__(self, h: Any) -> None:
        t = torch.as_tensor(h)
        self.h = t if t.is_floating_point() else t.to(torch.get_default_dtype())

    @property
    def kappa(self) -> torch.Tensor:
        """The exponent ``kappa = ln(1/2) / (2 ln cos(h / 2))``."""
        return math.log(0.5) / (2.0 * torch.log(torch.cos(self.h / 2.0)))

    def log_normalization(self) -> torch.Tensor:
        """``ln C(kappa) = ln B(3/2, 1/2) - ln B(3/2, kappa + 1/2)``."""
        k = self.kappa
        log_beta = math.lgamma(1.5) + torch.lgamma(k + 0.5) - torch.lgamma(k + 2.0)
        return math.log(math.pi / 2.0) - log_beta

    def log_value(self, cos_half: torch.Tensor) -> torch.Tensor:
        """``ln K`` as a function of ``cos(omega / 2)`` (its absolute value is taken)."""
        c = cos_half.abs().clamp(max=1.0)
        return self.log_normalization() + 2.0 * self.kappa * torch.log(c)

    def __call__(self, omega: torch.Tensor) -> torch.Tensor:
        """``K(omega)`` of the misorientation angle ``omega`` (radians)."""
        return torch.exp(self.log_value(torch.cos(torch.as_tensor(omega) / 2.0)))

    def radon(self, t: torch.Tensor) -> torch.Tensor:
        """The pole figure ``(1 + kappa) ((1 + t) / 2)^kappa`` of the kernel, ``t = y . Q c``."""
        k = self.kappa
        return (1.0 + k) * torch.exp(k * torch.log((1.0 + t.clamp(-1.0, 1.0)) / 2.0))


def quaternions(orientations: Any) -> torch.Tensor:
    """Unit quaternions ``(N, 4)`` of orientations (an MRP or an R2 of rotation matrices), batch flattened."""
    r = MRP.from_matrix(orientations) if isinstance(orientations, R2) else orientations
    r = r if isinstance(r, MRP) else MRP(torch.as_tensor(r))
    return r.to_quaternion().data.reshape(-1, 4)


def quaternion_product(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The Hamilton product ``a b`` (the rotation ``R(a) R(b)``) of quaternions ``(..., 4)``."""
    a, b = torch.broadcast_tensors(a, b)
    wa, va = a[..., :1], a[..., 1:]
    wb, vb = b[..., :1], b[..., 1:]
    w = wa * wb - (va * vb).sum(-1, keepdim=True)
    v = wa * vb + wb * va + torch.linalg.cross(va, vb, dim=-1)
    return torch.cat([w, v], -1)


class KDEODF:
    """A kernel density estimate of the ODF of the discrete ``orientations`` (an MRP, batch flattened).

    ``crystal_symmetry`` (optional) symmetrizes the ODF itself (``f(Q) = f(Q S)``); the pole figure
    functions symmetrize the poles regardless, so the plain (``None``) estimate suffices for them.
    """

    def __init__(self, orientations: Any, kernel: DeLaValleePoussinKernel, crystal_symmetry: str | None = None):
        self.orientations = orientations
        self.kernel = kernel
        self.crystal_symmetry = crystal_symmetry
        self.q = quaternions(orientations)
        kernel.h = torch.as_tensor(kernel.h).to(self.q)  # the orientations' dtype / device
        self.Q = orientation_matrices(orientations).to(self.q)  # crystal -> sample, (N, 3, 3)
        S = symmetry_operators(crystal_symmetry or "1", dtype=self.q.dtype, device=self.q.device)
        qs = MRP.from_matrix(S).to_quaternion().data  # (|S|, 4)
        # every symmetric equivalent Q_i S, as (N * |S|, 4)
        self.q_sym = quaternion_product(self.q[:, None, :], qs[None, :, :]).reshape(-1, 4)
        self.nsym = qs.shape[0]

    @property
    def npoints(self) -> int:
        return int(self.q.shape[0])

    def __call__(self, orientations: Any, chunk: int = 1024) -> torch.Tensor:
        """The ODF (MRD) at the given orientations, ``(M,)``."""
        qe = quaternions(orientations).to(self.q)
        out = []
        for start in range(0, qe.shape[0], chunk):
            logk = self.kernel.log_value(qe[start : start + chunk] @ self.q_sym.T)
            out.append(torch.exp(torch.logsumexp(logk, -1) - math.log(self.q_sym.shape[0])))
        return torch.cat(out)

    def _log_cos_loo(self) -> torch.Tensor:
        """``ln |q_i . (q_j S)|`` for i != j, ``(N, (N - 1) |S|)`` (the leave-one-out pairs)."""
        n, ns = self.npoints, self.nsym
        c = (self.q @ self.q_sym.T).abs().clamp(max=1.0).reshape(n, n, ns)
        off = ~torch.eye(n, dtype=torch.bool, device=c.device)
        return torch.log(c[off]).reshape(n, (n - 1) * ns)

    def log_likelihood(self, h: Any = None, log_cos: torch.Tensor | None = None) -> torch.Tensor:
        """The leave-one-out log likelihood ``sum_i ln f_{-i}(Q_i)`` (``f_{-i}`` the KDE without
        point i) at half-width ``h`` (default: the kernel's): the cross-validation score."""
        kernel = self.kernel if h is None else DeLaValleePoussinKernel(torch.as_tensor(h).to(self.q))
        lc = self._log_cos_loo() if log_cos is None else log_cos
        logk = kernel.log_normalization() + 2.0 * kernel.kappa * lc
        return (torch.logsumexp(logk, -1) - math.log(lc.shape[-1])).sum()

    def optimize_kernel(
        self, bounds: tuple[float, float] = (0.02, 1.5), ngrid: int = 20, tol: float = 1e-4
    ) -> torch.Tensor:
        """Choose the half-width by maximum leave-one-out likelihood (cross-validation).

        A log-spaced scan over ``bounds`` (radians) brackets the maximum, refined by golden-section
        search to a relative ``tol``; ``kernel.h`` is set to the result, which is also returned.
        Needs O(N^2 |S|) memory for N orientations.
        """
        with torch.no_grad():
            lc = self._log_cos_loo()
            score = lambda lh: float(self.log_likelihood(math.exp(lh), lc))  # noqa: E731
            grid = torch.linspace(math.log(bounds[0]), math.log(bounds[1]), ngrid).tolist()
            vals = [score(g) for g in grid]
            k = max(range(ngrid), key=lambda i: vals[i])
            a, b = grid[max(k - 1, 0)], grid[min(k + 1, ngrid - 1)]
            phi = (math.sqrt(5.0) - 1.0) / 2.0
            x1, x2 = b - phi * (b - a), a + phi * (b - a)
            f1, f2 = score(x1), score(x2)
            while b - a > tol:
                if f1 > f2:
                    b, x2, f2 = x2, x1, f1
                    x1 = b - phi * (b - a)
                    f1 = score(x1)
                else:
                    a, x1, f1 = x1, x2, f2
                    x2 = a + phi * (b - a)
                    f2 = score(x2)
            best = max([(vals[k], grid[k]), (f1, x1), (f2, x2)])[1]
        self.kernel.h = torch.tensor(math.exp(best), dtype=self.q.dtype, device=self.q.device)
        return self.kernel.h

    def pole_figure(
        self, pole: Any, sample_directions: torch.Tensor, crystal_symmetry: str | None = None, chunk: int = 2048
    ) -> torch.Tensor:
        """The pole density (MRD) of the pole family ``{p}`` at the sample directions ``(M, 3)``:

            P(y) = 1 / (2 N m) sum_i sum_c [P_K(y . Q_i c) + P_K(-y . Q_i c)]

        over the m distinct symmetry-equivalent crystal directions ``c`` of ``p`` (``crystal_symmetry``,
        default the ODF's) and both ends of each axis.  ``(1 / 4 pi) int P dy = 1``.
        """
        sym = crystal_symmetry or self.crystal_symmetry or "1"
        p = torch.as_tensor(pole.data if hasattr(pole, "data") and not isinstance(pole, torch.Tensor) else pole)
        c = symmetry_equivalent_directions(p.to(self.q), sym)
        if self.crystal_symmetry not in (None, sym):  # the ODF's own symmetry on top: average over S_odf too
            S = symmetry_operators(self.crystal_symmetry, dtype=c.dtype, device=c.device).data
            c = torch.einsum("sij,mj->smi", S, c).reshape(-1, 3)
        D = torch.einsum("nij,mj->nmi", self.Q, c).reshape(-1, 3)  # sample-frame poles (N m, 3)
        y = sample_directions.to(D)
        y = y / torch.linalg.vector_norm(y, dim=-1, keepdim=True)
        out = []
        for start in range(0, y.shape[0], chunk):
            t = y[start : start + chunk] @ D.T
            out.append(0.5 * (self.kernel.radon(t) + self.kernel.radon(-t)).mean(-1))
        return torch.cat(out)
