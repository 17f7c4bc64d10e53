"""Stress as the implicit unknown (rate-form elasticity + SR2BackwardEulerTimeIntegration on stress)
against the strain-based formulation (plastic strain unknown, stress from the elastic strain).

Both formulations are backward Euler on the same equations, so their step solutions agree to the
Newton tolerance: J2 viscoplasticity (Perzyna; linear and Voce isotropic hardening) and Chaboche
(two back stresses with static recovery), at 4 strain rates in one batch.

The solves stop on absolute residual norms (``rel_tol = 0``), in each formulation's own units: from a
zero guess the strain-based residual starts at the huge viscous rate of the elastic trial state, so a
criterion relative to it (``rel_tol = 1e-12``) stops ~1e-3 MPa short of the root at the slowest rate.
"""

from __future__ import annotations

import pytest
import torch

import neml2

NSTEP = 41

# end times 0.02 / rate for 4 strain rates; a multiaxial strain path out and back along sin(0..3)
_TIMES = (
    "Scalar(torch.linspace(0, 1, {n}, dtype=torch.float64)[:, None] * 0.02"
    " / torch.tensor([1e-3, 1e-2, 1e-1, 1.0], dtype=torch.float64)[None, :])"
)
_STRAINS = (
    "SR2((torch.sin(torch.linspace(0, 3.0, {n}, dtype=torch.float64))[:, None, None]"
    " * torch.tensor([0.02, -0.008, -0.006, 0.004, 0.0, 0.003], dtype=torch.float64)).expand({n}, 4, 6))"
)

_COMMON = """
[Tensors]
  [times]
    type = Python
    expr = '{times}'
  []
  [strains]
    type = Python
    expr = '{strains}'
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
[Solvers]
  [newton]
    type = Newton
    linear_solver = 'lu'
    rel_tol = 0
    abs_tol = {abs_tol}
    max_its = 50
  []
  [lu]
    type = DenseLU
  []
[]
"""

_MATERIAL = """
  [mandel_stress]
    type = IsotropicMandelStress
    cauchy_stress = 'stress'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = '{overstress}'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 120
    isotropic_hardening = 'isotropic_hardening'
  []
  [flow]
    type = ComposedModel
    models = '{flow} vonmises yield_fn'
  []
  [normality]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress isotropic_hardening'
    to = 'flow_direction isotropic_hardening_direction'
  []
  [flow_rate]
    type = PerzynaPlasticFlowRate
    reference_stress = 80
    exponent = 4
  []
  [eprate]
    type = AssociativeIsotropicPlasticHardening
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [integrate_ep]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'equivalent_plastic_strain'
  []
"""

_HARDENING = {
    "linear": """
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 2500
  []
""",
    "voce": """
  [isoharden]
    type = VoceIsotropicHardening
    saturated_hardening = 90
    saturation_rate = 15
  []
""",
    "chaboche": """
  [isoharden]
    type = VoceIsotropicHardening
    saturated_hardening = 40
    saturation_rate = 8
  []
  [back_stress]
    type = SR2LinearCombination
    from = 'X1 X2'
    to = 'back_stress'
    weights = '1 1'
  []
  [overstress]
    type = SR2LinearCombination
    from = 'mandel_stress back_stress'
    to = 'overstress'
    weights = '1 -1'
  []
  [X1rate]
    type = ChabochePlasticHardening
    back_stress = 'X1'
    C = 40000
    g = 400
    A = 1e-4
    a = 2.5
  []
  [X2rate]
    type = ChabochePlasticHardening
    back_stress = 'X2'
    C = 3000
    g = 15
    A = 2e-5
    a = 3
  []
  [integrate_X1]
    type = SR2BackwardEulerTimeIntegration
    variable = 'X1'
  []
  [integrate_X2]
    type = SR2BackwardEulerTimeIntegration
    variable = 'X2'
  []
""",
}

_ELASTIC = """
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1.5e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic_strain'
    {rate}
  []
"""

