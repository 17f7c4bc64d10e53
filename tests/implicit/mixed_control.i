# Uniaxial stress by mixed control: eps_11 prescribed, all other stress components zero.
nstep = 11
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, ${nstep}, dtype=torch.float64).unsqueeze(-1).expand(${nstep}, 3))'
  []
  [control]
    type = Python
    expr = 'SR2(torch.tensor([0.0, 1, 1, 1, 1, 1], dtype=torch.float64).expand(${nstep}, 3, 6))'
  []
  [fixed]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, ${nstep}, dtype=torch.float64)[:, None, None] * torch.tensor([0.02, 0, 0, 0, 0, 0], dtype=torch.float64) * torch.tensor([0.1, 1.0, 2.0], dtype=torch.float64)[None, :, None])'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'control fixed_values'
    prescribed_SR2_values = 'control fixed'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'rate'
    unknowns = 'mixed_state plastic_strain equivalent_plastic_strain'
    residuals = 'stress_residual plastic_strain_residual equivalent_plastic_strain_residual'
  []
[]
[Solvers]
  [newton]
    type = NewtonWithLineSearch
    linear_solver = 'lu'
    abs_tol = 1e-12
    rel_tol = 1e-12
  []
  [lu]
    type = DenseLU
  []
[]
[Models]
  [mixed]
    type = MixedControlSetup
    control = 'control'
    x_above = 'fixed_values'
    x_below = 'mixed_state'
    y = 'target_stress'
    z = 'strain'
  []
  [stress_residual]
    type = SR2LinearCombination
    from = 'stress target_stress'
    to = 'stress_residual'
    weights = '1e-3 -1e-3'
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
    yield_stress = 300
    isotropic_hardening = 'isotropic_hardening'
  []
  [flow]
    type = ComposedModel
    models = 'vonmises yield_fn'
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
    reference_stress = 100
    exponent = 2
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
  [integrate_Ep]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [rate]
    type = ComposedModel
    models = 'mixed stress_residual isoharden elastic_strain elasticity mandel_stress vonmises yield_fn normality flow_rate eprate Eprate integrate_ep integrate_Ep'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'update mixed elastic_strain elasticity'
    additional_outputs = 'strain mixed_state plastic_strain equivalent_plastic_strain'
  []
[]
