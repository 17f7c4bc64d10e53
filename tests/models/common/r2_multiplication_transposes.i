# R2Multiplication: to = A^T B^-T for A = [[2, 1, 0.5], [0.3, 3, -1], [1, 0.2, 4]],
# B = [[1.5, -0.2, 0.1], [0.4, 2, 0.3], [-0.5, 0.6, 1.2]] (numpy matrix products and inverse).
[Models]
  [model]
    type = R2Multiplication
    A = 'A'
    B = 'B'
    to = 'C'
    transpose_A = true
    invert_B = true
    transpose_B = true
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(3,)'
    input_R2_names = 'A B'
    input_R2_values = '2 1 0.5 0.3 3 -1 1 0.2 4; 1.5 -0.2 0.1 0.4 2 0.3 -0.5 0.6 1.2'
    output_R2_names = 'C'
    output_R2_values = '1.1927374301675977 -0.31145251396648044 1.4860335195530727 0.8569832402234636 1.3513966480446928 -0.1519553072625699 -0.06424581005586597 -1.0628491620111733 3.837988826815643'
  []
[]
