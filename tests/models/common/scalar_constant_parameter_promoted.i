# ScalarConstantParameter whose value is itself a variable 'q' (mode 4): output named after the block, E = q = 2.5
[Models]
  [E]
    type = ScalarConstantParameter
    value = 'q'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'E'
    batch_shape = '(2,)'
    input_Scalar_names = 'q'
    input_Scalar_values = '2.5'
    output_Scalar_names = 'E'
    output_Scalar_values = '2.5'
    check_second_derivatives = true
  []
[]
