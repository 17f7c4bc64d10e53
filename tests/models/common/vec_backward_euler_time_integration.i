# VecBackwardEulerTimeIntegration: r = x - x~1 - (t - t~1) x_rate, t - t~1 = 0.25
# x = (1, -2, 0.5), x~1 = (0.8, -1.5, 0.5), x_rate = (0.4, -4, 2): 0.25 x_rate = (0.1, -1, 0.5)
# r = (0.2 - 0.1, -0.5 + 1, 0 - 0.5) = (0.1, 0.5, -0.5)
[Models]
  [model]
    type = VecBackwardEulerTimeIntegration
    variable = 'x'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(2,)'
    check_second_derivatives = true
    input_Vec_names = 'x x~1 x_rate'
    input_Vec_values = '1 -2 0.5; 0.8 -1.5 0.5; 0.4 -4 2'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '1.25 1'
    output_Vec_names = 'x_residual'
    output_Vec_values = '0.1 0.5 -0.5'
  []
[]
