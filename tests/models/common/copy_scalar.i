# CopyScalar: to = from = (-1.25)
[Models]
  [model]
    type = CopyScalar
    from = 'a'
    to = 'b'
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
    batch_shape = '(2,)'
    input_Scalar_names = 'a'
    input_Scalar_values = '-1.25'
    output_Scalar_names = 'b'
    output_Scalar_values = '-1.25'
    check_second_derivatives = true
  []
[]
