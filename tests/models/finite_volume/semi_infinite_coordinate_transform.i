# SemiInfiniteCoordinateTransform: x_hat = x / (x + s)
#   x = 3, s = 2: x_hat = 3 / 5 = 0.6   (check: s x_hat / (1 - x_hat) = 1.2 / 0.4 = 3)
[Models]
  [model]
    type = SemiInfiniteCoordinateTransform
    coordinate = 'x'
    shift = 2
    transformed_coordinate = 'x_hat'
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'x'
    input_Scalar_values = '3'
    output_Scalar_names = 'x_hat'
    output_Scalar_values = '0.6'
    check_second_derivatives = true
  []
[]
