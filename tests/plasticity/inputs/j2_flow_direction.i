# The model of j2_linear.i with the flow direction N = 3/2 dev M / vm(M) of AssociativeJ2FlowDirection
# (|N| = sqrt(3/2)) instead of the normality of the yield function: the flow rate is then the equivalent
# plastic strain rate itself (sqrt(2/3) times the flow rate of j2_linear.i); every other result is equal.
[Solvers]
  [newton]
    type = Newton
    linear_solver = 'lu'
    abs_tol = 1e-11
    rel_tol = 1e-14
    max_its = 40
  []
  [lu]
    type = DenseLU
  []
[]

[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit_rate'
    unknowns = 'plastic_strain equivalent_plastic_strain flow_rate'
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
  [yield_fn]
    type = YieldFunction
    yield_stress = 100
    isotropic_hardening = 'isotropic_hardening'
  []
  [flow_direction]
    type = AssociativeJ2FlowDirection
  []
  [consistency]
    type = FBComplementarity
    a = 'yield_function'
    b = 'flow_rate'
    complementarity = 'flow_rate_residual'
  []
  [eprate]
    type = ScalarLinearCombination
    from = 'flow_rate'
    to = 'equivalent_plastic_strain_rate'
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
  [implicit_rate]
    type = ComposedModel
    models = 'isoharden elastic_strain elasticity mandel_stress vonmises yield_fn flow_direction consistency eprate Eprate integrate_ep integrate_Ep'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map elastic_strain elasticity'
    additional_outputs = 'plastic_strain equivalent_plastic_strain'
  []
[]
