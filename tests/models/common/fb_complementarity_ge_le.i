# FBComplementarity with a >= 0 (GE), b <= 0 (LE): c = a - b - sqrt(a^2 + b^2)
# a = 0.6, b = -0.8: c = 0.6 + 0.8 - sqrt(0.36 + 0.64) = 1.4 - 1 = 0.4
[Models]
  [model]
    type = FBComplementarity
    a_inequality = GE
    b_inequality = LE
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
    batch_shape = '(2,)'
    input_Scalar_names = 'a b'
    input_Scalar_values = '0.6 -0.8'
    output_Scalar_names = 'complementarity'
    output_Scalar_values = '0.4'
    check_second_derivatives = true
  []
[]
