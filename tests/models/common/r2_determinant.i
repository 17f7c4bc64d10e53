# R2Determinant of F = [[2, 1, 0.5], [0.3, 3, -1], [1, 0.2, 4]] (cofactor expansion along the first row):
# det = 2 (3*4 - (-1)(0.2)) - 1 (0.3*4 - (-1)(1)) + 0.5 (0.3*0.2 - 3*1) = 24.4 - 2.2 - 1.47 = 20.73
[Models]
  [model]
    type = R2Determinant
    input = 'F'
    determinant = 'J'
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
    batch_shape = '(2,3)'
    input_R2_names = 'F'
    input_R2_values = '2 1 0.5 0.3 3 -1 1 0.2 4'
    output_Scalar_names = 'J'
    output_Scalar_values = '20.73'
    check_second_derivatives = true
  []
[]
