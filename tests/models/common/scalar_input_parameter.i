# ScalarInputParameter: parameter = variable = 0.7 (default output name 'parameter')
[Models]
  [model]
    type = ScalarInputParameter
    variable = 'x'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'x'
    input_Scalar_values = '0.7'
    output_Scalar_names = 'parameter'
    output_Scalar_values = '0.7'
    check_second_derivatives = true
  []
[]
