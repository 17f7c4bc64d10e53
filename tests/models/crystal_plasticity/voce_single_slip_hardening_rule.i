# VoceSingleSlipHardeningRule: tau_hat_dot = theta0 (1 - tau_hat / tau_f) gamma_dot
#   = 2000 * (1 - 100 / 500) * 0.02 = 2000 * 0.8 * 0.02 = 32
[Models]
  [model]
    type = VoceSingleSlipHardeningRule
    initial_slope = 2000
    saturated_hardening = 500
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
    input_Scalar_names = 'slip_hardening sum_slip_rates'
    input_Scalar_values = '100 0.02'
    output_Scalar_names = 'slip_hardening_rate'
    output_Scalar_values = '32'
    check_second_derivatives = true
  []
[]
