# R2Multiplication: to = A B for A = [[2, 1, 0.5], [0.3, 3, -1], [1, 0.2, 4]],
# B = [[1.5, -0.2, 0.1], [0.4, 2, 0.3], [-0.5, 0.6, 1.2]] (numpy matrix products and inverse).
[Models]
  [model]
    type = R2Multiplication
    A = 'A'
    B = 'B'
    to = 'C'

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
    output_R2_values = '3.15 1.9000000000000001 1.1 2.15 5.340000000000001 -0.27 -0.41999999999999993 2.6 4.96'
  []
[]
