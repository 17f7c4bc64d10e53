"""``NEML2PyzagModel``: a NEML2 nonlinear system as a pyzag recursive-equation factory.

pyzag integrates ``R_k = f(x_k, x_{k-1}; u_k, u_{k-1}; p) = 0`` over the time steps ``k``, a chunk of
steps at a time, and differentiates the trajectory by the adjoint method. Here ``x`` is the flat
vector of the system's unknowns (``slayout``), ``u`` the flat vector of its given inputs
(``flayout``; an input ``y~1`` is the force ``y`` one step back, an unknown's ``x~1`` the previous
state) and ``R`` its residuals. Each call evaluates the residual model once over all the chunk's
steps, with forward-mode tangents seeded on the unknowns and their previous values: the diagonal
blocks ``dR_k/dx_k`` and the sub-diagonal blocks ``dR_k/dx_{k-1}`` of pyzag's bidiagonal Jacobian.

The selected NEML2 parameters are ``torch.nn.Parameter`` attributes of the factory, named
``<block>_<parameter>`` (``A_value`` for parameter ``value`` of block ``[A]``), so pyzag's
``solve_adjoint`` finds them with ``parameters()`` and its reparametrizations apply to them; the
residual model sees their current values at every call (``torch.func.functional_call``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import torch
from pyzag.nonlinear import ChunkOp, NonlinearFunctionOperatorFactory
from pyzag.ode import DenseODEWrapper, ODEWrapper
from pyzag.operators.base import BlockJacobian
from torch import nn

from neml2.errors import NEML2Error
from neml2.models.common.system_evaluation import evaluate_system
from neml2.pyzag.layout import Layout
from neml2.types import TensorWrapper

_LAG = re.compile(r"^(.*)~(\d+)$")


class NEML2PyzagModel(nn.Module, NonlinearFunctionOperatorFactory):
    """pyzag's ``NonlinearFunctionOperatorFactory`` for a NEML2 ``NonlinearSystem`` (lookback 1).

    ``include_parameters`` names the parameters to calibrate (default: all); the others keep the
    values the system holds."""

    def __init__(
        self,
        system: Any,
        include_parameters: Iterable[str] | None = None,
        *,
        wrapper: ODEWrapper | None = None,
    ) -> None:
        nn.Module.__init__(self)
        self.__dict__["sys"] = system  # not a submodule: parameters() is the calibrated set only
        self._wrapper = wrapper if wrapper is not None else DenseODEWrapper()
        self._compiled: Any = None  # neml2.compile: the evaluation without autograd, compiled
        model = system.model
        self.slayout = Layout(list(system.unknowns), list(system.unknown_types), list(system.unknown_sub))
        forces: list[str] = []
        for name in system.given:
            m = _LAG.match(name)
            base, lag = (m.group(1), int(m.group(2))) if m else (name, 0)
            if lag > 1:
                raise NEML2Error(f"input '{name}': pyzag integrates with lookback 1, not {lag}")
            if base in system.unknowns or base in forces:
                continue
            forces.append(base)
        self.flayout = Layout(forces, [_force_type(model, f) for f in forces])
        #: pyzag parameter name -> NEML2 parameter path in the residual model
        self.parameter_map: dict[str, str] = {}
        available = _parameter_names(model)
        wanted = list(available) if include_parameters is None else list(include_parameters)
        bad = [n for n in wanted if n not in available]
        if bad:
            raise NEML2Error(
                f"NEML2PyzagModel: no parameter {', '.join(map(repr, bad))} "
                f"(parameters: {', '.join(available) or 'none'})"
            )
        for short in sorted(wanted, key=list(available).index):
            path = available[short]
            self.register_parameter(short, nn.Parameter(_stored(model, path).detach().clone()))
            self.parameter_map[short] = path

    # ----------------------------------------------------------- pyzag protocol
    @property
    def lookback(self) -> int:
        return 1

    @property
    def wrapper(self) -> ODEWrapper:
        return self._wrapper

    @property
    def nstate(self) -> int:
        return self.slayout.size

    @property
    def nforce(self) -> int:
        return self.flayout.size

    def make_operator(self, prev_solution: torch.Tensor, forces: Sequence[torch.Tensor], inverse_operator: Any) -> Any:
        return ChunkOp(self, prev_solution, forces, inverse_operator)

    def evaluate_raw(self, x_full: torch.Tensor, forces: Sequence[torch.Tensor]) -> tuple[torch.Tensor, BlockJacobian]:
        """Residuals ``(m, batch, nstate)`` and the bidiagonal Jacobian of the steps ``1..m`` of
        ``x_full`` ``(m + 1, batch, nstate)`` (row 0 is the previous solution)."""
        f = forces[0] if isinstance(forces, (list, tuple)) else forces
        R, J = self.residual_and_jacobian(x_full[1:], x_full[:-1], f[1:], f[:-1])
        n = self.nstate
        return R, self.wrapper.wrap_jacobian(J[..., :n].contiguous(), J[..., n:].contiguous())

    # ----------------------------------------------------------- packing
    def assemble_state(self, values: Mapping[str, Any], dynamic_dim: int | None = None) -> torch.Tensor:
        """The flat initial state ``(*batch, nstate)`` from one tensor per unknown; sub-batch axes
        (between the ``dynamic_dim`` batch axes and the base) set the unknowns' layout."""
        flat = self.slayout.assemble(values, dynamic_dim, "assemble_state")
        self.sys.set_sub_batch_shapes({u: s for u, s in zip(self.slayout.names, self.slayout.subs) if s})
        return flat

    def assemble_forces(self, values: Mapping[str, Any], dynamic_dim: int | None = None) -> torch.Tensor:
        """The flat forces ``(ntime, *batch, nforce)`` from one tensor per force."""
        return self.flayout.assemble(values, dynamic_dim, "assemble_forces")

    def _update_parameter_values(self) -> None:
        """Write the factory's current parameter values (after any reparametrization) into the
        NEML2 system's own parameters, so the system holds what the factory evaluates."""
        with torch.no_grad():
            for short, path in self.parameter_map.items():
                mod, leaf = _owner(self.sys.model, path)
                setattr(mod, leaf, nn.Parameter(getattr(self, short).detach().clone()))

    def _jit_compile(self, **compile_kwargs: Any) -> None:
        """``neml2.compile(factory)``: the evaluations without autograd (pyzag's forward Newton
        solves) run a ``torch.compile``d graph, one per chunk shape; those that record a graph (the
        adjoint pass) stay eager, since inductor's backward does not cover the whole forward."""
        if self._compiled is None:
            self._compiled = torch.compile(self._evaluate, dynamic=False, **compile_kwargs)

    # ----------------------------------------------------------- evaluation
    def residual_and_jacobian(
        self, x: torch.Tensor, x_old: torch.Tensor, f: torch.Tensor, f_old: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Residual ``(*batch, n)`` and ``[dR/dx, dR/dx_old]`` ``(*batch, n, 2n)`` of the system at
        the states ``x`` (previous ``x_old``) and forces ``f`` (previous ``f_old``)."""
        if self._compiled is not None and not torch.is_grad_enabled():
            return self._compiled(x, x_old, f, f_old)
        return self._evaluate(x, x_old, f, f_old)

    def _evaluate(
        self, x: torch.Tensor, x_old: torch.Tensor, f: torch.Tensor, f_old: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        model = self.sys.model
        batch = tuple(torch.broadcast_shapes(x.shape[:-1], f.shape[:-1]))
        x, x_old = x.expand(*batch, x.shape[-1]), x_old.expand(*batch, x.shape[-1])
        n = self.nstate
        state: dict[str, TensorWrapper] = {}
        for lag, values in ((0, f), (1, f_old)):
            for name, w in self.flayout.split(values).items():
                key = name if lag == 0 else f"{name}~1"
                if key in model.input_spec:
                    state[key] = w
        params = {path: getattr(self, short) for short, path in self.parameter_map.items()}

        def call(args: list[TensorWrapper], v: dict[str, Any]) -> Any:
            return torch.func.functional_call(model, params, tuple(args), {"v": v}, strict=False)

        xs = (("", x), ("~1", x_old))  # seeds on x and x~1: the columns [dR/dx, dR/dx_old]
        R, J, _ = evaluate_system(self.sys, state, {}, xs, batch, call=call, who="NEML2PyzagModel")
        return R.reshape(*batch, n), J.reshape(*batch, n, 2 * n)


def _owner(model: nn.Module, path: str) -> tuple[nn.Module, str]:
    """The module holding parameter ``path`` and the parameter's name in it."""
    owner, _, leaf = path.rpartition(".")
    return model.get_submodule(owner), leaf


def _stored(model: nn.Module, path: str) -> torch.Tensor:
    """The raw stored parameter at ``path`` (the model's attribute access returns typed wrappers)."""
    mod, leaf = _owner(model, path)
    return mod._parameters[leaf]


def _force_type(model: Any, name: str) -> type[TensorWrapper]:
    spec = model.input_spec
    return spec[name] if name in spec else spec[f"{name}~1"]


def _parameter_names(model: nn.Module) -> dict[str, str]:
    """``<block>_<parameter>`` -> parameter path, in the order the composition uses them: each model's
    parameter providers first (the models named by its parameter options), then its own parameters,
    then its sub-models. A short name two parameters would share falls back to the full path with
    ``_`` for ``.``."""
    paths = {id(p): n for n, p in model.named_parameters()}
    order: list[tuple[str, str]] = []
    seen: set[int] = set()

    def visit(m: nn.Module) -> None:
        if id(m) in seen:
            return
        seen.add(id(m))
        for nl in getattr(m, "nl_params", {}).values():
            if isinstance(nl.provider, nn.Module):
                visit(nl.provider)
        block = getattr(m, "_where", {}).get("block", "")
        for leaf, p in m._parameters.items():
            if p is not None and id(p) in paths:
                order.append((f"{block.rpartition('/')[2]}_{leaf}", paths.pop(id(p))))
        for child in m._modules.values():
            if child is not None:
                visit(child)

    visit(model)
    counts: dict[str, int] = {}
    for short, _ in order:
        counts[short] = counts.get(short, 0) + 1
    return {(short if counts[short] == 1 else path.replace(".", "_")): path for short, path in order}
