# Perzyna viscoplasticity with Chaboche kinematic hardening plus power-law static recovery of the back
# stress, and slope-saturation Voce isotropic hardening plus power-law static recovery of k:
#   gamma_dot = (<f>/eta)^n,  f = sqrt(2/3) (vm(M - X) - sigma_y - k),  Ep_dot = gamma_dot N
#   X_dot = (2/3 C N - g X) gamma_dot - A s^(a-1) X - (s/tau_X)^(n_X-1) X/tau_X
#   k_dot = theta0 (1 - k/R) gamma_dot - (|k|/tau_k)^(n_k-1) k/tau_k
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
    unknowns = 'plastic_strain back_stress isotropic_hardening'
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
    isotropic_hardening = 'isotropic_hardening'
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
  [flow_rate]
    type = PerzynaPlasticFlowRate
    reference_stress = 150
    exponent = 4
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [X_hardening]
    type = ChabochePlasticHardening
    C = 20000
    g = 100
    A = 1e-6
    a = 2.5
    back_stress_rate = 'back_stress_rate_flow'
  []
  [X_recovery]
    type = PowerLawKinematicHardeningStaticRecovery
    tau = 400
    n = 2
    back_stress_rate = 'back_stress_rate_recovery'
  []
  [X_rate]
    type = SR2LinearCombination
    from = 'back_stress_rate_flow back_stress_rate_recovery'
    to = 'back_stress_rate'
  []
  [k_hardening]
    type = SlopeSaturationVoceIsotropicHardening
    saturated_hardening = 60
    initial_hardening_rate = 5000
    isotropic_hardening_rate = 'k_rate_flow'
  []
  [k_recovery]
    type = PowerLawIsotropicHardeningStaticRecovery
    tau = 300
    n = 3
    isotropic_hardening_rate = 'k_rate_recovery'
  []
  [k_rate]
    type = ScalarLinearCombination
    from = 'k_rate_flow k_rate_recovery'
    to = 'isotropic_hardening_rate'
  []
  [integrate_Ep]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [integrate_X]
    type = SR2BackwardEulerTimeIntegration
    variable = 'back_stress'
  []
  [integrate_k]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'isotropic_hardening'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'elastic_strain elasticity mandel_stress overstress vonmises yield_fn normality flow_rate Eprate X_hardening X_recovery X_rate k_hardening k_recovery k_rate integrate_Ep integrate_X integrate_k'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
  [model]
    type = ComposedModel
    models = 'return_map elastic_strain elasticity'
    additional_outputs = 'plastic_strain back_stress isotropic_hardening'
  []
[]
