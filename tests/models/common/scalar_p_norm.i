# ScalarPNorm: p = 3, w = (1, 2, 0.5), x = (1, -2, 2):
#   y = (1*1 + 2*8 + 0.5*8 + eps)^(1/3) = 21^(1/3) = 2.7589241763811203
[Models]
  [model]
    type = ScalarPNorm
    from = 'a b c'
    to = 'y'
    exponent = 3.0
    weights = '1.0 2.0 0.5'
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
    input_Scalar_names = 'a b c'
    input_Scalar_values = '1 -2 2'
    output_Scalar_names = 'y'
    output_Scalar_values = '2.7589241763811203'
  []
[]
