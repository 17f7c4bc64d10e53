"""Typed tensors through torch's tracers: pytree nodes for torch.export, and neml2.compile (py-jit),
an in-place torch.compile of a model's forward that leaves values and derivatives unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import torch.utils._pytree as pytree

import neml2
from neml2.types import SR2, Scalar

TESTS = Path(__file__).resolve().parents[1]
ELASTICITY = TESTS / "tutorial" / "input.i"


def test_typed_tensors_flatten_to_their_data() -> None:
    x = Scalar(torch.arange(6.0, dtype=torch.float64).reshape(2, 3), sub_batch_ndim=1)
    leaves, spec = pytree.tree_flatten((x, {"s": SR2.fill(1.0, 2, 3, 0, 0, 0)}))
    assert len(leaves) == 2 and leaves[0] is x.data
    y, d = pytree.tree_unflatten([leaves[0] * 2, leaves[1]], spec)
    assert type(y) is Scalar and y.sub_batch_ndim == 1 and torch.equal(y.data, 2 * x.data)
    assert type(d["s"]) is SR2 and d["s"].data.tolist() == [1.0, 2.0, 3.0, 0.0, 0.0, 0.0]
    [(path, _)], _ = pytree.tree_flatten_with_path(x)
    assert pytree.keystr(path) == ".data"


def test_torch_export_of_a_model_with_typed_inputs() -> None:
    """torch.export takes the typed inputs; the exported program returns typed outputs, and they
    are the eager model's (Hooke's law at E = 200e3, nu = 0.3)."""
    model = neml2.load_model(ELASTICITY, "elasticity")
    eps = SR2(torch.tensor([[0.01, 0, 0, 0, 0, 0], [0.005, -0.002, 0, 0, 0, 0.001]], dtype=torch.float64))
    ep = torch.export.export(model, (eps,), strict=False)
    out = ep.module()(eps)
    out = out[0] if isinstance(out, tuple) else out
    assert type(out) is SR2
    mu, lam = 200e3 / 2.6, 200e3 * 0.3 / (1.3 * 0.4)
    tr = eps.data[:, :3].sum(-1, keepdim=True)
    expected = 2 * mu * eps.data + lam * tr * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64)
    torch.testing.assert_close(out.data, expected, rtol=1e-14, atol=1e-10)


@pytest.mark.slow
def test_neml2_compile_in_place() -> None:
    model = neml2.load_model(ELASTICITY, "elasticity")
    eager = neml2.load_model(ELASTICITY, "elasticity")
    g = torch.Generator().manual_seed(1)
    eps = SR2(1e-3 * torch.randn(5, 6, generator=g, dtype=torch.float64))
    assert neml2.compile(model) is model and neml2.compile(model) is model  # twice: a no-op
    assert "forward" in vars(model) and model._neml2_compiled  # the instance's forward is the compiled one
    torch.testing.assert_close(model(eps).data, eager(eps).data, rtol=0, atol=0)
    seeds = SR2(torch.eye(6, dtype=torch.float64), k_ndim=1)
    _, v = model(eps, v={"strain": {"strain": seeds}})
    _, v_ref = eager(eps, v={"strain": {"strain": seeds}})
    torch.testing.assert_close(v["stress"]["strain"].data, v_ref["stress"]["strain"].data, rtol=0, atol=0)
    model(eps).data.sum().backward()  # autograd through the compiled forward: d(sum stress)/dE
    torch.testing.assert_close(model.E.data.grad, eager(eps).data.sum().detach() / 200e3)


def test_neml2_compile_targets() -> None:
    sys = neml2.load_nonlinear_system(TESTS / "regression" / "j2_viscoplasticity.i", "system")
    residual_model = sys.model
    assert neml2.compile(sys) is sys and residual_model._neml2_compiled

    class Wrapper:
        def __init__(self, s: object) -> None:
            self.sys = s

    w = Wrapper(sys)
    assert neml2.compile(w) is w
    with pytest.raises(TypeError, match="takes a model, a NonlinearSystem or a wrapper exposing .sys, got int"):
        neml2.compile(3)
    with pytest.raises(TypeError, match="dynamic=False"):
        neml2.compile(neml2.load_model(ELASTICITY, "elasticity"), dynamic=True)
