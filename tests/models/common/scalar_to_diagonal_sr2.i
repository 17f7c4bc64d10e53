# ScalarToDiagonalSR2: output = 2.5 I = (2.5, 2.5, 2.5, 0, 0, 0)
[Models]
  [model]
    type = ScalarToDiagonalSR2
    input = 'p'
    output = 'P'
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
    batch_shape = '(2,)'
    input_Scalar_names = 'p'
    input_Scalar_values = '2.5'
    output_SR2_names = 'P'
    output_SR2_values = '2.5 2.5 2.5 0 0 0'
    check_second_derivatives = true
  []
[]
