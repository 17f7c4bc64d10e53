# SR2InputParameter: parameter = variable = (1, -2, 3, 0.5, -0.25, 4)
[Models]
  [model]
    type = SR2InputParameter
    variable = 'A'
    parameter = 'P'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(2,)'
    input_SR2_names = 'A'
    input_SR2_values = '1 -2 3 0.5 -0.25 4'
    output_SR2_names = 'P'
    output_SR2_values = '1 -2 3 0.5 -0.25 4'
    check_second_derivatives = true
  []
[]
