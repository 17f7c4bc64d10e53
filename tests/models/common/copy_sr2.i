# CopySR2: to = from = (1, -2, 3, 0.5, -0.25, 4)
[Models]
  [model]
    type = CopySR2
    from = 'a'
    to = 'b'
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
    input_SR2_names = 'a'
    input_SR2_values = '1 -2 3 0.5 -0.25 4'
    output_SR2_names = 'b'
    output_SR2_values = '1 -2 3 0.5 -0.25 4'
    check_second_derivatives = true
  []
[]
