# ScalarMultiplication: to = scaling * a / b * c = 2 * 3 / 4 * (-0.5) = -0.75 (reciprocal = 'false true false')
[Models]
  [model]
    type = ScalarMultiplication
    from = 'a b c'
    to = 'd'
    scaling = 2
    reciprocal = 'false true false'
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
    input_Scalar_names = 'a b c'
    input_Scalar_values = '3 4 -0.5'
    output_Scalar_names = 'd'
    output_Scalar_values = '-0.75'
    check_second_derivatives = true
  []
[]
