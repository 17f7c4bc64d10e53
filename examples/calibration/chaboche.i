# Model and loading for the calibration example (calibrate.py).
#
# Small-strain J2 viscoplasticity, units MPa and s:
#   sigma = C : (eps - eps_p)                          linear isotropic elasticity (E, nu)
#   X = X1 + X2,  f = vm(sigma - X) - sigma_y - R(ep)  von Mises yield function, Voce R = R_s (1 - exp(-b ep))
#   gamma_dot = (<f> / eta)^n                          Perzyna flow rule
#   eps_p_dot = gamma_dot N,  ep_dot = gamma_dot       associative flow, N = df/dsigma
#   Xi_dot = (2/3 C_i N - g_i Xi) gamma_dot            two Chaboche (Armstrong-Frederick) back stresses
# Backward Euler in time, Newton per material point (ImplicitUpdate), started from a linear
# extrapolation of the last two steps. The parameter values below are the "true" ones of the example.
#
# Loading: uniaxial stress by mixed control. eps_11 follows a triangle wave 0 -> +a -> -a -> +a -> ...
# (nquarter quarter cycles, nsub steps each); the other stress components are held at zero (their
# strains are unknowns of the implicit system). The batch holds one material point per strain rate
# (1e-4, 1e-3, 1e-2 /s) and amplitude a (0.5 %, 1 %), rate-major; each point's time axis is scaled so
# that its strain rate is constant.
nsub = 10
nquarter = 5

[Tensors]
  [rates]
    type = Python
    expr = 'Scalar(torch.tensor([1e-4, 1e-3, 1e-2], dtype=torch.float64).repeat_interleave(2))'
  []
  [amplitudes]
    type = Python
    expr = 'Scalar(torch.tensor([0.005, 0.01], dtype=torch.float64).repeat(3))'
  []
  [phase]
    type = Python
    expr = 'Scalar(torch.linspace(0, ${nquarter} * math.pi / 2, ${nquarter} * ${nsub} + 1, dtype=torch.float64)[:, None])'
  []
  [times]
    type = Python
    expr = 'Scalar(phase.data * 2 / math.pi * amplitudes.data / rates.data)'
  []
  # 0: strain-controlled component, 1: stress-controlled component
  [control]
    type = Python
    expr = 'SR2(torch.tensor([0.0, 1, 1, 1, 1, 1], dtype=torch.float64).expand(*times.data.shape, 6))'
  []
  # eps_11 on the triangle wave; zero target stress elsewhere
  [targets]
    type = Python
    expr = 'SR2.fill(amplitudes.data * 2 / math.pi * torch.asin(torch.sin(phase.data)), torch.zeros(()), torch.zeros(()))'
  []
[]

[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'control fixed_values'
    prescribed_SR2_values = 'control targets'
    show_progress = false
  []
[]

[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'rate'
    unknowns = 'mixed_state plastic_strain equivalent_plastic_strain X1 X2'
    residuals = 'stress_residual plastic_strain_residual equivalent_plastic_strain_residual X1_residual X2_residual'
  []
[]

[Solvers]
  [newton]
    type = Newton
    linear_solver = 'lu'
    abs_tol = 1e-10
    rel_tol = 1e-12
  []
  [lu]
    type = DenseLU
  []
[]

[Models]
  # loading: strain-controlled 11 component, stress-free otherwise
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
  # material
  [elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain'
    to = 'elastic_strain'
    weights = '1 -1'
  []
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic_strain'
  []
  [mandel_stress]
    type = IsotropicMandelStress
    cauchy_stress = 'stress'
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
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'overstress'
    invariant = 'effective_stress'
  []
  [isoharden]
    type = VoceIsotropicHardening
    saturated_hardening = 50
    saturation_rate = 10
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 150
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
    from = 'mandel_stress isotropic_hardening'
    to = 'flow_direction isotropic_hardening_direction'
  []
  [flow_rate]
    type = PerzynaPlasticFlowRate
    reference_stress = 150
    exponent = 5
  []
  [eprate]
    type = AssociativeIsotropicPlasticHardening
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [X1rate]
    type = ChabochePlasticHardening
    back_stress = 'X1'
    C = 25000
    g = 250
    A = 0
    a = 1
  []
  [X2rate]
    type = ChabochePlasticHardening
    back_stress = 'X2'
    C = 4000
    g = 20
    A = 0
    a = 1
  []
  # time integration and the implicit update
  [integrate_ep]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'equivalent_plastic_strain'
  []
  [integrate_Ep]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
  []
  [integrate_X1]
    type = SR2BackwardEulerTimeIntegration
    variable = 'X1'
  []
  [integrate_X2]
    type = SR2BackwardEulerTimeIntegration
    variable = 'X2'
  []
  [rate]
    type = ComposedModel
    models = 'mixed stress_residual elastic_strain elasticity mandel_stress back_stress overstress vonmises isoharden
              yield_fn normality flow_rate eprate Eprate X1rate X2rate integrate_ep integrate_Ep integrate_X1 integrate_X2'
  []
  [predictor]
    type = LinearExtrapolationPredictor
    unknowns_SR2 = 'mixed_state plastic_strain X1 X2'
    unknowns_Scalar = 'equivalent_plastic_strain'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
    predictor = 'predictor'
  []
  [model]
    type = ComposedModel
    models = 'update mixed elastic_strain elasticity'
    additional_outputs = 'strain mixed_state plastic_strain equivalent_plastic_strain X1 X2'
  []
[]
