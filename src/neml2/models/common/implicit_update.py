"""ImplicitUpdate: solve a NonlinearSystem per material point; differentiate by the implicit function theorem."""

from __future__ import annotations

import math
from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import seeds
from neml2.models.model import Model, register_submodule
from neml2.schema import HitSchema, option
from neml2.types import TensorWrapper

_X = "__unknowns__"


def _flat(w: TensorWrapper, batch: tuple[int, ...], n: int) -> torch.Tensor:
    """Data with the (broadcast) batch axes expanded and flattened into one axis of size n."""
    tail = w.data.shape[w.k_ndim + w.dynamic_batch_ndim :]
    data = w.batch_expand(batch).data if w.dynamic_batch_shape != batch else w.data
    return data.reshape(*w.data.shape[: w.k_ndim], n, *tail)


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
        equation_system=option(str),
        solver=option(str),
        input_sensitivity_solver=option(str, None),
        param_sensitivity_solver=option(str, None),
        predictor=option(str, None),
        max_substepping_level=option(int, 0),
        incremental_variables=option("list", None),
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
        if self.options["max_substepping_level"]:
            raise self._error("substepping is not supported; use 0", "max_substepping_level")
        for name in ("input_sensitivity_solver", "param_sensitivity_solver", "incremental_variables"):
            if self.options[name]:  # not implemented: refuse rather than parse and ignore
                raise self._error("is not supported; leave it unset", name)
        self.system, self.solver = system, solver
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
        self.output_spec = dict(zip(system.unknowns, system.unknown_types))
        self.batched_parameters = _has_batched_parameters(system.model)

    def _resolve(self, factory: Any, option_name: str, section: str, getter: str) -> Any:
        if factory is None:
            raise self._error(f"needs an input file to resolve the [{section}] reference", option_name)
        return getattr(factory, getter)(self.options[option_name])

    # ------------------------------------------------------------ evaluation
    def _evaluate(
        self, given: dict[str, TensorWrapper], x: torch.Tensor, tangents: dict[str, Any] | None = None
    ) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
        """Residual ``(N, m)``, Jacobian ``(N, m, n)`` and residual tangents ``{leaf: (K, N, m)}``."""
        sys, model = self.system, self.system.model
        N, n = x.shape
        state = dict(given)
        v: dict[str, dict[str, TensorWrapper]] = {k: dict(t) for k, t in (tangents or {}).items()}
        off = 0
        for u, t, s in zip(sys.unknowns, sys.unknown_types, sys.unknown_sizes):
            state[u] = t(x[:, off : off + s].reshape(N, *t.BASE_SHAPE))
            v[u] = {_X: seeds(t, total=n, offset=off, dtype=x.dtype, device=x.device)}
            off += s
        *outs, v_out = model(*[state[k] for k in model.input_spec], v=v)
        out = dict(zip(model.output_spec, outs))
        rs, Js = [], []
        leaves = {leaf for r in sys.residuals for leaf in v_out.get(r, {}) if leaf != _X}
        rv: dict[str, list[torch.Tensor]] = {leaf: [] for leaf in leaves}
        for r, s in zip(sys.residuals, sys.residual_sizes):
            rs.append(out[r].base_flatten().expand(N, s))
            tr = v_out.get(r, {})
            jt = tr.get(_X)
            if jt is None:
                Js.append(x.new_zeros(N, s, n))
            else:
                Js.append(jt.base_flatten().expand(n, N, s).permute(1, 2, 0))
            for leaf in leaves:
                t = tr.get(leaf)
                if t is None:
                    rv[leaf].append(None)  # type: ignore[arg-type]
                else:
                    rv[leaf].append(t.base_flatten())
        rvs = {}
        for leaf, parts in rv.items():
            K = next(p.shape[0] for p in parts if p is not None)
            rvs[leaf] = torch.cat(
                [
                    (p if p is not None else x.new_zeros(K, N, s)).expand(K, N, s)
                    for p, s in zip(parts, sys.residual_sizes)
                ],
                dim=-1,
            )
        return torch.cat(rs, dim=-1), torch.cat(Js, dim=1), rvs

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
        flat = {k: w._new(_flat(w, batch, N)) for k, w in given_w.items() if k in self.system.given}
        like = args[0].data if args else torch.zeros(())
        guess = self._predict(given_w)
        x0 = torch.cat(
            [
                _flat(guess[u], batch, N).reshape(N, s) if u in guess else like.new_zeros(N, s)
                for u, s in zip(sys.unknowns, sys.unknown_sizes)
            ],
            dim=-1,
        ).detach()

        def fn(xa: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            if self.batched_parameters:
                xf = x0.clone()
                xf[idx] = xa
                r, J, _ = self._evaluate(flat, xf)
                return r[idx], J[idx]
            sub = {k: w.batch_index(idx) for k, w in flat.items()} if idx.numel() != N else flat
            r, J, _ = self._evaluate(sub, xa)
            return r, J

        self._bind_structure()
        with torch.no_grad():
            x, self.last_iterations = self.solver.solve(fn, x0)

        need_grad = torch.is_grad_enabled() and (
            any(a.requires_grad for a in args) or any(p.requires_grad for p in sys.model.parameters())
        )
        if need_grad or v:
            tangents = None
            if v:
                tangents = {
                    k: {leaf: t._new(_flat(t, batch, N)) for leaf, t in leaves.items()}
                    for k, leaves in v.items()
                    if k in self.input_spec
                }
            r, J, rv = self._evaluate(flat, x.detach(), tangents)
            lu = torch.linalg.lu_factor(J.detach())
            if need_grad:
                # the IFT gradient without moving the value: results do not depend on the grad mode
                dx = torch.linalg.lu_solve(lu[0], lu[1], r.unsqueeze(-1)).squeeze(-1)
                x = x - (dx - dx.detach())
        outs = self._split(x, batch, 0)
        if not v:
            return outs
        v_out: dict[str, dict[str, TensorWrapper]] = {u: {} for u in sys.unknowns}
        for leaf, rl in rv.items():
            dx = -torch.linalg.lu_solve(lu[0], lu[1], rl.permute(1, 2, 0)).permute(2, 0, 1)
            for u, t in zip(sys.unknowns, self._split(dx, batch, 1)):
                v_out[u][leaf] = t
        return (*outs, {u: d for u, d in v_out.items() if d})

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
        for t, s in zip(sys.unknown_types, sys.unknown_sizes):
            data = x[..., off : off + s].reshape(tuple(head) + tuple(batch) + t.BASE_SHAPE)
            w = object.__new__(t)
            TensorWrapper.__init__(w, data, k_ndim=k_ndim)
            out.append(w)
            off += s
        return tuple(out)
