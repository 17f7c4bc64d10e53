"""The crystal-plasticity predictors in the documented formulations (docs/modules/solid_mechanics/crystal_plasticity,
"Predictor"): crystal_approximated.i warm-started by CrystalPlasticityStrainPredictor (elastic strain) composed with
ConstantExtrapolationPredictor (orientation, slip hardening), and crystal_exact.i by
CrystalPlasticityDeformationGradientPredictor (Fp) with ConstantExtrapolationPredictor (tauc), each wrapped in
ImplicitUpdate (the [Models] / [Solvers] blocks appended to the docs' files) through the docs' rolling history
(+rate along y, -rate along z, no spin). Every step converges, the predictor moves only the initial guess (the
answers are those of the constant guess), and it saves Newton iterations where it should."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2.types import MRP, R2, SR2, WR2, Scalar

DOCS = Path(__file__).resolve().parents[3].parent / "shared/spec/docs/modules/solid_mechanics/crystal_plasticity"
F64 = torch.float64
N, NT, RATE, STRAIN = 4, 21, 1e-4, 0.02
pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="the spec's docs folder is not next to the checkout")

SOLVERS = """
[Solvers]
  [newton]
    type = Newton
    rel_tol = 1e-8
    abs_tol = 1e-10
    max_its = 20
    linear_solver = 'lu'
  []
  [lu]
    type = DenseLU
  []
[]
"""


def _update(name: str, predictors: str, models: str) -> tuple[Any, list[int]]:
    """ImplicitUpdate of the docs' ``eq_sys`` with the composed ``predictor``; the Newton iterations of each
    solve are appended to the returned list."""
    blocks = f"""
[Models]
{predictors}
  [predictor]
    type = ComposedModel
    models = '{models}'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'eq_sys'
    solver = 'newton'
    predictor = 'predictor'
  []
[]
{SOLVERS}"""
    update = neml2.load_input(DOCS / name, post=[blocks]).get_model("update")
    its: list[int] = []
    solve = update.solver.solve

    def counting(fn: Any, x0: torch.Tensor) -> tuple[torch.Tensor, int]:
        x, k = solve(fn, x0)
        its.append(k)
        return x, k

    update.solver.solve = counting
    return update, its


def _history(update: Any, state: dict, forces: Any) -> dict:
    """The rolling history: ``forces(i, t, t~1)`` the given variables of step i; returns the final state."""
    times = torch.linspace(0, STRAIN / RATE, NT, dtype=F64)
    with torch.no_grad():
        for i in range(1, NT):
            t, tn = Scalar(times[i].expand(N)), Scalar(times[i - 1].expand(N))
            given = {f"{k}~1": v for k, v in state.items()} | {"t": t, "t~1": tn} | forces(i, times)
            out = update.call_by_name({k: given[k] for k in update.input_spec})
            state = {k: out[k] for k in state}
    return state


def _approximated(strain_predictor: str) -> tuple[dict, list[int]]:
    state_unknowns = "unknowns_Scalar = 'slip_hardening'\n    unknowns_MRP = 'orientation'"
    if strain_predictor:
        models = "strain_predictor state_predictor"
    else:  # the constant guess of every unknown
        state_unknowns += "\n    unknowns_SR2 = 'elastic_strain'"
        models = "state_predictor"
    predictors = f"""{strain_predictor}
  [state_predictor]
    type = ConstantExtrapolationPredictor
    {state_unknowns}
  []"""
    update, its = _update("crystal_approximated.i", predictors, models)
    assert "elastic_strain" not in update.input_spec  # the predictor supplies the guess
    torch.manual_seed(0)
    state = {
        "elastic_strain": SR2(torch.zeros(N, 6, dtype=F64)),
        "slip_hardening": Scalar(torch.zeros(N, dtype=F64)),
        "orientation": MRP.rand(N, dtype=F64),
    }
    D = torch.zeros(N, 6, dtype=F64)
    D[:, 1], D[:, 2] = RATE, -RATE
    forces = {"deformation_rate": SR2(D), "vorticity": WR2(torch.zeros(N, 3, dtype=F64))}
    return _history(update, state, lambda i, times: forces), its


def _strain_predictor(scale: str = "") -> str:
    return f"""
  [strain_predictor]
    type = CrystalPlasticityStrainPredictor
    {scale}
  []"""


@pytest.fixture(scope="module")
def approximated_constant() -> tuple[dict, list[int]]:
    return _approximated("")


@pytest.mark.parametrize("scale", ["scale = 0.1", ""], ids=["docs_scale_0.1", "default_scale"])
def test_strain_predictor_converges_to_the_same_answer(
    scale: str, approximated_constant: tuple[dict, list[int]]
) -> None:
    """crystal_approximated.i through the rolling history with the strain predictor (the docs' scale = 0.1,
    and the default scale = 1): every step converges (20 Newton iterations at most), to the constant
    guess's answer, and the crystal yields on the way (elastic strain beyond the threshold, hardening)."""
    want, _ = approximated_constant
    got, its = _approximated(_strain_predictor(scale))
    assert len(its) == NT - 1
    for k in want:
        torch.testing.assert_close(got[k].data, want[k].data, rtol=1e-6, atol=1e-9)
    assert (got["elastic_strain"].norm().data > 1e-3).all()
    assert (got["slip_hardening"].data > 50.0).all()


def test_strain_predictor_saves_the_elastic_step(approximated_constant: tuple[dict, list[int]]) -> None:
    """The first step starts elastic: the full elastic increment (scale = 1) is a better guess than the
    previous (zero) strain, so it takes fewer Newton iterations; after yield the guess is the previous strain
    as for the constant predictor, so the whole history takes no more iterations."""
    _, constant = approximated_constant
    _, its = _approximated(_strain_predictor())
    assert its[0] < constant[0]
    assert sum(its) <= sum(constant)


def _exact(fp_predictor: bool) -> tuple[dict, list[int]]:
    predictors = (
        """
  [fp_predictor]
    type = CrystalPlasticityDeformationGradientPredictor
    deformation_gradient = 'F'
    plastic_deformation_gradient = 'Fp'
  []"""
        if fp_predictor
        else ""
    )
    predictors += f"""
  [state_predictor]
    type = ConstantExtrapolationPredictor
    unknowns_Scalar = 'tauc'
    {"" if fp_predictor else "unknowns_R2 = 'Fp'"}
  []"""
    models = "fp_predictor state_predictor" if fp_predictor else "state_predictor"
    update, its = _update("crystal_exact.i", predictors, models)
    torch.manual_seed(0)
    r0 = MRP.rand(N, dtype=F64)
    l = torch.diag(torch.tensor([0.0, RATE, -RATE], dtype=F64))
    state = {"tauc": Scalar(torch.zeros(N, dtype=F64)), "Fp": R2(torch.eye(3, dtype=F64).expand(N, 3, 3).clone())}
    return _history(update, state, lambda i, times: {"r": r0, "F": R2(torch.linalg.matrix_exp(l * times[i]))}), its


def test_deformation_gradient_predictor_in_the_exact_model() -> None:
    """crystal_exact.i with the Fp predictor (defaults scale = 0.1, threshold = 1e-3): the constant guess's
    answer, in fewer Newton iterations over the history (part of the trial elastic strain beyond the
    threshold is guessed plastic)."""
    want, constant = _exact(False)
    got, its = _exact(True)
    assert len(its) == NT - 1
    for k in want:
        torch.testing.assert_close(got[k].data, want[k].data, rtol=1e-6, atol=1e-9)
    assert (got["tauc"].data > 50.0).all()
    assert sum(its) < sum(constant)
