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
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'x'
    input_Scalar_values = '0.7'
    output_Scalar_names = 'parameter'
    output_Scalar_values = '0.7'
    check_second_derivatives = true
  []
[]
