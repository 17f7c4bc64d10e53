# IsotropicMandelStress: M = sigma, sigma = (100, -50, 30, 20, -10, 40)
[Models]
  [model]
    type = IsotropicMandelStress
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    input_SR2_names = 'cauchy_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_SR2_names = 'mandel_stress'
    output_SR2_values = '100 -50 30 20 -10 40'
    check_second_derivatives = true
  []
[]
