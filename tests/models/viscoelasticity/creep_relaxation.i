# Transient viscoelastic responses through the composition of viscoelasticity.md (element closure +
# SR2BackwardEulerTimeIntegration + NonlinearSystem + ImplicitUpdate/Newton + a fresh closure for
# the post-solve stress), advanced by TransientDriver; checked by test_creep_relaxation.py.
#
# [relaxation]: a ZenerElement held at a constant strain eps0 from t = 0 (stress relaxation of
#   the standard linear solid; E_inf = 0 would be the Maxwell relaxation).
# [creep]: a KelvinVoigtElement under a constant stress sigma0 from t = 0 (Kelvin-Voigt creep); the
#   unknown is the strain itself, its rate from SR2VariableRate, the residual sigma - sigma0.
# [wiechert_relaxation], [burgers_relaxation]: the same wiring with the closure swapped for a
#   WiechertElement / BurgersElement (two viscous strains, two residuals, one Newton solve).
#
# [unit]: one residual evaluation of the Zener implicit model (E_inf = 1000, E_M = 2000, eta_M = 1000)
#   at t = 0.5, t~1 = 0.48 (dt = 0.02):
#   eps = (0.01, -0.004, 0.002, 0.003, 0, -0.001), eps_v = (0.004, -0.001, 0.003, 0.001, 0.002, 0),
#   eps_v~1 = (0.002, 0, 0.001, 0, 0.001, 0.001)
#   E_M (eps - eps_v) = 2000 (0.006, -0.003, -0.001, 0.002, -0.002, -0.001) = (12, -6, -2, 4, -4, -2)
#   sigma = E_inf eps + E_M (eps - eps_v) = (10+12, -4-6, 2-2, 3+4, 0-4, -1-2) = (22, -10, 0, 7, -4, -3)
#   eps_v_dot (consumed inside) = (12, -6, -2, 4, -4, -2) / 1000 = (0.012, -0.006, -0.002, 0.004, -0.004, -0.002)
#   r = eps_v - eps_v~1 - dt eps_v_dot = (0.002, -0.001, 0.002, 0.001, 0.001, -0.001)
#       - (0.00024, -0.00012, -0.00004, 0.00008, -0.00008, -0.00004)
#     = (0.00176, -0.00088, 0.00204, 0.00092, 0.00108, -0.00096)
nbatch = 3
nstep = 100

[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 2, ${nstep} + 1, dtype=torch.float64).unsqueeze(-1).expand(${nstep} + 1, ${nbatch}))'
  []
  [held_strain]
    type = Python
    expr = 'SR2(torch.ones(${nstep} + 1, 1, 1, dtype=torch.float64) * torch.tensor([0.01, -0.004, 0.002, 0.003, 0.0, -0.001], dtype=torch.float64) * torch.tensor([1.0, -0.5, 2.0], dtype=torch.float64)[None, :, None])'
  []
  [held_stress]
    type = Python
    expr = 'SR2(torch.ones(${nstep} + 1, 1, 1, dtype=torch.float64) * torch.tensor([20.0, -8.0, 4.0, 6.0, 0.0, -2.0], dtype=torch.float64) * torch.tensor([1.0, -0.5, 2.0], dtype=torch.float64)[None, :, None])'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'zener_implicit_rate'
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_SR2_names = 'strain viscous_strain viscous_strain~1'
    input_SR2_values = '0.01 -0.004 0.002 0.003 0 -0.001; 0.004 -0.001 0.003 0.001 0.002 0; 0.002 0 0.001 0 0.001 0.001'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '0.5 0.48'
    output_SR2_names = 'stress viscous_strain_residual'
    output_SR2_values = '22 -10 0 7 -4 -3; 0.00176 -0.00088 0.00204 0.00092 0.00108 -0.00096'
  []
  [relaxation]
    type = TransientDriver
    model = 'zener_model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'held_strain'
  []
  [creep]
    type = TransientDriver
    model = 'kv_model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'applied_stress'
    prescribed_SR2_values = 'held_stress'
  []
  [wiechert_relaxation]
    type = TransientDriver
    model = 'wiechert_model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'held_strain'
  []
  [burgers_relaxation]
    type = TransientDriver
    model = 'burgers_model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'held_strain'
  []
[]

[Solvers]
  [newton]
    type = Newton
    abs_tol = 1e-14
    rel_tol = 1e-12
    linear_solver = 'lu'
  []
  [lu]
    type = DenseLU
  []
