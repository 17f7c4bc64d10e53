# R2ToWR2: F = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], W = (F - F^T)/2 stored as (W_zy, W_xz, W_yx):
# W_zy = (8 - 6)/2 = 1, W_xz = (3 - 7)/2 = -2, W_yx = (4 - 2)/2 = 1
[Models]
  [model]
    type = R2ToWR2
    input = 'F'
    output = 'W'
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
    output_WR2_names = 'W'
    output_WR2_values = '1 -2 1'
    check_second_derivatives = true
  []
[]
