# CopyR2: to = from = (1, 2, 3, 4, 5, 6, 7, 8, 9)
[Models]
  [model]
    type = CopyR2
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
    input_R2_names = 'a'
    input_R2_values = '1 2 3 4 5 6 7 8 9'
    output_R2_names = 'b'
    output_R2_values = '1 2 3 4 5 6 7 8 9'
    check_second_derivatives = true
  []
[]
