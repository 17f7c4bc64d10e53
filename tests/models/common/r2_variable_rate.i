# R2VariableRate: rate = (F - F~1) / (t - t~1), t - t~1 = 3 - 2.5 = 0.5, default names
# F = [[1.1, 0.2, 0], [0, 0.9, 0.1], [0.05, 0, 1]], F~1 = I: rate = 2 (F - I) = [[0.2, 0.4, 0], [0, -0.2, 0.2], [0.1, 0, 0]]
[Models]
  [model]
    type = R2VariableRate
    variable = 'F'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(2,3)'
    input_R2_names = 'F F~1'
    input_R2_values = '1.1 0.2 0 0 0.9 0.1 0.05 0 1; 1 0 0 0 1 0 0 0 1'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '3 2.5'
    output_R2_names = 'F_rate'
    output_R2_values = '0.2 0.4 0 0 -0.2 0.2 0.1 0 0'
    check_second_derivatives = true
  []
[]
