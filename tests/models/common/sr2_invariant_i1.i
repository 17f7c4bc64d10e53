# SR2Invariant I1 of A = (100, -50, 30, 20, -10, 40) (SR2 fill: xx yy zz yz xz xy)
# I1 = tr A = 100 - 50 + 30 = 80
[Models]
  [model]
    type = SR2Invariant
    invariant_type = 'I1'
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
    batch_shape = '(3,)'
    input_SR2_names = 'A'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_Scalar_names = 'a'
    output_Scalar_values = '80'
    check_second_derivatives = true
  []
[]
