"""Dual-number tangents (neml2.models.dual) against the hand-written chain rule of every leaf.

Every registered model type is built from the first input file under tests/ that declares it and
called on random inputs and K-seed tangents (batched seeds, batch-free broadcast seeds, two K
axes); the tangents derived by ``dual_call`` from the value expression alone must equal the
hand-written ``v=`` (and ``v2=`` / ``vh=`` where the leaf declares second order) to 1e-12.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2.models.dual import DualTensor, dual_call
from neml2.models.model import Model
from neml2.types import SR2, Scalar, TensorWrapper
from neml2.types._base import expand_groups
from neml2.types.functions import fullify

TESTS = Path(__file__).resolve().parents[1]
TOL = {"rtol": 1e-12, "atol": 1e-12}

# Types whose forward is not a value expression: they take ``v`` themselves and
# call inner models (the dual route applies to the leaves inside them).
DIRECT = {"ComposedModel", "ImplicitUpdate", "Normality"}
NOT_A_MODEL = {"AOTIModel"}  # the compiled route: a runtime, not a torch forward
# Minimal instances of types no input file under tests/ declares.
MINIMAL = {
    "ConstantExtrapolationPredictor": "unknowns_SR2 = 'plastic_strain'\n unknowns_Scalar = 'ep'",
    "R2BackwardEulerTimeIntegration": "variable = 'F'",
    "VecBackwardEulerTimeIntegration": "variable = 'x'",
}
# Leaves the dual route cannot evaluate yet, with the reason (each is checked to still fail).
UNSUPPORTED: dict[str, str] = {}
# Leaves whose inputs must carry sub-batch axes (an unmarked input is an error): the sub-batch shape their
# inputs and batched seeds get (after the dynamic batch, marked sub_batch_ndim=), one for all inputs or one
# per input name; batch-free seeds get none.
SubShape = tuple[int, ...] | dict[str, tuple[int, ...]]
SUB_BATCH: dict[str, SubShape] = {
    "SR2IntermediateSum": (3, 2),
    "SR2IntermediateMean": (3,),
    "SR2IntermediateDiff": (2, 4),  # its test file differences sub-batch axis 1 twice
    # the spatial axis of the finite-volume leaves (their test files: 4 cells, 3 interior edges)
    "FiniteVolumeAppendBoundaryCondition": (3,),
    "FiniteVolumeGradient": (4,),
    "FiniteVolumeUpwindedAdvectiveFlux": {"u": (4,), "v_edge": (3,)},
    "LinearlyInterpolateToCellEdges": (4,),
}


def _sub(sub: SubShape, name: str) -> tuple[int, ...]:
    """The sub-batch shape of input ``name``."""
    return sub.get(name, ()) if isinstance(sub, dict) else sub


@cache
def _cases() -> dict[str, tuple[Path, str]]:
    """type -> (first input file under tests/ declaring it, its block name) in [Models]."""
    out: dict[str, tuple[Path, str]] = {}
    files = sorted((TESTS / "models").rglob("*.i")) + sorted(p for p in TESTS.rglob("*.i") if "models" not in p.parts)
    for path in files:
        text = path.read_text()
        if "[Models]" not in text:
            continue
        for t in set(re.findall(r"type\s*=\s*'?([A-Za-z0-9_]+)", text)):
            if t in out:
                continue
            try:
                blocks = neml2.load_input(path).blocks["Models"]
            except Exception:  # a file other tests expect to fail to load
                continue
            for name, node in blocks.items():
                typ = node.find("type")
                if typ is not None and typ.param_str() == t:
                    out[t] = (path, name)
                    break
    return out


def _types() -> list[str]:
    return sorted(neml2.factory.registered("Models"))


def _rand(type_cls: type[TensorWrapper], *shape: int, lo: float = 0.1, hi: float = 0.45) -> torch.Tensor:
    base = type_cls.BASE_SHAPE
    return lo + (hi - lo) * torch.rand((*shape, *base), dtype=torch.float64)


def _wrap(type_cls: type[TensorWrapper], data: torch.Tensor, k: int = 0, sub: int = 0) -> TensorWrapper:
    out = object.__new__(type_cls)
    TensorWrapper.__init__(out, data, sub_batch_ndim=sub, k_ndim=k)
    return out


def _inputs(model: Model, batch: tuple[int, ...], broadcast: bool, sub: SubShape = ()) -> list[TensorWrapper]:
    """Random inputs; with ``broadcast`` every other input has no dynamic batch axes."""
    out = []
    for i, (name, t) in enumerate(model.input_spec.items()):
        shape = () if broadcast and i % 2 else batch
        s = _sub(sub, name)
        out.append(_wrap(t, _rand(t, *shape, *s), sub=len(s)))
    return out


def _tangents(model: Model, batch: tuple[int, ...], sub: SubShape = ()) -> dict[str, dict[str, TensorWrapper]]:
    """Seeds per input: leaf A (3 seeds, batched), leaf B (2 batch-free seeds), leaf C (2x2 K axes, first input)."""
    v: dict[str, dict[str, TensorWrapper]] = {}
    for i, (name, t) in enumerate(model.input_spec.items()):
        s = _sub(sub, name)
        n = len(s)
        d = {
            "A": _wrap(t, _rand(t, 3, *batch, *s, lo=-1, hi=1), 1, n),
            "B": _wrap(t, _rand(t, 2, lo=-1, hi=1), 1),
        }
        if i == 0:
            d["C"] = _wrap(t, _rand(t, 2, 2, *batch, *s, lo=-1, hi=1), 2, n)
        v[name] = d
    return v


def _second(model: Model, batch: tuple[int, ...], sub: SubShape = ()) -> tuple[dict, dict]:
    """``vh`` (leaves P: 2 seeds, Q: 1 batch-free seed) and ``v2[x][A][P]`` on the first input."""
    vh: dict[str, dict[str, TensorWrapper]] = {}
    v2: dict[str, dict[str, dict[str, TensorWrapper]]] = {}
    for i, (name, t) in enumerate(model.input_spec.items()):
        s = _sub(sub, name)
        n = len(s)
        vh[name] = {
            "P": _wrap(t, _rand(t, 2, *batch, *s, lo=-1, hi=1), 1, n),
            "Q": _wrap(t, _rand(t, 1, lo=-1, hi=1), 1),
        }
        if i == 0:
            v2[name] = {"A": {"P": _wrap(t, _rand(t, 3, 2, *batch, *s, lo=-1, hi=1), 2, n)}}
    return vh, v2


def _same(a: Any, b: Any, where: str) -> None:
    """Two tangent dicts (nested by leaf) agree; a leaf missing on one side is a zero on the other."""
    if isinstance(a, TensorWrapper) or isinstance(b, TensorWrapper):
        if a is None or b is None:
            x = a if a is not None else b
            assert x is not None
            torch.testing.assert_close(x.data.detach(), torch.zeros_like(x.data), msg=lambda m: f"{where}: {m}", **TOL)
            return
        assert a.k_ndim == b.k_ndim, f"{where}: K axes {a.k_ndim} vs {b.k_ndim}"
        nb = max(a.dynamic_batch_ndim, b.dynamic_batch_ndim)
        ns = max(a.sub_batch_ndim, b.sub_batch_ndim)
        da, db = (expand_groups(fullify(x), a.k_ndim, nb, ns).detach() for x in (a, b))
        xa, xb = torch.broadcast_tensors(da, db)
        torch.testing.assert_close(xb, xa, equal_nan=True, msg=lambda m: f"{where}: {m}", **TOL)
        return
    for key in set(a or {}) | set(b or {}):
        _same((a or {}).get(key), (b or {}).get(key), f"{where}/{key}")


def _build(type_name: str) -> Model:
    if type_name in NOT_A_MODEL:
        pytest.skip(f"{type_name}: runs a compiled artifact, not a torch forward")
    if type_name in DIRECT:
        pytest.skip(f"{type_name}: forward takes v itself (composes inner models); not a value-only leaf")
    if type_name in MINIMAL:
        text = f"[Models]\n [m]\n type = {type_name}\n {MINIMAL[type_name]}\n []\n[]\n"
        return neml2.load_string(text).get_model("m")
    case = _cases().get(type_name)
    if case is None:
        pytest.skip(f"{type_name}: no input file under tests/ declares it")
    path, block = case
    return neml2.load_input(path).get_model(block)


@pytest.mark.parametrize("type_name", _types())
@pytest.mark.parametrize("broadcast", [False, True], ids=["batched", "broadcast"])
def test_dual_matches_hand_written(type_name: str, broadcast: bool) -> None:
    torch.manual_seed(sum(map(ord, type_name)))
    model = _build(type_name)
    batch = (4,)
    sub = SUB_BATCH.get(type_name, ())
    xs = _inputs(model, batch, broadcast, sub)
    v = _tangents(model, batch, sub)
    *hand_y, hand_v = model(*xs, v=v)
    if type_name in UNSUPPORTED:
        with pytest.raises((TypeError, NotImplementedError)):
            dual_call(model, *xs, v=v)
        pytest.skip(f"{type_name}: {UNSUPPORTED[type_name]}")
    *dual_y, dual_v = dual_call(model, *xs, v=v)
    for y0, y1 in zip(hand_y, dual_y):
        # a batch-free input with batched tangents is evaluated broadcast to their batch
        assert not isinstance(y1.data, DualTensor)
        a, b = torch.broadcast_tensors(y1.data.detach(), y0.data.detach())
        torch.testing.assert_close(a, b, equal_nan=True, **TOL)
    assert hand_v or not v, f"{type_name}: the hand-written chain rule gave no tangent at all"
    _same(hand_v, dual_v, f"{type_name} v")
    if getattr(model, "SUPPORTS_SECOND_ORDER", False):
        vh, v2 = _second(model, batch, sub)
        hand = model(*xs, v=v, v2=v2, vh=vh)
        dual = dual_call(model, *xs, v=v, v2=v2, vh=vh)
        n = len(model.output_spec)
        _same(hand[n], dual[n], f"{type_name} v")
        _same(hand[n + 1], dual[n + 1], f"{type_name} v2")
        _same(hand[n + 2], dual[n + 2], f"{type_name} vh")
        # vh defaulting to v (Normality's call without vh uses v2={} and v on both sides)
        hand = model(*xs, v=v, v2={})
        dual = dual_call(model, *xs, v=v, v2={})
        _same(hand[n + 1], dual[n + 1], f"{type_name} v2(v, v)")


def test_dual_closed_form_second_order() -> None:
    """``|dev A|``-type invariant: dual Hessian of ``s = sqrt(3/2 dev A : dev A)`` against the closed form
    ``(3/2 I_dev - N (x) N) / s`` with ``N = 3/2 dev A / s`` (independent of any leaf's hand-written d2)."""
    m = neml2.load_string(
        "[Models]\n [m]\n type = SR2Invariant\n invariant_type = 'VONMISES'\n tensor = 'A'\n invariant = 's'\n []\n[]\n"
    ).get_model("m")
    A = SR2(torch.tensor([[100.0, -50, 30, 20, -10, 40]], dtype=torch.float64))
    eye = SR2(torch.eye(6, dtype=torch.float64), k_ndim=1)
    s, g, h = dual_call(m, A, v={"A": {"A": eye}}, v2={})
    S = A.data - A.data[..., :3].sum(-1, keepdim=True) / 3 * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=torch.float64)
    sv = torch.sqrt(1.5 * (S * S).sum(-1))
    N = 1.5 * S / sv
    Idev = torch.eye(6, dtype=torch.float64)
    Idev[:3, :3] -= 1.0 / 3.0
    H = (1.5 * Idev - N[0, :, None] * N[0, None, :]) / sv
    torch.testing.assert_close(s.data, sv, **TOL)
    torch.testing.assert_close(g["s"]["A"].data[:, 0], N[0], **TOL)
    torch.testing.assert_close(h["s"]["A"]["A"].data[:, :, 0], H, **TOL)


