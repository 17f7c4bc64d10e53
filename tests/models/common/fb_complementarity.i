# FBComplementarity with the defaults a <= 0 (LE), b >= 0 (GE): c = -a + b - sqrt(a^2 + b^2)
# a = -0.3, b = 0.4: c = 0.3 + 0.4 - sqrt(0.09 + 0.16) = 0.7 - 0.5 = 0.2
[Models]
  [model]
    type = FBComplementarity
    a = 'f'
    b = 'gamma'
    complementarity = 'c'
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
    input_Scalar_names = 'f gamma'
    input_Scalar_values = '-0.3 0.4'
    output_Scalar_names = 'c'
    output_Scalar_values = '0.2'
    check_second_derivatives = true
  []
[]
