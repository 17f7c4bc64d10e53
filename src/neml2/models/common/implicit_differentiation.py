"""Implicit differentiation of ImplicitUpdate: the zero-valued autograd node whose gradient is the
implicit-function-theorem one, sensitivity solves by a configured linear solver, and evaluating
the residual with the parameters detached (to split input and parameter sensitivities)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch

from neml2.solvers.dense_lu import dense_solve

if TYPE_CHECKING:
    from neml2.models.common.implicit_update import ImplicitUpdate


def _sensitivity_solve(solver: Any, iu: ImplicitUpdate, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``J^{-1} b`` (``b (N, n, k)``) with a sensitivity linear solver (its own layout, fresh set-up)."""
    reset = getattr(solver, "reset", None)
    if reset is not None:
        reset(getattr(iu.system, "block_structure", None))
    return solver.solve(J, b)


class _IFT(torch.autograd.Function):
    """Zero valued; the gradient of ``x = x* + _IFT(r, J)`` is ``dx = -J^{-1} dr`` (backward: the
    adjoint solve ``J^T y = g`` by the given linear solver, a direct one when None)."""

    @staticmethod
    def forward(ctx: Any, r: torch.Tensor, J: torch.Tensor, solver: Any, iu: Any) -> torch.Tensor:
        ctx.save_for_backward(J)
        ctx.solver, ctx.iu = solver, iu
        return torch.zeros_like(r)

    @staticmethod
    def backward(ctx: Any, g: torch.Tensor) -> Any:
        (J,) = ctx.saved_tensors
        Jt = J.transpose(-1, -2)
        if ctx.solver is None:
            y = dense_solve(Jt, g, "ImplicitUpdate: adjoint")
        else:
            y = _sensitivity_solve(ctx.solver, ctx.iu, Jt.contiguous(), g.unsqueeze(-1)).squeeze(-1)
        return -y, None, None, None


class _detached_parameters:
    """Within the block, every parameter of ``model`` is replaced by its detached value."""

    def __init__(self, model: torch.nn.Module) -> None:
        self.model = model
        self.saved: list[tuple[torch.nn.Module, str, Any]] = []

    def __enter__(self) -> None:
        for m in self.model.modules():
            for name, p in list(m._parameters.items()):
                if p is not None:
                    self.saved.append((m, name, p))
                    m._parameters[name] = p.detach()

    def __exit__(self, *exc: Any) -> None:
        for m, name, p in reversed(self.saved):
            m._parameters[name] = p
        self.saved.clear()
