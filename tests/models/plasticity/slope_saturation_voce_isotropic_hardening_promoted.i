# SlopeSaturationVoceIsotropicHardening with R and theta0 promoted to input variables; the output name
# follows the renamed hardening variable ('h' -> 'h_rate'):
# h_rate = theta0 (1 - h / R) gamma_dot = 1000 (1 - 50/200) 0.3 = 225
[Models]
  [model]
    type = SlopeSaturationVoceIsotropicHardening
    isotropic_hardening = 'h'
    saturated_hardening = 'R'
    initial_hardening_rate = 'theta0'
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
    input_Scalar_names = 'flow_rate h R theta0'
    input_Scalar_values = '0.3 50 200 1000'
    output_Scalar_names = 'h_rate'
    output_Scalar_values = '225'
    check_second_derivatives = true
  []
[]
