# PowerLawSlipRule (one slip system, no sub-batch): gamma_dot = gamma0 |tau/tau_bar|^(n-1) tau/tau_bar
#   tau/tau_bar = -60/40 = -1.5; 0.2 * 1.5^2 * (-1.5) = 0.2 * (-3.375) = -0.675
[Models]
  [model]
    type = PowerLawSlipRule
    gamma0 = 0.2
    n = 3
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
    input_Scalar_names = 'resolved_shears slip_strengths'
    input_Scalar_values = '-60 40'
    output_Scalar_names = 'slip_rates'
    output_Scalar_values = '-0.675'
    check_second_derivatives = true
  []
[]
