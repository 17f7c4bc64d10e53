# SlopeSaturationVoceIsotropicHardening: k_dot = theta0 (1 - k / R) gamma_dot = 1000 (1 - 50/200) 0.3 = 225
[Models]
  [model]
    type = SlopeSaturationVoceIsotropicHardening
    saturated_hardening = 200
    initial_hardening_rate = 1000
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
    input_Scalar_names = 'flow_rate isotropic_hardening'
    input_Scalar_values = '0.3 50'
    output_Scalar_names = 'isotropic_hardening_rate'
    output_Scalar_values = '225'
    check_second_derivatives = true
  []
[]