# strain-based: the plastic strain is the unknown, stress follows from the elastic strain
_STRAIN_BASED = """
  [elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain'
    to = 'elastic_strain'
    weights = '1 -1'
  []
  [integrate_Ep]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'elastic_strain elasticity {leaves} integrate_Ep'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map elastic_strain elasticity'
    additional_outputs = 'plastic_strain {unknowns}'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit_rate'
    unknowns = 'plastic_strain {unknowns}'
  []
[]
"""

# stress-based, in the documented style: stress_rate = C : (strain_rate - plastic_strain_rate)
_STRESS_BASED = """
  [Erate]
    type = SR2VariableRate
    variable = 'strain'
  []
  [Eerate]
    type = SR2LinearCombination
    from = 'strain_rate plastic_strain_rate'
    to = 'elastic_strain_rate'
    weights = '1 -1'
  []
  [integrate_stress]
    type = SR2BackwardEulerTimeIntegration
    variable = 'stress'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'Erate Eerate elasticity {leaves} integrate_stress'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map'
    additional_outputs = '{unknowns}'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit_rate'
    unknowns = 'stress {unknowns}'
  []
[]
"""


def _input(case: str, stress_unknown: bool) -> str:
    kin = case == "chaboche"
    leaves = "isoharden mandel_stress vonmises yield_fn normality flow_rate eprate Eprate integrate_ep"
    if kin:
        leaves = (
            "isoharden mandel_stress back_stress overstress vonmises yield_fn normality flow_rate eprate Eprate "
            "X1rate X2rate integrate_ep integrate_X1 integrate_X2"
        )
    unknowns = "equivalent_plastic_strain" + (" X1 X2" if kin else "")
    material = _MATERIAL.format(overstress="overstress" if kin else "mandel_stress", flow="overstress" if kin else "")
    elastic = _ELASTIC.format(rate="rate_form = true" if stress_unknown else "")
    tail = (_STRESS_BASED if stress_unknown else _STRAIN_BASED).format(leaves=leaves, unknowns=unknowns)
    # residuals in MPa (stress unknown) or strain units (plastic strain unknown; with back stresses, in MPa too)
    abs_tol = "1e-10" if stress_unknown else ("1e-11" if kin else "1e-13")
    return (
        _COMMON.format(times=_TIMES.format(n=NSTEP), strains=_STRAINS.format(n=NSTEP), abs_tol=abs_tol)
        + "[Models]\n"
        + _HARDENING[case]
        + material
        + elastic
        + tail
    )


def _run(case: str, stress_unknown: bool) -> dict:
    driver = neml2.load_string(_input(case, stress_unknown)).get_driver("driver")
    driver.run()
    return driver.result()


def _history(res: dict, name: str) -> torch.Tensor:
    steps = sorted(int(k.split(".")[1]) for k in res if k.startswith("output.") and k.endswith("." + name))
    return torch.stack([torch.as_tensor(res[f"output.{i}.{name}"]) for i in steps])


@pytest.mark.parametrize("case", ["linear", "voce", "chaboche"])
def test_stress_unknown_matches_strain_based(case: str) -> None:
    a, b = _run(case, stress_unknown=False), _run(case, stress_unknown=True)
    names = ["stress", "equivalent_plastic_strain"] + (["X1", "X2"] if case == "chaboche" else [])
    for name in names:
        ha, hb = _history(a, name), _history(b, name)
        assert ha.shape == hb.shape and ha.shape[0] >= NSTEP - 1
        scale = ha.abs().max()
        assert scale > 0
        torch.testing.assert_close(hb, ha, rtol=0, atol=1e-8 * float(scale))
    # the path yields at every rate, and faster loading (higher viscous overstress) stresses more
    ep = _history(a, "equivalent_plastic_strain")[-1].reshape(-1)
    assert (ep > 1e-4).all()
    peak = _history(a, "stress")[..., 0].abs().amax(0).reshape(-1)
    assert (peak.diff() > 0).all()
