# MillerIndexInputParameter: parameter = variable = (1 -1 2)
[Models]
  [model]
    type = MillerIndexInputParameter
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
    input_MillerIndex_names = 'A'
    input_MillerIndex_values = '1 -1 2'
    output_MillerIndex_names = 'P'
    output_MillerIndex_values = '1 -1 2'
    check_second_derivatives = true
  []
[]
