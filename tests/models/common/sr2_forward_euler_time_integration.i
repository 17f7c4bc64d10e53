# SR2ForwardEulerTimeIntegration with explicit rate / old_variable names: Ep = Ep_old + (t - t~1) Ep_dot
# Ep_old = (0.005, 0.01, 0.0, 0.001, 0.002, 0.0), Ep_dot = (0.02, 0.01, -0.03, 0.004, -0.002, -0.006), t - t~1 = 0.5
# Ep = (0.005 + 0.01, 0.01 + 0.005, 0 - 0.015, 0.001 + 0.002, 0.002 - 0.001, 0 - 0.003)
#    = (0.015, 0.015, -0.015, 0.003, 0.001, -0.003)
[Models]
  [model]
    type = SR2ForwardEulerTimeIntegration
    variable = 'Ep'
    rate = 'Ep_dot'
    old_variable = 'Ep_old'
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
    input_SR2_names = 'Ep_old Ep_dot'
    input_SR2_values = '0.005 0.01 0.0 0.001 0.002 0.0; 0.02 0.01 -0.03 0.004 -0.002 -0.006'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '2 1.5'
    output_SR2_names = 'Ep'
    output_SR2_values = '0.015 0.015 -0.015 0.003 0.001 -0.003'
    check_second_derivatives = true
  []
[]
