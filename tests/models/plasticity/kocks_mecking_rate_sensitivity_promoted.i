# KocksMeckingRateSensitivity with A and mu promoted to variables: n = -mu b^3 / (k T A) = 14.7433350595
# (the numbers of kocks_mecking_rate_sensitivity.i)
[Models]
  [model]
    type = KocksMeckingRateSensitivity
    temperature = 'T'
    rate_sensitivity = 'n'
    A = 'A'
    shear_modulus = 'mu'
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
    batch_shape = '(3,)'
    input_Scalar_names = 'T A mu'
    input_Scalar_values = '600 -8.679 70000'
    output_Scalar_names = 'n'
    output_Scalar_values = '14.743335059484357'
  []
[]
