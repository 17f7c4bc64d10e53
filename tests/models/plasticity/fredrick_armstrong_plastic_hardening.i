# FredrickArmstrongPlasticHardening: X_dot = (2/3 C N - g X) gamma_dot, C = 1000, g = 10, gamma_dot = 0.2,
# N = (0.8, -0.4, -0.4, 0.1, 0, 0.2), X = (20, -10, -10, 5, -3, 4):
# X_dot = (66.66666666666667, -33.333333333333336, -33.333333333333336, 3.3333333333333344, 6, 18.666666666666668)
[Models]
  [model]
    type = FredrickArmstrongPlasticHardening
    C = 1000
    g = 10
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
    input_Scalar_names = 'flow_rate'
    input_Scalar_values = '0.2'
    input_SR2_names = 'flow_direction back_stress'
    input_SR2_values = '0.8 -0.4 -0.4 0.1 0 0.2; 20 -10 -10 5 -3 4'
    output_SR2_names = 'back_stress_rate'
    output_SR2_values = '66.66666666666667 -33.333333333333336 -33.333333333333336 3.3333333333333344 6 18.666666666666668'
    check_second_derivatives = true
  []
[]
