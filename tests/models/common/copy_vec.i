# CopyVec: to = from = (1, -2, 3)
[Models]
  [model]
    type = CopyVec
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
    input_Vec_names = 'a'
    input_Vec_values = '1 -2 3'
    output_Vec_names = 'b'
    output_Vec_values = '1 -2 3'
    check_second_derivatives = true
  []
[]
