"""CoordinateDescentPredictor: a guess of the rates from the condensed return map,

    rate = g(trial_driving_force - coupling rate),

g the ``rate_law`` (its input ``driving_force_input``; its other inputs are this model's too),
``coupling`` and ``trial_driving_force`` from a RateCondensation. A rate with a sub-batch axis
(one per slip system) pairs with a coupling matrix (two sub-batch axes; a coupling without
sub-batch axes couples each rate with itself only). Solved per material point by ``sweeps``
Gauss-Seidel sweeps over the components; component i solves the scalar equation

    h(x_i) = x_i - g_i(z(x)) = 0,    z(x) = trial_driving_force - coupling x,

the others fixed: with g nondecreasing and coupling_ii >= 0 the root lies between 0 and g_i at
x_i = 0, a bracket halved ``bisections`` times, then ``polish`` Newton steps (h' from the dual
tangent of g along dz/dx_i = -coupling_:i), kept in the bracket. The iterate x* is then given one
Newton step of the whole system on the inputs,

    rate = x* - J^{-1} (x* - g(trial_driving_force - coupling x*)),    J = I + dg/dz coupling,

x* and J held fixed: the value is x* refined, and its first derivatives are the implicit ones of the
root, -J^{-1} dF/d(input). An ImplicitUpdate ``predictor`` (its output is the unknown's guess).
"""

from __future__ import annotations

import math
from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.common.rate_condensation import primal
from neml2.models.dual import DualTensor
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, input, option, output, suggest
from neml2.types import Scalar, TensorWrapper
from neml2.types.functions import sum_sub_batch

_SEED = "__coordinate_descent__"


