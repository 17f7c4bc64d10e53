# CopyMillerIndex: to = from = (1 -1 2)
[Models]
  [model]
    type = CopyMillerIndex
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
    batch_shape = '(3,)'
    input_MillerIndex_names = 'a'
    input_MillerIndex_values = '1 -1 2'
    output_MillerIndex_names = 'b'
    output_MillerIndex_values = '1 -1 2'
    check_second_derivatives = true
  []
[]
