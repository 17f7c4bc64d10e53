# VoceIsotropicHardening: k = R (1 - exp(-d ep)) = 200 (1 - exp(-10 * 0.05)) = 78.69386805747331
[Models]
  [model]
    type = VoceIsotropicHardening
    saturated_hardening = 200
    saturation_rate = 10
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
    input_Scalar_names = 'equivalent_plastic_strain'
    input_Scalar_values = '0.05'
    output_Scalar_names = 'isotropic_hardening'
    output_Scalar_values = '78.69386805747331'
    check_second_derivatives = true
  []
[]
