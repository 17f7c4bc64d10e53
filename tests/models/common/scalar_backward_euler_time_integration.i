# ScalarBackwardEulerTimeIntegration: r = x - x~1 - (t - t~1) x_rate
# x = 2, x~1 = 1.5, t = 1.3, t~1 = 1.0, x_rate = 1.2: r = 0.5 - 0.3 * 1.2 = 0.14
[Models]
  [model]
    type = ScalarBackwardEulerTimeIntegration
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
    input_Scalar_names = 'x x~1 t t~1 x_rate'
    input_Scalar_values = '2 1.5 1.3 1.0 1.2'
    output_Scalar_names = 'x_residual'
    output_Scalar_values = '0.14'
  []
[]
