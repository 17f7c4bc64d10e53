# ScalarPNorm: p = 2, unit weights, x = (3, -4): y = sqrt(9 + 16 + eps) = 5
[Models]
  [model]
    type = ScalarPNorm
    from = 'a b'
    to = 'y'
    exponent = 2.0
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
    batch_shape = '(3,)'
    check_second_derivatives = true
    input_Scalar_names = 'a b'
    input_Scalar_values = '3 -4'
    output_Scalar_names = 'y'
    output_Scalar_values = '5'
  []
[]
