# SR2Determinant of A = (a, b, c, d, e, f) = (xx, yy, zz, yz, xz, xy) = (2, 3, 4, 0.5, -1, 1):
# det = abc + 2def - a d^2 - b e^2 - c f^2 = 24 - 1 - 0.5 - 3 - 4 = 15.5
[Models]
  [model]
    type = SR2Determinant
    input = 'A'
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
    batch_shape = '(3,)'
    input_SR2_names = 'A'
    input_SR2_values = '2 3 4 0.5 -1 1'
    output_Scalar_names = 'J'
    output_Scalar_values = '15.5'
    check_second_derivatives = true
  []
[]
