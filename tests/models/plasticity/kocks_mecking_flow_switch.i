# KocksMeckingFlowSwitch: h = (1 + tanh(s (g - g0))) / 2, gamma_dot = (1 - h) gamma_dot_ri + h gamma_dot_rd,
# g = 0.5, g0 = 0.4, s = 10: tanh(1) = 0.761594155956, h = 0.880797077978;
# gamma_dot_ri = 2, gamma_dot_rd = 5: gamma_dot = 2 + 3 h = 4.64239123393
[Models]
  [model]
    type = KocksMeckingFlowSwitch
    activation_energy = 'g'
    rate_independent_flow_rate = 'ri'
    rate_dependent_flow_rate = 'rd'
    flow_rate = 'gamma_dot'
    g0 = 0.4
    sharpness = 10
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
    input_Scalar_names = 'g ri rd'
    input_Scalar_values = '0.5 2 5'
    output_Scalar_names = 'gamma_dot'
    output_Scalar_values = '4.6423912339336475'
  []
[]
