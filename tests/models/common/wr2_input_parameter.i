# WR2InputParameter: parameter = variable = (0.1 -0.2 0.3)
[Models]
  [model]
    type = WR2InputParameter
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
    input_WR2_names = 'A'
    input_WR2_values = '0.1 -0.2 0.3'
    output_WR2_names = 'P'
    output_WR2_values = '0.1 -0.2 0.3'
    check_second_derivatives = true
  []
[]
