# SR2Invariant I2 of A = (100, -50, 30, 20, -10, 40) (SR2 fill: xx yy zz yz xz xy)
# I2 = (tr(A)^2 - A:A) / 2, A:A = 100^2 + 50^2 + 30^2 + 2 (20^2 + 10^2 + 40^2) = 13400 + 4200 = 17600
# I2 = (6400 - 17600) / 2 = -5600
#    (= A11 A22 + A22 A33 + A11 A33 - A23^2 - A13^2 - A12^2 = -5000 - 1500 + 3000 - 400 - 100 - 1600)
[Models]
  [model]
    type = SR2Invariant
    invariant_type = 'I2'
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
    batch_shape = '(2,2)'
    input_SR2_names = 'A'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_Scalar_names = 'a'
    output_Scalar_values = '-5600'
    check_second_derivatives = true
  []
[]
