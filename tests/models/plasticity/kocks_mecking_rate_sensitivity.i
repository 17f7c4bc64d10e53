# KocksMeckingRateSensitivity: n = -mu b^3 / (k T A), k = 1.38064e-20, b = 2.474e-7, mu = 70000,
# A = -8.679, T = 600: mu b^3 = 1.05997866968e-15, k T A = -7.18954473600e-17,
# n = 1.05997866968e-15 / 7.189544736e-17 = 14.7433350595
[Models]
  [model]
    type = KocksMeckingRateSensitivity
    temperature = 'T'
    rate_sensitivity = 'n'
    A = -8.679
    shear_modulus = 70000
    k = 1.38064e-20
    b = 2.474e-7
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
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_Scalar_names = 'T'
    input_Scalar_values = '600'
    output_Scalar_names = 'n'
    output_Scalar_values = '14.743335059484357'
  []
[]
