# R2InputParameter: parameter = variable = (1 -2 3 0.5 -0.25 4 2.5 -3 0.75)
[Models]
  [model]
    type = R2InputParameter
    variable = 'A'
    parameter = 'P'
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
    input_R2_names = 'A'
    input_R2_values = '1 -2 3 0.5 -0.25 4 2.5 -3 0.75'
    output_R2_names = 'P'
    output_R2_values = '1 -2 3 0.5 -0.25 4 2.5 -3 0.75'
    check_second_derivatives = true
  []
[]
