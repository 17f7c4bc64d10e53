# ScalarVariableRate: x_rate = (x - x~1) / (t - t~1) = (2 - 1.5) / (1.3 - 1.0) = 0.5 / 0.3 = 1.6666666666666667
[Models]
  [model]
    type = ScalarVariableRate
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
    input_Scalar_names = 'x x~1 t t~1'
    input_Scalar_values = '2 1.5 1.3 1.0'
    output_Scalar_names = 'x_rate'
    output_Scalar_values = '1.6666666666666667'
    check_second_derivatives = true
  []
[]
