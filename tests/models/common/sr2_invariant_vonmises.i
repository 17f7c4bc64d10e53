# SR2Invariant VONMISES of A = (100, -50, 30, 20, -10, 40) (SR2 fill: xx yy zz yz xz xy)
# dev A : dev A = A:A - tr(A)^2 / 3 = 17600 - 6400 / 3 = 46400 / 3
# VONMISES = sqrt(3/2 dev A : dev A) = sqrt(23200) = 152.31546211727817
[Models]
  [model]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'A'
    invariant = 'a'
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
    batch_shape = '()'
    input_SR2_names = 'A'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_Scalar_names = 'a'
    output_Scalar_values = '152.31546211727817'
    check_second_derivatives = true
  []
[]