@register_neml2_object("CoordinateDescentPredictor")
class CoordinateDescentPredictor(Model):
    """rate = g(trial_driving_force - coupling rate), by Gauss-Seidel sweeps of bisection + Newton."""

    hit = HitSchema(
        rate_law=option(str, doc="the model computing the rate from the driving force"),
        driving_force_input=option(str, doc="the input of rate_law that is the driving force"),
        coupling=input(Scalar, doc="-d driving force / d rate (a RateCondensation's output)"),
        trial_driving_force=input(Scalar, doc="the driving force at zero rate"),
        rate=output(Scalar, doc="the predicted rate (an unknown of the implicit system)"),
        sweeps=option(int, 16, doc="Gauss-Seidel sweeps over the rate components"),
        bisections=option(int, 16, doc="bisections of each component's bracket per sweep"),
        polish=option(int, 3, doc="Newton steps on each component after its bisections"),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        given = kw.get("rate_law")
        if isinstance(given, Model):
            kw["rate_law"] = "<python>"
        super().__init__(_factory=_factory, **kw)
        law = given if isinstance(given, Model) else _factory.get_model(self.options["rate_law"])
        register_submodule(self, law, "rate_law")
        self.law = law
        z = self.options["driving_force_input"]
        if z not in law.input_spec:
            ins = list(law.input_spec)
            raise self._error(f"'{z}' is not an input of the rate law{suggest(z, ins)}", "driving_force_input")
        if law.input_spec[z] is not Scalar:
            raise self._error(f"'{z}' is a {law.input_spec[z].__name__}, not a Scalar", "driving_force_input")
        outs = [k for k, t in law.output_spec.items() if t is Scalar]
        rate = self.vars["rate"]
        if rate in law.output_spec:
            self.g_index = list(law.output_spec).index(rate)
        elif len(law.output_spec) == 1 and outs:
            self.g_index = 0
        else:
            raise self._error(f"the rate law has outputs {', '.join(law.output_spec)}: name one 'rate'", "rate_law")
        for k in ("sweeps", "bisections", "polish"):
            if self.options[k] < 0:
                raise self._error("must be >= 0", k)
        for name, t in law.input_spec.items():
            if name != z:
                self.input_spec.setdefault(name, t)

    # ------------------------------------------------------------ the rate law on plain tensors
    def _g(self, z: Any, sub: tuple[int, ...], others: dict[str, TensorWrapper]) -> TensorWrapper:
        """The rate law at the driving force ``z`` (a Scalar, or its data ``*batch, *sub``)."""
        zw = z if isinstance(z, Scalar) else Scalar(z, sub_batch_ndim=len(sub))
        state = {**others, self.options["driving_force_input"]: zw}
        out = self.law(*[state[k] for k in self.law.input_spec])
        return (out if isinstance(out, tuple) else (out,))[self.g_index]

    @staticmethod
    def _rows(w: TensorWrapper, batch: tuple[int, ...], sub: tuple[int, ...]) -> torch.Tensor:
        """A rate-law output as ``(*batch, n)``."""
        return w.data.expand(*batch, *sub).reshape(*batch, math.prod(sub))

    def _dg(self, z: torch.Tensor, dz: torch.Tensor, sub: tuple[int, ...], others: dict[str, TensorWrapper]) -> Any:
        """``(g(z), dg/dz dz)`` as ``(*batch, n)``; ``dz`` with one leading seed axis (``K, *batch, n``)."""
        batch, n = tuple(z.shape[:-1]), z.shape[-1]
        zd = DualTensor(z.reshape(*batch, *sub), {_SEED: dz.reshape(dz.shape[0], *batch, *sub)}, {_SEED: 1})
        y = self._g(zd, sub, others).data
        if not isinstance(y, DualTensor):
            value = y.expand(*batch, *sub).reshape(*batch, n)
            return value, value.new_zeros(dz.shape[0], *batch, n)
        p = y.p.expand(*batch, *sub).reshape(*batch, n)
        t = y.t.get(_SEED)
        if t is None:
            return p, p.new_zeros(dz.shape[0], *batch, n)
        return p, t.expand(dz.shape[0], *batch, *sub).reshape(dz.shape[0], *batch, n)

    def _solve(
        self, tau: torch.Tensor, C: torch.Tensor, sub: tuple[int, ...], others: dict[str, TensorWrapper]
    ) -> torch.Tensor:
        """Gauss-Seidel sweeps of bracketed bisection + Newton on ``x = g(tau - C x)`` (``*batch, n``)."""
        n = tau.shape[-1]
        x = torch.zeros_like(tau)
        for _ in range(self.options["sweeps"]):
            x_old = x.clone()
            for i in range(n):
                x[..., i] = 0.0
                z0 = tau - (C @ x.unsqueeze(-1)).squeeze(-1)  # the driving force at x_i = 0
                ci = C[..., :, i]  # -dz/dx_i

                def h(s: torch.Tensor, z0: torch.Tensor = z0, ci: torch.Tensor = ci, i: int = i) -> torch.Tensor:
                    g = self._g((z0 - ci * s.unsqueeze(-1)).reshape(*z0.shape[:-1], *sub), sub, others)
                    return s - self._rows(g, tuple(z0.shape[:-1]), sub)[..., i]

                g0 = -h(torch.zeros_like(z0[..., i]))
                lo, hi = torch.minimum(g0, torch.zeros_like(g0)), torch.maximum(g0, torch.zeros_like(g0))
                for _ in range(self.options["bisections"]):
                    mid = 0.5 * (lo + hi)
                    below = h(mid) < 0
                    lo, hi = torch.where(below, mid, lo), torch.where(below, hi, mid)
                s = 0.5 * (lo + hi)
                for _ in range(self.options["polish"]):
                    g, dg = self._dg(z0 - ci * s.unsqueeze(-1), -ci.unsqueeze(0), sub, others)
                    dh = 1.0 - dg[0, ..., i]
                    step = (s - g[..., i]) / torch.where(dh == 0, torch.ones_like(dh), dh)
                    s = torch.minimum(torch.maximum(s - step, lo), hi)
                x[..., i] = s
            if n == 1 or bool(((x - x_old).abs() <= 1e-15 * (1.0 + x.abs())).all()):
                break  # one coordinate: a sweep is its exact solve; or the sweeps no longer move
        return x

    def forward(self, *args: TensorWrapper) -> Scalar:
        x = dict(zip(self.input_spec, args))
        c_w, tau_w = x[self.vars["coupling"]], x[self.vars["trial_driving_force"]]
        others = {k: w for k, w in x.items() if k in self.law.input_spec}
        sub = tuple(tau_w.sub_batch_shape)
        if len(sub) > 1:
            raise ValueError(f"{type(self).__name__}: a rate with {len(sub)} sub-batch axes (at most one)")
        n = math.prod(sub)
        # the plain solve: every input at its primal value, batch axes broadcast
        plain = {k: w._new(primal(w.data)) for k, w in others.items()}
        tau_p, c_p = primal(tau_w.data), primal(c_w.data)
        shapes = [w.dynamic_batch_shape for w in (c_w, tau_w, *others.values())]
        batch = tuple(torch.broadcast_shapes(*shapes))
        tau = tau_p.expand(*batch, *sub).reshape(*batch, n)
        if c_w.sub_batch_ndim == 2 * len(sub) and sub:
            C = c_p.expand(*batch, *sub, *sub).reshape(*batch, n, n)
        elif c_w.sub_batch_ndim == 0:
            C = c_p.expand(*batch).reshape(*batch, 1, 1) * torch.eye(n, dtype=c_p.dtype, device=c_p.device)
        else:
            raise ValueError(f"{type(self).__name__}: coupling sub-batch shape {c_w.sub_batch_shape} for rates {sub}")
        with torch.no_grad():
            xs = self._solve(tau, C, sub, plain)
            eye = torch.eye(n, dtype=xs.dtype, device=xs.device)
            seeds = eye.reshape(n, *(1,) * len(batch), n).expand(n, *batch, n)
            _, G = self._dg(tau - (C @ xs.unsqueeze(-1)).squeeze(-1), seeds, sub, plain)  # G[j, ..., i] = dg_i/dz_j
            J = eye + G.movedim(0, -1) @ C
            Jinv = torch.linalg.inv(J)
        # one Newton step of the whole system on the inputs (x* and J fixed)
        xw = Scalar(xs.reshape(*batch, *sub), sub_batch_ndim=len(sub))
        if sub:
            row = Scalar(xs.reshape(*batch, 1, n), sub_batch_ndim=2)
            Cx = sum_sub_batch(c_w * row, -1) if c_w.sub_batch_ndim == 2 else c_w * xw
        else:
            Cx = c_w * xw
        F = xw - self._g(tau_w - Cx, sub, others)
        if not sub:
            return xw - F / Scalar(J[..., 0, 0])
        Fj = F._new(F.data.unsqueeze(-2), sub_batch_ndim=2, sub_batch_state=(), sub_batch_meta=())
        return xw - sum_sub_batch(Scalar(Jinv, sub_batch_ndim=2) * Fj, -1)
