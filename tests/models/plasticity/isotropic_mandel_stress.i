# IsotropicMandelStress: M = sigma, sigma = (100, -50, 30, 20, -10, 40)
[Models]
  [model]
    type = IsotropicMandelStress
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
    batch_shape = '(3,)'
    input_SR2_names = 'cauchy_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_SR2_names = 'mandel_stress'
    output_SR2_values = '100 -50 30 20 -10 40'
    check_second_derivatives = true
  []
[]