[]

[EquationSystems]
  [zener_system]
    type = NonlinearSystem
    model = 'zener_implicit_rate'
    unknowns = 'viscous_strain'
  []
  [kv_system]
    type = NonlinearSystem
    model = 'kv_implicit_rate'
    unknowns = 'strain'
  []
  [wiechert_system]
    type = NonlinearSystem
    model = 'wiechert_implicit_rate'
    unknowns = 'viscous_strain_1 viscous_strain_2'
  []
  [burgers_system]
    type = NonlinearSystem
    model = 'burgers_implicit_rate'
    unknowns = 'maxwell_viscous_strain kelvin_voigt_strain'
  []
[]

[Models]
  # ---- relaxation: the documented Zener example
  [zener]
    type = ZenerElement
    equilibrium_modulus = 1000
    maxwell_modulus = 2000
    maxwell_viscosity = 1000
  []
  [integrate_Ev]
    type = SR2BackwardEulerTimeIntegration
    variable = 'viscous_strain'
  []
  [zener_implicit_rate]
    type = ComposedModel
    models = 'zener integrate_Ev'
  []
  [zener_predictor]
    type = ConstantExtrapolationPredictor
    unknowns_SR2 = 'viscous_strain'
  []
  [zener_update]
    type = ImplicitUpdate
    equation_system = 'zener_system'
    solver = 'newton'
    predictor = 'zener_predictor'
  []
  [zener_model]
    type = ComposedModel
    models = 'zener_update zener'
    additional_outputs = 'viscous_strain'
  []

  # ---- creep: Kelvin-Voigt under a held stress
  [strain_rate]
    type = SR2VariableRate
    variable = 'strain'
  []
  [kelvin_voigt]
    type = KelvinVoigtElement
    modulus = 1000
    viscosity = 500
  []
  [stress_residual]
    type = SR2LinearCombination
    from = 'stress applied_stress'
    to = 'strain_residual'
    weights = '1 -1'
  []
  [kv_implicit_rate]
    type = ComposedModel
    models = 'strain_rate kelvin_voigt stress_residual'
  []
  [kv_update]
    type = ImplicitUpdate
    equation_system = 'kv_system'
    solver = 'newton'
  []
  [kv_model]
    type = ComposedModel
    models = 'kv_update strain_rate kelvin_voigt'
    additional_outputs = 'strain'
  []

  # ---- relaxation of a two-branch generalized Maxwell (Wiechert) model
  [wiechert]
    type = WiechertElement
    equilibrium_modulus = 500
    modulus_1 = 1000
    viscosity_1 = 100
    modulus_2 = 3000
    viscosity_2 = 6000
  []
  [integrate_Ev1]
    type = SR2BackwardEulerTimeIntegration
    variable = 'viscous_strain_1'
  []
  [integrate_Ev2]
    type = SR2BackwardEulerTimeIntegration
    variable = 'viscous_strain_2'
  []
  [wiechert_implicit_rate]
    type = ComposedModel
    models = 'wiechert integrate_Ev1 integrate_Ev2'
  []
  [wiechert_update]
    type = ImplicitUpdate
    equation_system = 'wiechert_system'
    solver = 'newton'
  []
  [wiechert_model]
    type = ComposedModel
    models = 'wiechert_update wiechert'
    additional_outputs = 'viscous_strain_1 viscous_strain_2'
  []

  # ---- relaxation of a Burgers model (Maxwell branch in series with a Kelvin-Voigt block)
  [burgers]
    type = BurgersElement
    maxwell_modulus = 2000
    maxwell_viscosity = 4000
    kelvin_modulus = 500
    kelvin_viscosity = 250
  []
  [integrate_EvM]
    type = SR2BackwardEulerTimeIntegration
    variable = 'maxwell_viscous_strain'
  []
  [integrate_EK]
    type = SR2BackwardEulerTimeIntegration
    variable = 'kelvin_voigt_strain'
  []
  [burgers_implicit_rate]
    type = ComposedModel
    models = 'burgers integrate_EvM integrate_EK'
  []
  [burgers_update]
    type = ImplicitUpdate
    equation_system = 'burgers_system'
    solver = 'newton'
  []
  [burgers_model]
    type = ComposedModel
    models = 'burgers_update burgers'
    additional_outputs = 'maxwell_viscous_strain kelvin_voigt_strain'
  []
[]
