# MinMapComplementarity with the defaults a <= 0 (LE), b >= 0 (GE): c = min(-a, b)
# a = -0.3, b = 0.4: c = min(0.3, 0.4) = 0.3 (the a side)
[Models]
  [model]
    type = MinMapComplementarity
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
    input_Scalar_names = 'a b'
    input_Scalar_values = '-0.3 0.4'
    output_Scalar_names = 'complementarity'
    output_Scalar_values = '0.3'
    check_second_derivatives = true
  []
[]
