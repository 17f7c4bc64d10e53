# SR2Invariant EFFECTIVE_STRAIN of A = (0.01, -0.005, 0.003, 0.002, -0.001, 0.004) (SR2 fill: xx yy zz yz xz xy)
# A = 1e-4 (100, -50, 30, 20, -10, 40): dev A : dev A = 1e-8 * 46400 / 3
# EFFECTIVE_STRAIN = sqrt(2/3 dev A : dev A) = 1e-4 sqrt(92800) / 3 = 0.010154364141151877
[Models]
  [model]
    type = SR2Invariant
    invariant_type = 'EFFECTIVE_STRAIN'
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
    batch_shape = '(4,)'
    input_SR2_names = 'A'
    input_SR2_values = '0.01 -0.005 0.003 0.002 -0.001 0.004'
    output_Scalar_names = 'a'
    output_Scalar_values = '0.010154364141151877'
    check_second_derivatives = true
  []
[]
