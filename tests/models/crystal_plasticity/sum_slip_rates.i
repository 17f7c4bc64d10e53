# SumSlipRates (one slip system, no sub-batch): sum_i |gamma_dot_i| = |-0.3| = 0.3
[Models]
  [model]
    type = SumSlipRates
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
    input_Scalar_names = 'slip_rates'
    input_Scalar_values = '-0.3'
    output_Scalar_names = 'sum_slip_rates'
    output_Scalar_values = '0.3'
    check_second_derivatives = true
  []
[]
