# VecInputParameter: parameter = variable = (1 -2 3)
[Models]
  [model]
    type = VecInputParameter
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
    input_Vec_names = 'A'
    input_Vec_values = '1 -2 3'
    output_Vec_names = 'P'
    output_Vec_values = '1 -2 3'
    check_second_derivatives = true
  []
[]
