"""Implicit unknowns with sub-batch axes (sub_batch.md): the declared extent lays out each point's
unknown vector (all sites, one dense block per point), the solution and its implicit-function
derivatives match the closed form of a system coupled across the sites."""

from __future__ import annotations

from pathlib import Path

import torch

import neml2
from neml2.types import Scalar

HERE = Path(__file__).parent
F64 = torch.float64


def _closed_form(x1: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
    """x_i (1 + dt) + 0.5 dt S = x~1_i with S = sum_j x_j (all positive): S = S1 / (1 + 2.5 dt)."""
    S = x1.sum(-1, keepdim=True) / (1 + 2.5 * dt[..., None])
    return (x1 - 0.5 * dt[..., None] * S) / (1 + dt[..., None])


def _inputs(requires_grad: bool = False) -> tuple[Scalar, Scalar, Scalar, torch.Tensor, torch.Tensor]:
    torch.manual_seed(3)
    x1 = (0.5 + torch.rand(4, 3, dtype=F64)).requires_grad_(requires_grad)
    t = torch.tensor([0.2, 0.5, 1.0, 2.0], dtype=F64)
    tn = torch.zeros(4, dtype=F64)
    return Scalar(x1, sub_batch_ndim=1), Scalar(t), Scalar(tn), x1, t - tn


def test_layout_from_declaration() -> None:
    system = neml2.load_nonlinear_system(HERE / "sub_batch_unknown.i", "eq")
    assert system.unknown_sub == [(3,)] and system.unknown_sizes == [3]
    assert system.block_structure.size == 3


def test_solution_and_derivatives() -> None:
    update = neml2.load_model(HERE / "sub_batch_unknown.i", "update")
    x1w, t, tn, x1, dt = _inputs(requires_grad=True)
    given = {"x~1": x1w, "t": t, "t~1": tn, "x": x1w}
    (x,) = update(*[given[n] for n in update.input_spec])
    assert x.sub_batch_ndim == 1 and x.data.shape == (4, 3)
    expected = _closed_form(x1, dt)
    torch.testing.assert_close(x.data, expected.detach(), rtol=1e-12, atol=1e-14)
    # d sum(x) / d x~1 by the implicit function theorem vs the closed form
    w = torch.tensor([1.0, -2.0, 0.5], dtype=F64)
    (g,) = torch.autograd.grad((x.data * w).sum(), x1)
    (g_ref,) = torch.autograd.grad((expected * w).sum(), x1)
    torch.testing.assert_close(g, g_ref, rtol=1e-10, atol=1e-12)


def test_forward_tangents() -> None:
    """v= seeds on the old value (K = 3 sites, per point) give the closed-form Jacobian dx/dx~1."""
    update = neml2.load_model(HERE / "sub_batch_unknown.i", "update")
    x1w, t, tn, x1, dt = _inputs()
    seed = Scalar(torch.eye(3, dtype=F64), sub_batch_ndim=1)
    seed.k_ndim = 1
    given = {"x~1": x1w, "t": t, "t~1": tn, "x": x1w}
    *_, vt = update(*[given[n] for n in update.input_spec], v={"x~1": {"x1": seed}})
    J = vt["x"]["x1"].data  # (K = 3, batch 4, sites 3): d x_i / d x~1_k
    jac = torch.func.jacrev(lambda a: _closed_form(a, dt))(x1)  # (4, 3, 4, 3)
    ref = torch.stack([jac[b, :, b, :] for b in range(4)])  # (4, i, k)
    torch.testing.assert_close(J.permute(1, 2, 0), ref, rtol=1e-10, atol=1e-12)
