"""ImplicitUpdate: solve a NonlinearSystem per material point; differentiate by the implicit function theorem."""

from __future__ import annotations

import math
import re
from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.common.implicit_differentiation import _IFT, _detached_parameters, _sensitivity_solve
from neml2.models.common.substepping import SubStep, _combine, assemble_steps, bisect, solve_partial
from neml2.models.common.system_evaluation import (
    _flat,
    _site,
    _unflatten,
    evaluate_blocks,
    evaluate_residual,
    evaluate_system,
    evaluate_tangents,
)
from neml2.models.dense_jacobian import flat_rows
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, option
from neml2.solvers.dense_lu import lu_factor
from neml2.types import TensorWrapper

_LAGGED = re.compile(r"~\d+$")


def _has_batched_parameters(model: Model) -> bool:
    for m in model.modules():
        typed = getattr(m, "_typed", {})
        for name in getattr(m, "_static_params", ()):
            if getattr(m, name).dynamic_batch_ndim > 0 and name in typed:
                return True
    return False


@register_neml2_object("ImplicitUpdate")
class ImplicitUpdate(Model):
    """Outputs the unknowns of ``equation_system`` that zero its residuals, given the other inputs.

    Inputs are the system model's, in its order; with a ``predictor`` the unknowns are not among
    them (the predictor guesses them), without one they are (the caller's initial guess). Called
    without ``v`` it returns the unknowns as a tuple, even when there is only one.

    Derivatives: ``dx/dp = -J^{-1} dr/dp`` with ``J = dr/dx`` at the solution, for ``v=`` JVPs and
    for autograd (the returned solution carries ``x* - (d - d.detach())``, ``d = J^{-1} r(x*, p)`` with ``J``
    detached: the value is ``x*`` and the gradient exactly the implicit-function-theorem one)."""

    hit = HitSchema(
        equation_system=option(str, doc="the [EquationSystems] block whose residuals are zeroed"),
        solver=option(str, doc="the [Solvers] Newton block that solves it"),
        input_sensitivity_solver=option(
            str, None, doc="[Solvers] linear solver of the IFT solve dx/d(input) (direct LU when unset)"
        ),
        param_sensitivity_solver=option(
            str, None, doc="[Solvers] linear solver of the IFT solve dx/d(parameter) (direct LU when unset)"
        ),
        predictor=option(str, None, doc="[Models] block guessing the unknowns (they are inputs when unset)"),
        max_substepping_level=option(int, 0, doc="bisections of a failed step: at most 2^level substeps"),
        incremental_variables=option(
            "list", None, doc="given variables that are increments over the step (split, not ramped, when substepping)"
        ),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        system, solver = kw.get("equation_system"), kw.get("solver")
        if system is not None and not isinstance(system, str):
            kw["equation_system"] = "<python>"
        if solver is not None and not isinstance(solver, str):
            kw["solver"] = "<python>"
        super().__init__(_factory=_factory, **kw)
        if isinstance(system, str):
            system = self._resolve(_factory, "equation_system", "EquationSystems", "get_equation_system")
        if isinstance(solver, str):
            solver = self._resolve(_factory, "solver", "Solvers", "get_solver")
        if self.options["max_substepping_level"] < 0:
            raise self._error("must be >= 0", "max_substepping_level")
        #: the linear solvers of the implicit-function-theorem solves (None: a direct LU solve)
        self.input_sensitivity = self._sensitivity_ref(_factory, "input_sensitivity_solver")
        self.param_sensitivity = self._sensitivity_ref(_factory, "param_sensitivity_solver")
        self._sensitivity_solvers = self.input_sensitivity is not None or self.param_sensitivity is not None
        self.system, self.solver = system, solver
        self._substep_layout()
        self._bind_structure()  # block solvers check the system's layout now: input errors at load time
        register_submodule(self, system.model, "model")
        self.input_spec = {n: system.model.input_spec[n] for n in system.given}
        self.predictor = None
        if self.options["predictor"]:
            self.predictor = self._resolve(_factory, "predictor", "Models", "get_model")
            stray = [u for u in self.predictor.output_spec if u not in system.unknowns]
            if stray:
                raise self._error(f"predictor outputs {', '.join(stray)} are not unknowns of the system", "predictor")
            register_submodule(self, self.predictor, "predictor")
            for name, t in self.predictor.input_spec.items():
                self.input_spec.setdefault(name, t)
        else:  # the unknowns are inputs too (their initial guess), in the system's input order
            self.input_spec = dict(system.model.input_spec)
        for X, X1 in self.ramped:  # substepping ramps X from its old value: an input when the system lacks it
            self.input_spec.setdefault(X1, system.model.input_spec[X])
        self.output_spec = dict(zip(system.unknowns, system.unknown_types))
        self.batched_parameters = _has_batched_parameters(system.model)

    def _sensitivity_ref(self, factory: Any, option_name: str) -> Any:
        """A [Solvers] linear solver named by ``option_name`` (None when unset), with a located error."""
        name = self.options[option_name]
        if not name:
            return None
        from neml2.solvers.linear_solver import LinearSolver, linear_solver_types

        solver = self._resolve(factory, option_name, "Solvers", "get_solver")
        if not isinstance(solver, LinearSolver):
            raise self._error(
                f"'{name}' is a {type(solver).__name__}, not a linear solver "
                f"(one of: {', '.join(linear_solver_types())})",
                option_name,
            )
        return solver.clone()

    def _resolve(self, factory: Any, option_name: str, section: str, getter: str) -> Any:
        if factory is None:
            raise self._error(f"needs an input file to resolve the [{section}] reference", option_name)
        return getattr(factory, getter)(self.options[option_name])

    # ------------------------------------------------------------ evaluation
    def _evaluate(
        self,
        given: dict[str, TensorWrapper],
        x: torch.Tensor,
        tangents: dict[str, Any] | None = None,
        blocks: bool = False,
    ) -> tuple[torch.Tensor, Any, dict[str, torch.Tensor]]:
        """Residual ``(N, m)``, Jacobian ``(N, m, n)`` and residual tangents ``{leaf: (K, N, m)}``;
        with ``blocks`` and a system of ``block`` groups, the Jacobian kept per site (SiteBlockJacobian)."""
        N = x.shape[0]
        # batched parameters broadcast against the batch's own shape, not its flattened points
        shape = self._batch if self.batched_parameters and math.prod(self._batch) == N else (N,)
        state = {k: _unflatten(w, shape) for k, w in given.items()}
        v: dict[str, dict[str, TensorWrapper]] = {
            k: {leaf: _unflatten(w, shape) for leaf, w in t.items()} for k, t in (tangents or {}).items()
        }
        who = self._where.get("block", "ImplicitUpdate")
        if blocks and self.system.site_layout is not None:
            return (*evaluate_blocks(self.system, state, x, shape, who=who), {})
        return evaluate_system(self.system, state, v, (("", x),), shape, who=who)

    def forward(self, *args: TensorWrapper, v: Any = None) -> Any:
        sys = self.system
        given_w = dict(zip(self.input_spec, args))
        shapes = [a.dynamic_batch_shape for a in args]
        if self.batched_parameters:
            shapes += [
                getattr(m, k).dynamic_batch_shape for m in sys.model.modules() for k in getattr(m, "_static_params", ())
            ]
        batch = tuple(torch.broadcast_shapes(*shapes)) if shapes else ()
        N = math.prod(batch)
        self._batch = batch
        step_inputs = {*self.system.given, *(X1 for _, X1 in self.ramped)}
        flat = {k: w._new(_flat(w, batch, N)) for k, w in given_w.items() if k in step_inputs}
        like = args[0].data if args else torch.zeros(())
        guess = self._predict(given_w)
        self._layout(given_w, guess)
        x0 = torch.cat(
            [
                flat_rows(guess[u], batch, sub, N, s) if u in guess else like.new_zeros(N, s)
                for u, s, sub in zip(sys.unknowns, sys.unknown_sizes, sys.unknown_sub)
            ],
            dim=-1,
        ).detach()

        self._bind_structure()
        with torch.no_grad():
            steps = self._solve_steps({k: w._new(w.data.detach()) for k, w in flat.items()}, x0)
        x = steps[0].x if len(steps) == 1 else assemble_steps(steps, x0)

        need_grad = torch.is_grad_enabled() and (
            any(a.requires_grad for a in args) or any(p.requires_grad for p in sys.model.parameters())
        )
        dxs: dict[str, torch.Tensor] = {}
        if need_grad or v:
            tangents = None
            if v:
                tangents = {
                    k: {leaf: t._new(_flat(t, batch, N)) for leaf, t in leaves.items()}
                    for k, leaves in v.items()
                    if k in self.input_spec
                }
            x, dxs = self._differentiate(flat, steps, x, tangents, need_grad)
        outs = self._split(x, batch, 0)
        if not v:
            return outs
        v_out: dict[str, dict[str, TensorWrapper]] = {u: {} for u in sys.unknowns}
        for leaf, dx in dxs.items():
            for u, t in zip(sys.unknowns, self._split(dx, batch, 1)):
                v_out[u][leaf] = t
        return (*outs, {u: d for u, d in v_out.items() if d})

    # ------------------------------------------------------------ substepping
    def _substep_layout(self) -> None:
        """The pairs substepping interpolates: given ``X`` beside its old value ``X~1`` (ramped), the
        ``incremental_variables`` (scaled) and the unknowns' old values ``u~1`` (the previous substep)."""
        given = self.system.given
        inc = list(self.options["incremental_variables"] or [])
        for name in inc:
            if name not in given:
                raise self._error(
                    f"'{name}' is not a given variable of the system (given: {', '.join(given)})",
                    "incremental_variables",
                )
        self.incremental = inc
        self.history: list[tuple[int, int, str, tuple[int, ...]]] = []  # (offset, size, name of u~1, sub-batch)
        off = 0
        for u, s, sub in zip(self.system.unknowns, self.system.unknown_sizes, self.system.unknown_sub):
            if f"{u}~1" in given:
                self.history.append((off, s, f"{u}~1", sub))
            off += s
        #: (X, X~1): the given variables ramped over a substep; with substepping, every given variable
        #: that is not an old value or an increment is ramped, and ``X~1`` is an input if not given
        self.ramped: list[tuple[str, str]] = []
        if self.options["max_substepping_level"] > 0:
            self.ramped = [(g, f"{g}~1") for g in given if not _LAGGED.search(g) and g not in inc]

    def substep_metadata(self) -> dict[str, Any]:
        """What a compiled runtime needs to substep like this model (empty without substepping);
        refuses sensitivity solvers the runtimes do not have (an InputError naming the option).
        ``old_inputs`` the ramp's old values that are not given variables (read from the runtime
        state); ``ramped`` ``[i, j]`` positions in ``given + old_inputs`` of ``X`` and ``X~1``;
        ``incremental`` positions in ``given``; ``history`` ``[offset, size, i]``: the unknowns'
        components ``[offset, offset + size)`` are the old value ``given[i]`` of the next substep."""
        from neml2.solvers.dense_lu import DenseLU

        for name, solver in (
            ("input_sensitivity_solver", self.input_sensitivity),
            ("param_sensitivity_solver", self.param_sensitivity),
        ):
            if solver is not None and not isinstance(solver, DenseLU):  # the compiled route solves directly
                raise self._error(
                    f"'{self.options[name]}' ({type(solver).__name__}) cannot be compiled: the compiled runtimes "
                    "solve the sensitivities with a direct LU; leave it unset (or a DenseLU) to compile",
                    name,
                )
        level = int(self.options["max_substepping_level"])
        if level == 0:
            return {}
        given = list(self.system.given)
        old = [X1 for _, X1 in self.ramped if X1 not in given]
        ext = given + old
        return {
            "substepping": {
                "max_level": level,
                "min_fraction": float(self._min_fraction()),
                "old_inputs": old,
                "ramped": [[ext.index(X), ext.index(X1)] for X, X1 in self.ramped],
                "incremental": [given.index(n) for n in self.incremental],
                "history": [[off, s, given.index(n)] for off, s, n, _ in self.history],
            }
        }

    def _min_fraction(self) -> float:
        """The solver's ``substep_del_tol``: the smallest fraction of the step a substep may take."""
        return float(getattr(self.solver, "options", {}).get("substep_del_tol", 0.0))

    def _substep_given(
        self,
        flat: dict[str, TensorWrapper],
        P: torch.Tensor | None,
        a: float,
        b: float,
        xprev: torch.Tensor | None,
    ) -> dict[str, TensorWrapper]:
        """The given variables at points ``P`` (None: all) for the fraction ``[a, b]`` of the step:
        ``X = (1 - b) X~1 + b X`` and ``X~1 = (1 - a) X~1 + a X`` (exact at 0 and 1), increments
        times ``b - a``, and ``u~1`` the unknowns ``xprev`` converged at ``a`` (``a > 0``)."""
        g = flat if P is None else {k: w.batch_index(P) for k, w in flat.items()}
        if a == 0.0 and b == 1.0:
            return g
        out = dict(g)
        for X, X1 in self.ramped:
            new, old = g[X].data, g[X1].data
            out[X] = g[X]._new((1 - b) * old + b * new)
            out[X1] = g[X1]._new((1 - a) * old + a * new)
        for X in self.incremental:
            out[X] = g[X]._new(g[X].data * (b - a))
        if xprev is not None:
            for off, s, name, sub in self.history:
                out[name] = _site(type(g[name]), xprev[:, off : off + s], sub)
        return out

    def _substep_tangents(
        self,
        tangents: dict[str, dict[str, TensorWrapper]],
        dxs: dict[str, torch.Tensor],
        P: torch.Tensor | None,
        a: float,
        b: float,
    ) -> dict[str, dict[str, TensorWrapper]]:
        """The tangents of ``_substep_given`` (``dxs``: the unknowns' tangents ``(K, N, n)`` so far)."""
        out = {k: {leaf: (t if P is None else t.batch_index(P)) for leaf, t in d.items()} for k, d in tangents.items()}
        if a == 0.0 and b == 1.0:
            return out
        for X, X1 in self.ramped:
            tn, to = out.get(X, {}), out.get(X1, {})
            out[X] = _combine(1 - b, to, b, tn)
            out[X1] = _combine(1 - a, to, a, tn)
        for X in self.incremental:
            out[X] = {leaf: t._new(t.data * (b - a)) for leaf, t in out.get(X, {}).items()}
        if a > 0.0:
            types = self.system.model.input_spec
            for off, s, name, sub in self.history:
                out[name] = {}
                for leaf, d in dxs.items():
                    sel = d[:, :, off : off + s] if P is None else d[:, P, off : off + s]
                    out[name][leaf] = _site(types[name], sel, sub, k_ndim=1)
        return out

    def _evaluate_at(
        self,
        flat: dict[str, TensorWrapper],
        g: dict[str, TensorWrapper],
        P: torch.Tensor | None,
        x: torch.Tensor,
        fill: torch.Tensor,
        tangents: dict[str, Any] | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
        """``_evaluate`` at the points ``P`` with their given ``g`` and unknowns ``x``.  With batched
        parameters the model sees the whole batch (rows ``P`` replaced, ``fill`` elsewhere)."""
        if P is None or not self.batched_parameters:
            return self._evaluate(g, x, tangents)
        full = {k: w._new(w.data.index_copy(0, P, g[k].data)) for k, w in flat.items()}
        xf = fill.index_copy(0, P, x)
        tf = None
        if tangents is not None:
            tf = {}
            for k, d in tangents.items():
                tf[k] = {}
                for leaf, t in d.items():
                    base = t.data.new_zeros(t.data.shape[0], fill.shape[0], *t.data.shape[2:])
                    tf[k][leaf] = t._new(base.index_copy(1, P, t.data))
        r, J, rv = self._evaluate(full, xf, tf)
        return r[P], J[P], {leaf: d[:, P] for leaf, d in rv.items()}

    def _solve_steps(self, flat: dict[str, TensorWrapper], x0: torch.Tensor) -> list[SubStep]:
        """Newton on the whole step; with ``max_substepping_level`` > 0 the points that fail are
        bisected (recursively) and every converged (sub)step is recorded, in time order per point."""
        level = int(self.options["max_substepping_level"])
        if level == 0:
            x, self.last_iterations = self.solver.solve(self._system_fn(flat, flat, None, x0), x0)
            return [SubStep(None, 0.0, 1.0, x)]
        self.last_iterations = 0

        def solve(P: torch.Tensor | None, a: float, b: float, xprev: Any, guess: torch.Tensor) -> Any:
            g = self._substep_given(flat, P, a, b, xprev)
            x, its, failed, err = solve_partial(self.solver, self._system_fn(flat, g, P, x0), guess)
            self.last_iterations = max(self.last_iterations, its)
            return x, failed, err

        return bisect(solve, x0, level, self._min_fraction(), self._where.get("block", "ImplicitUpdate"))

    def _system_fn(
        self, flat: dict[str, TensorWrapper], g: dict[str, TensorWrapper], P: torch.Tensor | None, fill: torch.Tensor
    ) -> Any:
        """Newton's ``fn(x_active, idx)`` for the points ``P`` (None: all) with their given ``g``."""
        n_pts = fill.shape[0] if P is None else P.numel()

        def fn(xa: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            if self.batched_parameters:
                rows = idx if P is None else P[idx]
                full = flat if P is None else {k: w._new(w.data.index_copy(0, P, g[k].data)) for k, w in flat.items()}
                xf = fill.clone()
                xf[rows] = xa
                r, J, _ = self._evaluate(full, xf, blocks=True)
                return r[rows], J[rows]
            sub = {k: w.batch_index(idx) for k, w in g.items()} if idx.numel() != n_pts else g
            r, J, _ = self._evaluate(sub, xa, blocks=True)
            return r, J

        return fn

    def _differentiate(
        self,
        flat: dict[str, TensorWrapper],
        steps: list[SubStep],
        x: torch.Tensor,
        tangents: dict[str, Any] | None,
        need_grad: bool,
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """The implicit-function theorem through every (sub)step in time order: at each,
        ``dx = -J^{-1} (dr/dg dg + dr/du~1 du~1)`` with ``u~1`` the previous substep's solution.

        Autograd: each step's solution carries ``x* - (d - d.detach())``, ``d = J^{-1} r`` with ``J``
        detached and ``r`` evaluated on the graph (of the inputs, parameters and the previous
        substep): the value is ``x*``, the gradient the IFT one.  ``v=``: tangents ``{leaf: (K, N, n)}``."""
        cur = x.detach()
        fill = cur
        dxs: dict[str, torch.Tensor] = {}
        for st in steps:
            xprev = None if st.a == 0.0 else (cur if st.P is None else cur[st.P])
            g = self._substep_given(flat, st.P, st.a, st.b, xprev)
            tan = None if tangents is None else self._substep_tangents(tangents, dxs, st.P, st.a, st.b)
            if self._per_site_ift():
                xs, rv, inv = self._per_site_step(g, st, tan, need_grad)
            else:
                xs, rv, inv = self._dense_step(flat, g, st, xprev, fill, tan, need_grad)
            cur = xs if st.P is None else cur.index_copy(0, st.P, xs)
            for leaf, rl in rv.items():
                dx = -inv(rl.permute(1, 2, 0)).permute(2, 0, 1)
                if st.P is None:
                    dxs[leaf] = dx
                else:
                    base = dxs.get(leaf)
                    if base is None:
                        base = dx.new_zeros(dx.shape[0], x.shape[0], x.shape[1])
                    dxs[leaf] = base.index_copy(1, st.P, dx)
        return cur, dxs

    def _dense_step(
        self,
        flat: dict[str, TensorWrapper],
        g: dict[str, TensorWrapper],
        st: SubStep,
        xprev: torch.Tensor | None,
        fill: torch.Tensor,
        tan: dict[str, Any] | None,
        need_grad: bool,
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor], Any]:
        """One step of ``_differentiate`` with the dense Jacobian: the solution carrying the IFT
        gradient, the residual tangents and ``J^{-1}`` (for ``(N, n, K)`` right-hand sides)."""
        r, J, rv = self._evaluate_at(flat, g, st.P, st.x, fill, tan)
        J = J.detach()
        lu = lu_factor(J, f"{self._where.get('block', 'ImplicitUpdate')}: tangent")
        xs = st.x
        if need_grad and not self._sensitivity_solvers:
            d = torch.linalg.lu_solve(lu[0], lu[1], r.unsqueeze(-1)).squeeze(-1)
            xs = st.x - (d - d.detach())
        elif need_grad:
            xs = st.x + self._ift_split(flat, st, xprev, fill, J)

        def inv(b: torch.Tensor) -> torch.Tensor:
            if self.input_sensitivity is None:
                return torch.linalg.lu_solve(lu[0], lu[1], b)
            return _sensitivity_solve(self.input_sensitivity, self, J, b)

        return xs, rv, inv

    def _per_site_ift(self) -> bool:
        """A system of ``block`` groups keeps its Jacobian per site in the IFT too (the sensitivity
        solvers and batched parameters take the dense route)."""
        return self.system.site_layout is not None and not self._sensitivity_solvers and not self.batched_parameters

    def _per_site_step(
        self, g: dict[str, TensorWrapper], st: SubStep, tan: dict[str, Any] | None, need_grad: bool
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor], Any]:
        """``_dense_step`` with the per-site Jacobian: ``d = J^{-1} r`` with ``r`` on the graph, and the
        residual tangents of the given inputs with the unknowns held at the solution."""
        shape = (st.x.shape[0],)
        who = self._where.get("block", "ImplicitUpdate")
        state = {k: _unflatten(w, shape) for k, w in g.items()}
        with torch.no_grad():
            still = {k: w._new(w.data.detach()) for k, w in state.items()}
            _, J = evaluate_blocks(self.system, still, st.x, shape, who=who)
        xs = st.x
        if need_grad:
            d = J.solve(evaluate_residual(self.system, dict(state), st.x, shape, who=who))
            xs = st.x - (d - d.detach())
        v = {k: d for k, d in (tan or {}).items() if k not in self.system.unknowns and d}
        rv = evaluate_tangents(self.system, dict(state), v, st.x, shape, who=who) if v else {}
        return xs, rv, J.solve

    def _ift_split(
        self,
        flat: dict[str, TensorWrapper],
        st: SubStep,
        xprev: torch.Tensor | None,
        fill: torch.Tensor,
        J: torch.Tensor,
    ) -> torch.Tensor:
        """Zero, whose gradient is the IFT one with the configured sensitivity solvers: the residual on
        the graph of the inputs (and the previous substep) with the parameters detached goes through
        ``input_sensitivity_solver``, the residual on the parameters' graph alone through
        ``param_sensitivity_solver`` (each a direct solve when unset)."""
        with _detached_parameters(self.system.model):
            r_in, _, _ = self._evaluate_at(flat, self._substep_given(flat, st.P, st.a, st.b, xprev), st.P, st.x, fill)
        still = {k: w._new(w.data.detach()) for k, w in flat.items()}
        xp = None if xprev is None else xprev.detach()
        r_p, _, _ = self._evaluate_at(still, self._substep_given(still, st.P, st.a, st.b, xp), st.P, st.x, fill)
        out = torch.zeros_like(st.x)
        if r_in.requires_grad:
            out = out + _IFT.apply(r_in, J, self.input_sensitivity, self)
        if r_p.requires_grad:
            out = out + _IFT.apply(r_p, J, self.param_sensitivity, self)
        return out

    def _layout(self, given: dict[str, TensorWrapper], guess: dict[str, TensorWrapper]) -> None:
        """Sub-batch shape of each unknown: declared in the input file, else that of its initial
        guess (or of its old value ``u~1``); a marked guess that contradicts a declaration is an error."""
        sys = self.system
        shapes = {}
        for u in sys.unknowns:
            # the guess's sub-batch shape, else that of the old value (a composed model's zero guess has none)
            marked = [tuple(w.sub_batch_shape) for w in (guess.get(u), given.get(f"{u}~1")) if w is not None]
            got = next((m for m in marked if m), ())
            declared = sys.declared_sub.get(u)
            if declared is not None and got and got != declared:
                raise self._error(
                    f"the initial guess of '{u}' has sub-batch shape {got}, the input file declares {declared}",
                    "equation_system",
                )
            shapes[u] = declared if declared is not None else got
        if [shapes[u] for u in sys.unknowns] != sys.unknown_sub:
            sys.set_sub_batch_shapes(shapes)
            self._substep_layout()
            self._bind_structure()

    def _bind_structure(self) -> None:
        """Give the solver the system's block layout (for block linear solvers and preconditioners)."""
        bind = getattr(self.solver, "set_structure", None)
        if bind is not None:
            bind(getattr(self.system, "block_structure", None))

    def _predict(self, given: dict[str, TensorWrapper]) -> dict[str, TensorWrapper]:
        """Initial guess of the unknowns: the predictor's outputs, else the unknowns given as inputs."""
        if self.predictor is None:
            return {u: given[u] for u in self.system.unknowns if u in given}
        with torch.no_grad():
            return self.predictor.call_by_name(given)

    def _split(self, x: torch.Tensor, batch: tuple[int, ...], k_ndim: int) -> tuple[TensorWrapper, ...]:
        sys = self.system
        out, off = [], 0
        head = x.shape[:k_ndim]
        for t, s, sub in zip(sys.unknown_types, sys.unknown_sizes, sys.unknown_sub):
            out.append(_site(t, x[..., off : off + s].reshape(*head, *batch, s), sub, k_ndim=k_ndim))
            off += s
        return tuple(out)
