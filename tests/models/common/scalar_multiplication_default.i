# ScalarMultiplication with the defaults (scaling 1, no reciprocal): to = a b = 1.5 * -4 = -6
[Models]
  [model]
    type = ScalarMultiplication
    from = 'a b'
    to = 'd'
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
    batch_shape = '()'
    input_Scalar_names = 'a b'
    input_Scalar_values = '1.5 -4'
    output_Scalar_names = 'd'
    output_Scalar_values = '-6'
    check_second_derivatives = true
  []
[]
