# KelvinVoigtElement: sigma = E eps + eta eps_dot, E = 1000, eta = 50, the strain named 'eps' (so its
# rate is read from 'eps_rate'):
# eps = (0.01, -0.002, 0.004, 0.001, 0, -0.003), eps_dot = (0.2, 0.1, -0.4, 0, 0.06, 0.02)
# E eps = (10, -2, 4, 1, 0, -3), eta eps_dot = (10, 5, -20, 0, 3, 1) -> sigma = (20, 3, -16, 1, 3, -2)
[Models]
  [model]
    type = KelvinVoigtElement
    strain = 'eps'
    modulus = 1000
    viscosity = 50
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
    batch_shape = '(3,2)'
    input_SR2_names = 'eps eps_rate'
    input_SR2_values = '0.01 -0.002 0.004 0.001 0 -0.003; 0.2 0.1 -0.4 0 0.06 0.02'
    output_SR2_names = 'stress'
    output_SR2_values = '20 3 -16 1 3 -2'
  []
[]
