# Rate-independent J2 plasticity with Frederick-Armstrong kinematic hardening X_dot = (2/3 C N - g X) gamma_dot;
# the flow rate is fixed by the FB consistency conditions.  E = 1e5, nu = 0.3, sigma_y = 100, C = 20000,
# g = 100: the saturated back stress has |X| = 2/3 C/g and von Mises norm sqrt(2/3) C/g = 163.299...
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
    unknowns = 'plastic_strain back_stress flow_rate'
  []
[]

[Models]
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
  [overstress]
    type = SR2LinearCombination
    from = 'mandel_stress back_stress'
    to = 'overstress'
    weights = '1 -1'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'overstress'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 100
  []
  [flow]
    type = ComposedModel
    models = 'overstress vonmises yield_fn'
  []
  [normality]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress'
    to = 'flow_direction'
  []
  [consistency]
    type = FBComplementarity
    a = 'yield_function'
    b = 'flow_rate'
    complementarity = 'flow_rate_residual'
  []
  [Xrate]
    type = FredrickArmstrongPlasticHardening
    C = 20000
    g = 100
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [integrate_back_stress]
    type = SR2BackwardEulerTimeIntegration
    variable = 'back_stress'
  []
  [integrate_plastic_strain]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'elastic_strain elasticity mandel_stress overstress vonmises yield_fn normality consistency Xrate Eprate integrate_back_stress integrate_plastic_strain'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map elastic_strain elasticity'
    additional_outputs = 'plastic_strain back_stress'
  []
[]
