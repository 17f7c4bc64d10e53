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
    model = 'model'
    batch_shape = '(2,)'
    input_Scalar_names = 'a'
    input_Scalar_values = '-1.25'
    output_Scalar_names = 'b'
    output_Scalar_values = '-1.25'
    check_second_derivatives = true
  []
[]