def test_unknown_op_is_an_error() -> None:
    x = Scalar(torch.tensor([0.5], dtype=torch.float64))
    d = DualTensor(x.data, {"L": torch.ones(1, 1, dtype=torch.float64)}, {"L": 1})
    with pytest.raises(NotImplementedError, match="no tangent rule"):
        torch.erf(d)


_VONMISES = (
    "[Models]\n [m]\n type = SR2Invariant\n invariant_type = 'VONMISES'\n tensor = 'A'\n invariant = 's'\n []\n[]\n"
)
_PERZYNA = "[Models]\n [m]\n type = PerzynaPlasticFlowRate\n reference_stress = 100\n exponent = 2.5\n []\n[]\n"


class _DualLeaf(torch.nn.Module):
    """Von Mises stress with first and second derivative, then a Perzyna rate of it, by dual numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.s = neml2.load_string(_VONMISES).get_model("m")
        self.rate = neml2.load_string(_PERZYNA).get_model("m")

    def forward(self, a: torch.Tensor, seeds: torch.Tensor) -> tuple[torch.Tensor, ...]:
        A, T = SR2(a), SR2(seeds, k_ndim=1)
        s, g, h = dual_call(self.s, A, v={"A": {"A": T}}, v2={})
        r, rv = dual_call(self.rate, s - 100.0, v={"yield_function": {"A": g["s"]["A"]}})
        return s.data, g["s"]["A"].data, h["s"]["A"]["A"].data, r.data, rv["flow_rate"]["A"].data


def _export_inputs(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    torch.manual_seed(n)
    return 300 * torch.rand(n, 6, dtype=torch.float64), torch.eye(6, dtype=torch.float64)


def _hand_reference(a: torch.Tensor, seeds: torch.Tensor) -> tuple[torch.Tensor, ...]:
    f = _DualLeaf()
    A, T = SR2(a), SR2(seeds, k_ndim=1)
    s, g, h = f.s(A, v={"A": {"A": T}}, v2={})
    r, rv = f.rate(s - 100.0, v={"yield_function": {"A": g["s"]["A"]}})
    return s.data, g["s"]["A"].data, h["s"]["A"]["A"].data, r.data, rv["flow_rate"]["A"].data


def test_dual_exports_with_dynamic_batch() -> None:
    """The dual evaluation is plain torch ops: torch.export with a dynamic batch Dim, then the
    exported program at another batch size equals the hand-written chain rule."""
    from torch.export import Dim, export

    ep = export(_DualLeaf(), _export_inputs(8), dynamic_shapes=({0: Dim("n", min=2)}, None))
    targets = {str(node.target) for node in ep.graph.nodes if node.op == "call_function"}
    assert not any("jvp" in t or "dual" in t for t in targets), targets
    a, seeds = _export_inputs(37)
    for got, want in zip(ep.module()(a, seeds), _hand_reference(a, seeds)):
        x, y = torch.broadcast_tensors(got, want)
        torch.testing.assert_close(x, y, **TOL)


@pytest.mark.slow
def test_dual_aoti_compiles(tmp_path: Path) -> None:
    """The exported dual evaluation compiles with AOTInductor and runs at a new batch size."""
    from torch.export import Dim, export

    ep = export(_DualLeaf(), _export_inputs(8), dynamic_shapes=({0: Dim("n", min=2)}, None))
    pkg = torch._inductor.aoti_compile_and_package(ep, package_path=str(tmp_path / "dual.pt2"))
    run = torch._inductor.aoti_load_package(pkg)
    a, seeds = _export_inputs(29)
    for got, want in zip(run(a, seeds), _hand_reference(a, seeds)):
        x, y = torch.broadcast_tensors(got, want)
        torch.testing.assert_close(x, y, rtol=1e-10, atol=1e-12)
