# R2ToSR2: F = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], sym F: xx 1, yy 5, zz 9, yz (6 + 8)/2 = 7, xz (3 + 7)/2 = 5,
# xy (2 + 4)/2 = 3 -> SR2 fill (1, 5, 9, 7, 5, 3)
[Models]
  [model]
    type = R2ToSR2
    input = 'F'
    output = 'A'
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
    input_R2_names = 'F'
    input_R2_values = '1 2 3 4 5 6 7 8 9'
    output_SR2_names = 'A'
    output_SR2_values = '1 5 9 7 5 3'
    check_second_derivatives = true
  []
[]
