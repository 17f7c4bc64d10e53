# LinearDashpot: eps_v_dot = sigma / eta, eta = 200,
# sigma = (10, -4, 6, 2, 0, -8) -> eps_v_dot = (0.05, -0.02, 0.03, 0.01, 0, -0.04)
[Models]
  [model]
    type = LinearDashpot
    viscosity = 200
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_SR2_names = 'stress'
    input_SR2_values = '10 -4 6 2 0 -8'
    output_SR2_names = 'viscous_strain_rate'
    output_SR2_values = '0.05 -0.02 0.03 0.01 0 -0.04'
  []
[]
