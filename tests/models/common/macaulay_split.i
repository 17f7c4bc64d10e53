# MacaulaySplit of x = 0.7: to_positive = max(0.7, 0) = 0.7, to_negative = 0.7 - 0.7 = 0
[Models]
  [model]
    type = MacaulaySplit
    from = 'x'
    to_positive = 'xp'
    to_negative = 'xn'
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
    input_Scalar_names = 'x'
    input_Scalar_values = '0.7'
    output_Scalar_names = 'xp xn'
    output_Scalar_values = '0.7 0'
    check_second_derivatives = true
  []
[]
