# ScalarParameterToVariable: to = from = 2.5
[Models]
  [model]
    type = ScalarParameterToVariable
    from = 2.5
    to = 'y'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    output_Scalar_names = 'y'
    output_Scalar_values = '2.5'
  []
[]
