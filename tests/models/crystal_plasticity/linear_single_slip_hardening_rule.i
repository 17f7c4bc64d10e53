# LinearSingleSlipHardeningRule: tau_hat_dot = theta gamma_dot = 300 * 0.02 = 6
[Models]
  [model]
    type = LinearSingleSlipHardeningRule
    hardening_slope = 300
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
    output_Scalar_values = '6'
    check_second_derivatives = true
  []
[]
