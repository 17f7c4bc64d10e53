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
    model = 'model'
    batch_shape = '(2,)'
    input_Vec_names = 'a'
    input_Vec_values = '1 -2 3'
    output_Vec_names = 'b'
    output_Vec_values = '1 -2 3'
    check_second_derivatives = true
  []
[]
