# MinMapComplementarity with a >= 0 (GE), b <= 0 (LE): c = min(a, -b)
# a = 0.5, b = -0.2: c = min(0.5, 0.2) = 0.2 (the b side)
[Models]
  [model]
    type = MinMapComplementarity
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
    input_Scalar_values = '0.5 -0.2'
    output_Scalar_names = 'complementarity'
    output_Scalar_values = '0.2'
    check_second_derivatives = true
  []
[]
