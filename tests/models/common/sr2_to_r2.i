# SR2ToR2: A = (xx, yy, zz, yz, xz, xy) = (1, 2, 3, 4, 5, 6) as a full tensor (row-major R2 fill):
#   [[1, 6, 5], [6, 2, 4], [5, 4, 3]]
[Models]
  [model]
    type = SR2ToR2
    input = 'A'
    output = 'F'
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
    input_SR2_names = 'A'
    input_SR2_values = '1 2 3 4 5 6'
    output_R2_names = 'F'
    output_R2_values = '1 6 5 6 2 4 5 4 3'
    check_second_derivatives = true
  []
[]
