"""A Perzyna J2 return map solved for the flow rate, warm-started by CoordinateDescentPredictor fed by
RateCondensation: same answer as with the previous step's rate as guess (and as the backward-Euler
return map of the same material, regression/j2_viscoplasticity.i), in fewer Newton iterations.

The return map in rate form: the unknown is the flow rate gamma_dot; the flow direction is that of
the trial stress (exact for J2 with isotropic elasticity: the radial return), so

    eps_p = eps_p~1 + dt sqrt(2/3) gamma_dot N(sigma_trial),   ep = ep~1 + dt sqrt(2/3) gamma_dot,
    f(gamma_dot) = sqrt(2/3) (|sigma(eps - eps_p)|_vm - sigma_y - H ep),   r = gamma_dot - (<f> / eta)^n,

N = 3/2 dev / vm (AssociativeJ2FlowDirection; sqrt(2/3) N = df/dM, the gold's Normality).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import Scalar

REGRESSION = Path(__file__).resolve().parents[2] / "regression" / "j2_viscoplasticity.i"

_INPUT = """
nbatch = 4

[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 51, dtype=torch.float64).unsqueeze(-1).expand(51, ${nbatch}))'
  []
  [strains]
    type = Python
    expr = 'STRAINS'
  []
[]

[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
  []
[]

[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit_rate'
    unknowns = 'gamma_rate'
  []
[]

[Solvers]
  [newton]
    type = Newton
    linear_solver = 'lu'
    abs_tol = 1e-12
    rel_tol = 1e-12
  []
  [lu]
    type = DenseLU
  []
[]

[Models]
  [previous]
    type = ConstantExtrapolationPredictor
    unknowns_Scalar = 'gamma_rate'
  []
  [cd]
    type = CoordinateDescentPredictor
    rate_law = 'flow_rate'
    driving_force_input = 'yield_function'
    rate = 'gamma_rate'
  []
  [condensation]
    type = RateCondensation
    model = 'driving_force'
    rate = 'gamma_rate'
    driving_force = 'yield_function'
  []
  [trial_elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain~1'
    to = 'trial_elastic_strain'
    weights = '1 -1'
  []
  [trial_stress]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'trial_elastic_strain'
    stress = 'trial_stress'
  []
  [trial_mandel_stress]
    type = IsotropicMandelStress
    cauchy_stress = 'trial_stress'
    mandel_stress = 'trial_mandel_stress'
  []
  [direction]
    type = AssociativeJ2FlowDirection
    mandel_stress = 'trial_mandel_stress'
  []
  [eq_rate]
    type = ScalarLinearCombination
    from = 'gamma_rate'
    to = 'equivalent_plastic_strain_rate'
    weights = '0.816496580927726'
  []
  [Eprate]
    type = AssociativePlasticFlow
    flow_rate = 'equivalent_plastic_strain_rate'
  []
  [integrate_Ep]
    type = SR2ForwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [integrate_ep]
    type = ScalarForwardEulerTimeIntegration
    variable = 'equivalent_plastic_strain'
  []
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
  [elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain'
    to = 'elastic_strain'
    weights = '1 -1'
  []
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic_strain'
  []
  [mandel_stress]
    type = IsotropicMandelStress
    cauchy_stress = 'stress'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 5
    isotropic_hardening = 'isotropic_hardening'
  []
  [driving_force]
    type = ComposedModel
    models = 'DRIVING_FORCE'
  []
  [flow_rate]
    type = PerzynaPlasticFlowRate
    reference_stress = 100
    exponent = 2
  []
  [residual]
    type = ScalarLinearCombination
    from = 'gamma_rate flow_rate'
    to = 'gamma_rate_residual'
    weights = '1 -1'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'driving_force flow_rate residual'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
    predictor = 'PREDICTOR'
  []
  [model]
    type = ComposedModel
    models = 'MODELS'
    additional_outputs = 'gamma_rate plastic_strain equivalent_plastic_strain'
  []
[]
"""


# the regression case's strain histories (4 load paths, 50 steps)
_STRAINS = (
    "SR2(torch.linspace(0, 1, 51, dtype=torch.float64)[:, None, None]"
    " * torch.tensor([0.01, -0.005, -0.005, 0, 0, 0], dtype=torch.float64)"
    " * torch.tensor([1.0, 0.5, 2.0, -1.0], dtype=torch.float64)[None, :, None])"
)
_DRIVING_FORCE = (
    "trial_elastic_strain trial_stress trial_mandel_stress direction eq_rate Eprate integrate_Ep integrate_ep"
    " isoharden elastic_strain elasticity mandel_stress vonmises yield_fn"
)
_VOCE = """  [isoharden]
    type = VoceIsotropicHardening
    saturated_hardening = 50
    saturation_rate = 100
  []"""
_LINEAR = """  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []"""


def _factory(warm: bool, voce: bool = False) -> neml2.factory.InputFile:
    text = _INPUT.replace("STRAINS", _STRAINS).replace("DRIVING_FORCE", _DRIVING_FORCE)
    text = text.replace("PREDICTOR", "cd" if warm else "previous")
    if voce:
        assert _LINEAR in text
        text = text.replace(_LINEAR, _VOCE)
    post = "trial_elastic_strain trial_stress trial_mandel_stress direction eq_rate Eprate integrate_Ep integrate_ep"
    post += " elastic_strain elasticity"
    text = text.replace("MODELS", f"condensation return_map {post}" if warm else f"return_map {post}")
    return neml2.load_string(text)


def _run(warm: bool, voce: bool = False) -> tuple[dict[str, torch.Tensor], list[int]]:
    f = _factory(warm, voce)
    update = f.get_model("return_map")
    its: list[int] = []
    solve = update.solver.solve

    def counting(fn, x0):  # type: ignore[no-untyped-def]
        x, k = solve(fn, x0)
        its.append(k)
        return x, k

    update.solver.solve = counting
    d = f.get_driver("driver")
    assert d.run()
    return d.result(), its


def test_warm_start_same_answer_fewer_iterations() -> None:
    cold, cold_its = _run(False)
    warm, warm_its = _run(True)
    outs = [k for k in cold if k.startswith("output.")]
    assert outs
    for k in outs:
        torch.testing.assert_close(warm[k], cold[k], rtol=1e-9, atol=1e-12, msg=k)
    # every step no worse, and in all strictly fewer: the condensed J2 return map is linear in the rate
    # (trial flow direction, linear hardening), so the predictor's scalar root is the answer
    assert all(w <= c for w, c in zip(warm_its, cold_its))
    assert sum(warm_its) < sum(cold_its)
    assert max(warm_its) <= 1


def test_warm_start_nonlinear_hardening() -> None:
    """With Voce hardening f is nonlinear in the rate: the predictor's linearized root is a guess that
    Newton still refines, from closer than the previous step's rate."""
    cold, cold_its = _run(False, voce=True)
    warm, warm_its = _run(True, voce=True)
    for k in (k for k in cold if k.startswith("output.")):
        torch.testing.assert_close(warm[k], cold[k], rtol=1e-9, atol=1e-12, msg=k)
    assert max(warm_its) >= 1
    assert sum(warm_its) < sum(cold_its)


def test_rate_form_reproduces_the_backward_euler_return_map() -> None:
    """The rate form with the trial direction is the backward-Euler radial return of the documented J2
    case (regression/j2_viscoplasticity.i, plastic strains as unknowns), that solved tightly (its gold is
    solved at the default Newton tolerances, ~1e-5 off the converged answer at some steps)."""
    warm, _ = _run(True)
    f = neml2.load_input(REGRESSION, overrides=["Solvers/newton/abs_tol=1e-14", "Solvers/newton/rel_tol=1e-14"])
    d = f.get_driver("driver")
    assert d.run()
    tight = d.result()
    for name in ("stress", "plastic_strain", "equivalent_plastic_strain"):
        keys = [k for k in tight if k.startswith("output.") and k.endswith(f".{name}")]
        assert len(keys) == 50, name
        for k in keys:
            torch.testing.assert_close(warm[k], tight[k], rtol=1e-9, atol=1e-12, msg=k)


def test_condensation_and_warm_start_tangents() -> None:
    """The composed model differentiates through RateCondensation and the predicted ImplicitUpdate:
    d(stress)/d(strain) equals the one with the previous-step predictor, and the condensed coupling is
    the textbook (2/3) (3 G + H) dt (the sqrt(2/3) of f and of the flow both)."""
    torch.manual_seed(0)
    warm, cold = _factory(True).get_model("model"), _factory(False).get_model("model")
    n = 3
    ex = torch.tensor([0.01, -0.005, -0.005, 0, 0, 0], dtype=torch.float64) * torch.tensor([0.5, 1.0, 2.0])[:, None]
    state = {
        "strain": ex,
        "plastic_strain~1": torch.zeros(n, 6, dtype=torch.float64),
        "equivalent_plastic_strain~1": torch.zeros(n, dtype=torch.float64),
        "gamma_rate~1": torch.zeros(n, dtype=torch.float64),
        "t": torch.full((n,), 0.2, dtype=torch.float64),
        "t~1": torch.full((n,), 0.1, dtype=torch.float64),
    }
    yw, Jw = warm.jacobian({k: v for k, v in state.items() if k in warm.input_spec})
    yc, Jc = cold.jacobian({k: v for k, v in state.items() if k in cold.input_spec})
    for name in ("stress", "plastic_strain", "equivalent_plastic_strain"):
        torch.testing.assert_close(yw[name].data, yc[name].data, rtol=1e-10, atol=1e-12)
        torch.testing.assert_close(Jw[name]["strain"].data, Jc[name]["strain"].data, rtol=1e-8, atol=1e-8)
    cond = _factory(True).get_model("condensation")
    c, _ = cond.call_by_name({k: v for k, v in state.items() if k in cond.input_spec}).values()
    G = 1e5 / (2 * 1.3)
    torch.testing.assert_close(c.data, torch.full((n,), 2 / 3 * (3 * G + 1000) * 0.1, dtype=torch.float64))


@pytest.mark.parametrize("trial", [150.0, -20.0])
def test_scalar_predictor_root_and_implicit_tangent(trial: float) -> None:
    """rate = ((trial - c rate) / eta)^2 (Perzyna, n = 2): sqrt(rate) = (-eta + sqrt(eta^2 + 4 c trial)) / (2 c);
    its tangent is the implicit one, d rate / d trial = g' / (1 + c g'), g' = 2 sqrt(rate) / eta."""
    f = _factory(True)
    cd = f.get_model("cd")
    eta, c = 100.0, 50.0
    C = Scalar(torch.full((2,), c, dtype=torch.float64))
    T = Scalar(torch.full((2,), trial, dtype=torch.float64))
    seed = Scalar(torch.ones(1, 2, dtype=torch.float64), k_ndim=1)
    rate, v = cd(C, T, v={"trial_driving_force": {"T": seed}})
    if trial > 0:
        root = ((-eta + (eta**2 + 4 * c * trial) ** 0.5) / (2 * c)) ** 2
        gp = 2 * root**0.5 / eta
        slope = gp / (1 + c * gp)
    else:
        root, slope = 0.0, 0.0
    torch.testing.assert_close(rate.data, torch.full((2,), root, dtype=torch.float64), rtol=1e-13, atol=1e-14)
    torch.testing.assert_close(v["gamma_rate"]["T"].data[0], torch.full((2,), slope, dtype=torch.float64))
