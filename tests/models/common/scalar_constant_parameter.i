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
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '()'
    output_Scalar_names = 'p'
    output_Scalar_values = '3.5'
  []
[]
