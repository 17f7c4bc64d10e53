# ScalarConstantParameter: parameter = value = 3.5 (output named by the 'parameter' option)
[Models]
  [model]
    type = ScalarConstantParameter
    value = 3.5
    parameter = 'p'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '()'
    output_Scalar_names = 'p'
    output_Scalar_values = '3.5'
  []
[]
