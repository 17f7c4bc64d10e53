"""The spatial axis of the finite-volume types is their sub-batch axis (finite_volume.md,
``sub_batch_ndim=1``): an unmarked array is a batch of values that broadcasts over space, even when
its length equals the number of edges / cells; a required spatial axis that is missing is an
InputError naming the block and the variable.

The mesh: N = 10 cells, so N - 1 = 9 interior edges, and a sweep of 9 values given unmarked.
"""

from __future__ import annotations

import pytest
import torch

import neml2
from neml2.types import Scalar

N = 10
U = torch.tensor([1.0, 2.0, 4.0, 8.0, 3.0, -1.0, 0.5, 6.0, 2.5, 7.0], dtype=torch.float64)  # on the cells
SWEEP = torch.linspace(-2.0, 2.0, N - 1, dtype=torch.float64)  # 9 batch values: -2, -1.5, ..., 2


def _model(block: str, tensors: str = "") -> object:
    text = f"[Models]\n  [m]\n{block}\n  []\n[]\n"
    if tensors:
        text = f"[Tensors]\n{tensors}\n[]\n" + text
    return neml2.load_string(text).get_model("m")


def _call(model: object, **inputs: Scalar) -> Scalar:
    out = model(*[inputs[n] for n in model.input_spec])  # type: ignore[attr-defined]
    return out[0] if isinstance(out, tuple) else out


def test_unmarked_velocity_sweep_of_edge_length_is_a_batch() -> None:
    """J[b, e] = max(v_b, 0) u_e + min(v_b, 0) u_{e+1}: nine runs, each with one velocity on all nine edges."""
    model = _model("    type = FiniteVolumeUpwindedAdvectiveFlux\n    u = 'u'\n    v_edge = 'v'\n    flux = 'J'")
    J = _call(model, u=Scalar(U, sub_batch_ndim=1), v=Scalar(SWEEP))
    assert J.sub_batch_shape == (N - 1,)
    assert J.batch_shape == (N - 1, N - 1)
    expected = torch.empty(N - 1, N - 1, dtype=torch.float64)
    for b, v in enumerate(SWEEP.tolist()):
        for e in range(N - 1):
            expected[b, e] = max(v, 0.0) * U[e] + min(v, 0.0) * U[e + 1]
    torch.testing.assert_close(J.data, expected, rtol=0, atol=1e-14)
    # the same velocity marked as per-edge data: one run, J_e = v_e^+ u_e + v_e^- u_{e+1}
    J_edge = _call(model, u=Scalar(U, sub_batch_ndim=1), v=Scalar(SWEEP, sub_batch_ndim=1))
    assert J_edge.data.shape == (N - 1,)
    torch.testing.assert_close(J_edge.data, torch.diagonal(expected), rtol=0, atol=1e-14)


def test_unmarked_prefactor_and_spacing_of_edge_length_are_batches() -> None:
    """grad[b, e] = -p_b (u_{e+1} - u_e) / h_b with p and h two unmarked 9-value sweeps ([Tensors])."""
    tensors = (
        "  [p]\n    type = Python\n    expr = 'Scalar(torch.linspace(0.5, 4.5, 9, dtype=torch.float64))'\n  []\n"
        "  [h]\n    type = Python\n    expr = 'Scalar(torch.linspace(0.1, 0.9, 9, dtype=torch.float64))'\n  []"
    )
    block = "    type = FiniteVolumeGradient\n    u = 'u'\n    prefactor = 'p'\n    dx = 'h'\n    grad_u = 'g'"
    model = _model(block, tensors)
    g = _call(model, u=Scalar(U, sub_batch_ndim=1))
    p = [0.5 + 0.5 * b for b in range(N - 1)]
    h = [0.1 + 0.1 * b for b in range(N - 1)]
    expected = torch.tensor(
        [[-p[b] * (U[e + 1].item() - U[e].item()) / h[b] for e in range(N - 1)] for b in range(N - 1)],
        dtype=torch.float64,
    )
    assert g.batch_shape == (N - 1, N - 1) and g.sub_batch_ndim == 1
    torch.testing.assert_close(g.data, expected, rtol=1e-14, atol=1e-14)


def test_unmarked_cell_values_of_cell_length_are_uniform_per_run() -> None:
    """Ten unmarked values q_b on ten cells: run b has q_b on every cell, so every edge value is q_b."""
    tensors = (
        "  [centers]\n    type = Python\n"
        "    expr = 'Scalar(torch.arange(10, dtype=torch.float64) + 0.5, sub_batch_ndim=1)'\n  []\n"
        "  [edges]\n    type = Python\n"
        "    expr = 'Scalar(torch.arange(11, dtype=torch.float64), sub_batch_ndim=1)'\n  []"
    )
    block = (
        "    type = LinearlyInterpolateToCellEdges\n    cell_values = 'q'\n    cell_centers = 'centers'\n"
        "    cell_edges = 'edges'\n    edge_values = 'q_edge'"
    )
    model = _model(block, tensors)
    q = _call(model, q=Scalar(U))
    assert q.sub_batch_shape == (N - 1,) and q.batch_shape[0] == N
    torch.testing.assert_close(q.data, U[:, None].expand(N, N - 1), rtol=0, atol=1e-14)
    # marked, the same values are per cell: midpoints of a uniform grid, (u_i + u_{i+1}) / 2
    q_cells = _call(model, q=Scalar(U, sub_batch_ndim=1))
    torch.testing.assert_close(q_cells.data, 0.5 * (U[:-1] + U[1:]), rtol=0, atol=1e-14)


def test_field_without_spatial_axis_names_block_and_variable() -> None:
    model = _model("    type = FiniteVolumeUpwindedAdvectiveFlux\n    u = 'conc'\n    v_edge = 'v'\n    flux = 'J'")
    with pytest.raises(neml2.InputError, match=r"\[Models/m\] option 'u': variable 'conc' has no spatial axis"):
        _call(model, conc=Scalar(U), v=Scalar(torch.tensor(1.0, dtype=torch.float64)))


def test_unmarked_mesh_parameter_is_an_error() -> None:
    tensors = "  [centers]\n    type = Python\n    expr = 'Scalar(torch.arange(4, dtype=torch.float64) + 0.5)'\n  []"
    model = _model("    type = DumpInSmallestBin\n    magnitude = 'm'\n    cell_centers = 'centers'", tensors)
    with pytest.raises(neml2.InputError, match=r"\[Models/m\] option 'cell_centers': the value has no spatial axis"):
        _call(model, m=Scalar(torch.tensor(3.0, dtype=torch.float64)))


def test_marked_velocity_of_wrong_length_is_an_error() -> None:
    model = _model("    type = FiniteVolumeUpwindedAdvectiveFlux\n    u = 'u'\n    v_edge = 'v'\n    flux = 'J'")
    with pytest.raises(
        neml2.InputError, match=r"\[Models/m\] option 'v_edge': variable 'v' has 10 entries.*expected 9"
    ):
        _call(model, u=Scalar(U, sub_batch_ndim=1), v=Scalar(U, sub_batch_ndim=1))
