# R2Multiplication: to = A B^-1 for A = [[2, 1, 0.5], [0.3, 3, -1], [1, 0.2, 4]],
# B = [[1.5, -0.2, 0.1], [0.4, 2, 0.3], [-0.5, 0.6, 1.2]] (numpy matrix products and inverse).
[Models]
  [model]
    type = R2Multiplication
    A = 'A'
    B = 'B'
    to = 'C'
    invert_B = true
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
    output_R2_values = '1.2374301675977653 0.5726256983240224 0.17039106145251398 -0.6882681564245812 1.7988826815642458 -1.2256983240223465 1.970391061452514 -0.7067039106145253 3.3458100558659223'
  []
[]
