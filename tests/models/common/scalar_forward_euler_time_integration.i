# ScalarForwardEulerTimeIntegration: x = x~1 + (t - t~1) x_rate = 1.5 + (1.3 - 1.0) 1.2 = 1.86
[Models]
  [model]
    type = ScalarForwardEulerTimeIntegration
    variable = 'x'
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
    input_Scalar_names = 'x~1 t t~1 x_rate'
    input_Scalar_values = '1.5 1.3 1.0 1.2'
    output_Scalar_names = 'x'
    output_Scalar_values = '1.86'
    check_second_derivatives = true
  []
[]
