# Rate-independent porous (GTN) plasticity: f = (se/sf)^2 + 2 q1 phi cosh(q2 tr(M) / (2 sf)) - (1 + q3 phi^2),
# sf = sigma_y + k, k = H ep; associative flow Ep_dot = gamma_dot df/dM, ep_dot = -gamma_dot df/dk, void
# growth phi_dot = (1 - phi) tr(Ep_dot); FB consistency conditions.
# E = 1e5, nu = 0.3, sigma_y = 100, H = 2000, q1 = 1.5, q2 = 1, q3 = 2.25.
[Solvers]
  [newton]
    type = Newton
    linear_solver = 'lu'
    abs_tol = 1e-11
    rel_tol = 1e-14
    max_its = 60
  []
  [lu]
    type = DenseLU
  []
[]

[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit_rate'
    unknowns = 'plastic_strain equivalent_plastic_strain void_fraction flow_rate'
  []
[]

[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 2000
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
  [trace]
    type = SR2Invariant
    invariant_type = 'I1'
    tensor = 'mandel_stress'
    invariant = 'first_invariant'
  []
  [yield_fn]
    type = GTNYieldFunction
    flow_invariant = 'effective_stress'
    poro_invariant = 'first_invariant'
    isotropic_hardening = 'isotropic_hardening'
    yield_stress = 100
    q1 = 1.5
    q2 = 1.0
    q3 = 2.25
  []
  [flow]
    type = ComposedModel
    models = 'vonmises trace yield_fn'
  []
  [normality]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress isotropic_hardening'
    to = 'flow_direction isotropic_hardening_direction'
  []
  [consistency]
    type = FBComplementarity
    a = 'yield_function'
    b = 'flow_rate'
    complementarity = 'flow_rate_residual'
  []
  [eprate]
    type = AssociativeIsotropicPlasticHardening
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [cavitation]
    type = GursonCavitation
  []
  [integrate_ep]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'equivalent_plastic_strain'
  []
  [integrate_phi]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'void_fraction'
  []
  [integrate_Ep]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'isoharden elastic_strain elasticity mandel_stress vonmises trace yield_fn normality consistency eprate Eprate cavitation integrate_ep integrate_phi integrate_Ep'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map elastic_strain elasticity'
    additional_outputs = 'plastic_strain equivalent_plastic_strain void_fraction'
  []
[]
